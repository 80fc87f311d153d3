# generated from ui/action_extend.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_extend.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_ActionExtendDialog(object):
    def setupUi(self, ActionExtendDialog):
        if not ActionExtendDialog.objectName():
            ActionExtendDialog.setObjectName(u"ActionExtendDialog")
        ActionExtendDialog.resize(480, 200)
        self.outer = QVBoxLayout(ActionExtendDialog)
        self.outer.setObjectName(u"outer")
        self.caseLabel = QLabel(ActionExtendDialog)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setText(u"")
        self.caseLabel.setWordWrap(True)

        self.outer.addWidget(self.caseLabel)

        self.formError = QLabel(ActionExtendDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setText(u"")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.outer.addWidget(self.formError)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reason_codeLabel = QLabel(ActionExtendDialog)
        self.reason_codeLabel.setObjectName(u"reason_codeLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reason_codeLabel)

        self.reasonCombo = QComboBox(ActionExtendDialog)
        self.reasonCombo.setObjectName(u"reasonCombo")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reasonCombo)

        self.reason_codeError = QLabel(ActionExtendDialog)
        self.reason_codeError.setObjectName(u"reason_codeError")
        self.reason_codeError.setText(u"")
        self.reason_codeError.setWordWrap(True)
        self.reason_codeError.setVisible(False)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reason_codeError)

        self.reason_textLabel = QLabel(ActionExtendDialog)
        self.reason_textLabel.setObjectName(u"reason_textLabel")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reason_textLabel)

        self.reasonTextEdit = QLineEdit(ActionExtendDialog)
        self.reasonTextEdit.setObjectName(u"reasonTextEdit")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonTextEdit)

        self.reason_textError = QLabel(ActionExtendDialog)
        self.reason_textError.setObjectName(u"reason_textError")
        self.reason_textError.setText(u"")
        self.reason_textError.setWordWrap(True)
        self.reason_textError.setVisible(False)

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reason_textError)

        self.extendLabel = QLabel(ActionExtendDialog)
        self.extendLabel.setObjectName(u"extendLabel")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.extendLabel)

        self.amountSpin = QSpinBox(ActionExtendDialog)
        self.amountSpin.setObjectName(u"amountSpin")
        self.amountSpin.setMinimum(1)
        self.amountSpin.setMaximum(99)

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.amountSpin)

        self.extendError = QLabel(ActionExtendDialog)
        self.extendError.setObjectName(u"extendError")
        self.extendError.setText(u"")
        self.extendError.setWordWrap(True)
        self.extendError.setVisible(False)

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.extendError)

        self.consentCheck = QCheckBox(ActionExtendDialog)
        self.consentCheck.setObjectName(u"consentCheck")

        self.fields.setWidget(6, QFormLayout.ItemRole.FieldRole, self.consentCheck)

        self.consentError = QLabel(ActionExtendDialog)
        self.consentError.setObjectName(u"consentError")
        self.consentError.setText(u"")
        self.consentError.setWordWrap(True)
        self.consentError.setVisible(False)

        self.fields.setWidget(7, QFormLayout.ItemRole.FieldRole, self.consentError)

        self.new_due_atLabel = QLabel(ActionExtendDialog)
        self.new_due_atLabel.setObjectName(u"new_due_atLabel")

        self.fields.setWidget(8, QFormLayout.ItemRole.LabelRole, self.new_due_atLabel)

        self.newDueValue = QLabel(ActionExtendDialog)
        self.newDueValue.setObjectName(u"newDueValue")
        self.newDueValue.setWordWrap(True)
        self.newDueValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.newDueValue.setText(u"")

        self.fields.setWidget(8, QFormLayout.ItemRole.FieldRole, self.newDueValue)

        self.new_due_atError = QLabel(ActionExtendDialog)
        self.new_due_atError.setObjectName(u"new_due_atError")
        self.new_due_atError.setText(u"")
        self.new_due_atError.setWordWrap(True)
        self.new_due_atError.setVisible(False)

        self.fields.setWidget(9, QFormLayout.ItemRole.FieldRole, self.new_due_atError)

        self.noticeCheck = QCheckBox(ActionExtendDialog)
        self.noticeCheck.setObjectName(u"noticeCheck")

        self.fields.setWidget(10, QFormLayout.ItemRole.FieldRole, self.noticeCheck)

        self.noticeError = QLabel(ActionExtendDialog)
        self.noticeError.setObjectName(u"noticeError")
        self.noticeError.setText(u"")
        self.noticeError.setWordWrap(True)
        self.noticeError.setVisible(False)

        self.fields.setWidget(11, QFormLayout.ItemRole.FieldRole, self.noticeError)


        self.outer.addLayout(self.fields)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(ActionExtendDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reason_codeLabel.setBuddy(self.reasonCombo)
        self.reason_textLabel.setBuddy(self.reasonTextEdit)
        self.extendLabel.setBuddy(self.amountSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionExtendDialog)

        QMetaObject.connectSlotsByName(ActionExtendDialog)
    # setupUi

    def retranslateUi(self, ActionExtendDialog):
        ActionExtendDialog.setWindowTitle(QCoreApplication.translate("ActionExtendDialog", u"Extend the deadline", None))
#if QT_CONFIG(accessibility)
        self.formError.setAccessibleName(QCoreApplication.translate("ActionExtendDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.reason_codeLabel.setText(QCoreApplication.translate("ActionExtendDialog", u"&Reason:", None))
#if QT_CONFIG(accessibility)
        self.reasonCombo.setAccessibleName(QCoreApplication.translate("ActionExtendDialog", u"&Reason:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reason_codeError.setAccessibleName(QCoreApplication.translate("ActionExtendDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.reason_textLabel.setText(QCoreApplication.translate("ActionExtendDialog", u"&Explanation:", None))
#if QT_CONFIG(accessibility)
        self.reasonTextEdit.setAccessibleName(QCoreApplication.translate("ActionExtendDialog", u"&Explanation:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reason_textError.setAccessibleName(QCoreApplication.translate("ActionExtendDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.extendLabel.setText(QCoreApplication.translate("ActionExtendDialog", u"&Extend by:", None))
#if QT_CONFIG(accessibility)
        self.amountSpin.setAccessibleName(QCoreApplication.translate("ActionExtendDialog", u"&Extend by:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.extendError.setAccessibleName(QCoreApplication.translate("ActionExtendDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.consentCheck.setAccessibleName("")
#endif // QT_CONFIG(accessibility)
        self.consentCheck.setText(QCoreApplication.translate("ActionExtendDialog", u"The petitioner &consents (needed for a second extension)", None))
#if QT_CONFIG(accessibility)
        self.consentError.setAccessibleName(QCoreApplication.translate("ActionExtendDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.new_due_atLabel.setText(QCoreApplication.translate("ActionExtendDialog", u"New due date:", None))
#if QT_CONFIG(accessibility)
        self.newDueValue.setAccessibleName(QCoreApplication.translate("ActionExtendDialog", u"New due date:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.new_due_atError.setAccessibleName(QCoreApplication.translate("ActionExtendDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.noticeCheck.setAccessibleName("")
#endif // QT_CONFIG(accessibility)
        self.noticeCheck.setText(QCoreApplication.translate("ActionExtendDialog", u"Make the extension &notice (PDF) to send", None))
#if QT_CONFIG(accessibility)
        self.noticeError.setAccessibleName(QCoreApplication.translate("ActionExtendDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

