# generated from ui/action_contact.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_contact.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_ActionContactDialog(object):
    def setupUi(self, ActionContactDialog):
        if not ActionContactDialog.objectName():
            ActionContactDialog.setObjectName(u"ActionContactDialog")
        ActionContactDialog.resize(480, 200)
        self.outer = QVBoxLayout(ActionContactDialog)
        self.outer.setObjectName(u"outer")
        self.caseLabel = QLabel(ActionContactDialog)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setText(u"")
        self.caseLabel.setWordWrap(True)

        self.outer.addWidget(self.caseLabel)

        self.formError = QLabel(ActionContactDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setText(u"")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.outer.addWidget(self.formError)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.methodLabel = QLabel(ActionContactDialog)
        self.methodLabel.setObjectName(u"methodLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.methodLabel)

        self.methodCombo = QComboBox(ActionContactDialog)
        self.methodCombo.setObjectName(u"methodCombo")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.methodCombo)

        self.methodError = QLabel(ActionContactDialog)
        self.methodError.setObjectName(u"methodError")
        self.methodError.setText(u"")
        self.methodError.setWordWrap(True)
        self.methodError.setVisible(False)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.methodError)

        self.summaryLabel = QLabel(ActionContactDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summaryEdit = QPlainTextEdit(ActionContactDialog)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setTabChangesFocus(True)
        self.summaryEdit.setMinimumSize(QSize(0, 90))

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.summaryError = QLabel(ActionContactDialog)
        self.summaryError.setObjectName(u"summaryError")
        self.summaryError.setText(u"")
        self.summaryError.setWordWrap(True)
        self.summaryError.setVisible(False)

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.summaryError)


        self.outer.addLayout(self.fields)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(ActionContactDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.methodLabel.setBuddy(self.methodCombo)
        self.summaryLabel.setBuddy(self.summaryEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionContactDialog)

        QMetaObject.connectSlotsByName(ActionContactDialog)
    # setupUi

    def retranslateUi(self, ActionContactDialog):
        ActionContactDialog.setWindowTitle(QCoreApplication.translate("ActionContactDialog", u"Log a contact", None))
#if QT_CONFIG(accessibility)
        self.formError.setAccessibleName(QCoreApplication.translate("ActionContactDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.methodLabel.setText(QCoreApplication.translate("ActionContactDialog", u"&How:", None))
#if QT_CONFIG(accessibility)
        self.methodCombo.setAccessibleName(QCoreApplication.translate("ActionContactDialog", u"&How:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.methodError.setAccessibleName(QCoreApplication.translate("ActionContactDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.summaryLabel.setText(QCoreApplication.translate("ActionContactDialog", u"&What was said:", None))
#if QT_CONFIG(accessibility)
        self.summaryEdit.setAccessibleName(QCoreApplication.translate("ActionContactDialog", u"&What was said:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.summaryError.setAccessibleName(QCoreApplication.translate("ActionContactDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

