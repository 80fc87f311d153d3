# generated from ui/action_text.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_text.ui'
##
## Created by: pyside6-uic
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ActionTextDialog(object):
    def setupUi(self, ActionTextDialog):
        if not ActionTextDialog.objectName():
            ActionTextDialog.setObjectName(u"ActionTextDialog")
        ActionTextDialog.resize(480, 200)
        self.outer = QVBoxLayout(ActionTextDialog)
        self.outer.setObjectName(u"outer")
        self.caseLabel = QLabel(ActionTextDialog)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setText(u"")
        self.caseLabel.setWordWrap(True)

        self.outer.addWidget(self.caseLabel)

        self.formError = QLabel(ActionTextDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setText(u"")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.outer.addWidget(self.formError)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.textLabel = QLabel(ActionTextDialog)
        self.textLabel.setObjectName(u"textLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.textLabel)

        self.textEdit = QPlainTextEdit(ActionTextDialog)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setTabChangesFocus(True)
        self.textEdit.setMinimumSize(QSize(0, 110))

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.textEdit)

        self.textError = QLabel(ActionTextDialog)
        self.textError.setObjectName(u"textError")
        self.textError.setText(u"")
        self.textError.setWordWrap(True)
        self.textError.setVisible(False)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.textError)


        self.outer.addLayout(self.fields)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(ActionTextDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.textLabel.setBuddy(self.textEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionTextDialog)

        QMetaObject.connectSlotsByName(ActionTextDialog)
    # setupUi

    def retranslateUi(self, ActionTextDialog):
        ActionTextDialog.setWindowTitle(QCoreApplication.translate("ActionTextDialog", u"Case action", None))
#if QT_CONFIG(accessibility)
        self.formError.setAccessibleName(QCoreApplication.translate("ActionTextDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.textLabel.setText(QCoreApplication.translate("ActionTextDialog", u"&Text:", None))
#if QT_CONFIG(accessibility)
        self.textEdit.setAccessibleName(QCoreApplication.translate("ActionTextDialog", u"&Text:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.textError.setAccessibleName(QCoreApplication.translate("ActionTextDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

