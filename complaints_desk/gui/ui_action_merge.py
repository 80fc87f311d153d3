# generated from ui/action_merge.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_merge.ui'
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
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ActionMergeDialog(object):
    def setupUi(self, ActionMergeDialog):
        if not ActionMergeDialog.objectName():
            ActionMergeDialog.setObjectName(u"ActionMergeDialog")
        ActionMergeDialog.resize(480, 200)
        self.outer = QVBoxLayout(ActionMergeDialog)
        self.outer.setObjectName(u"outer")
        self.caseLabel = QLabel(ActionMergeDialog)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setText(u"")
        self.caseLabel.setWordWrap(True)

        self.outer.addWidget(self.caseLabel)

        self.formError = QLabel(ActionMergeDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setText(u"")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.outer.addWidget(self.formError)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.into_case_idLabel = QLabel(ActionMergeDialog)
        self.into_case_idLabel.setObjectName(u"into_case_idLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.into_case_idLabel)

        self.receiptEdit = QLineEdit(ActionMergeDialog)
        self.receiptEdit.setObjectName(u"receiptEdit")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.receiptEdit)

        self.into_case_idError = QLabel(ActionMergeDialog)
        self.into_case_idError.setObjectName(u"into_case_idError")
        self.into_case_idError.setText(u"")
        self.into_case_idError.setWordWrap(True)
        self.into_case_idError.setVisible(False)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.into_case_idError)

        self.foundLabel = QLabel(ActionMergeDialog)
        self.foundLabel.setObjectName(u"foundLabel")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.foundLabel)

        self.foundValue = QLabel(ActionMergeDialog)
        self.foundValue.setObjectName(u"foundValue")
        self.foundValue.setWordWrap(True)
        self.foundValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.foundValue.setText(u"")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.foundValue)

        self.foundError = QLabel(ActionMergeDialog)
        self.foundError.setObjectName(u"foundError")
        self.foundError.setText(u"")
        self.foundError.setWordWrap(True)
        self.foundError.setVisible(False)

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.foundError)


        self.outer.addLayout(self.fields)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(ActionMergeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.into_case_idLabel.setBuddy(self.receiptEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionMergeDialog)

        QMetaObject.connectSlotsByName(ActionMergeDialog)
    # setupUi

    def retranslateUi(self, ActionMergeDialog):
        ActionMergeDialog.setWindowTitle(QCoreApplication.translate("ActionMergeDialog", u"Merge as a duplicate", None))
#if QT_CONFIG(accessibility)
        self.formError.setAccessibleName(QCoreApplication.translate("ActionMergeDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.into_case_idLabel.setText(QCoreApplication.translate("ActionMergeDialog", u"&Receipt number of the case to keep:", None))
#if QT_CONFIG(accessibility)
        self.receiptEdit.setAccessibleName(QCoreApplication.translate("ActionMergeDialog", u"&Receipt number of the case to keep:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.into_case_idError.setAccessibleName(QCoreApplication.translate("ActionMergeDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.foundLabel.setText(QCoreApplication.translate("ActionMergeDialog", u"Case found:", None))
#if QT_CONFIG(accessibility)
        self.foundValue.setAccessibleName(QCoreApplication.translate("ActionMergeDialog", u"Case found:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.foundError.setAccessibleName(QCoreApplication.translate("ActionMergeDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

