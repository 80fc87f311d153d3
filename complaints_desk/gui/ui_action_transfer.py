# generated from ui/action_transfer.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_transfer.ui'
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
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QRadioButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ActionTransferDialog(object):
    def setupUi(self, ActionTransferDialog):
        if not ActionTransferDialog.objectName():
            ActionTransferDialog.setObjectName(u"ActionTransferDialog")
        ActionTransferDialog.resize(480, 200)
        self.outer = QVBoxLayout(ActionTransferDialog)
        self.outer.setObjectName(u"outer")
        self.caseLabel = QLabel(ActionTransferDialog)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setText(u"")
        self.caseLabel.setWordWrap(True)

        self.outer.addWidget(self.caseLabel)

        self.formError = QLabel(ActionTransferDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setText(u"")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.outer.addWidget(self.formError)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.targetLabel = QLabel(ActionTransferDialog)
        self.targetLabel.setObjectName(u"targetLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.targetLabel)

        self.targetLayout = QHBoxLayout()
        self.targetLayout.setObjectName(u"targetLayout")
        self.toDepartmentRadio = QRadioButton(ActionTransferDialog)
        self.toDepartmentRadio.setObjectName(u"toDepartmentRadio")

        self.targetLayout.addWidget(self.toDepartmentRadio)

        self.toAgencyRadio = QRadioButton(ActionTransferDialog)
        self.toAgencyRadio.setObjectName(u"toAgencyRadio")

        self.targetLayout.addWidget(self.toAgencyRadio)

        self.targetLayoutSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.targetLayout.addItem(self.targetLayoutSpacer)


        self.fields.setLayout(0, QFormLayout.ItemRole.FieldRole, self.targetLayout)

        self.targetError = QLabel(ActionTransferDialog)
        self.targetError.setObjectName(u"targetError")
        self.targetError.setText(u"")
        self.targetError.setWordWrap(True)
        self.targetError.setVisible(False)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.targetError)

        self.department_codeLabel = QLabel(ActionTransferDialog)
        self.department_codeLabel.setObjectName(u"department_codeLabel")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.department_codeLabel)

        self.departmentCombo = QComboBox(ActionTransferDialog)
        self.departmentCombo.setObjectName(u"departmentCombo")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.departmentCombo)

        self.department_codeError = QLabel(ActionTransferDialog)
        self.department_codeError.setObjectName(u"department_codeError")
        self.department_codeError.setText(u"")
        self.department_codeError.setWordWrap(True)
        self.department_codeError.setVisible(False)

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.department_codeError)

        self.agencyLabel = QLabel(ActionTransferDialog)
        self.agencyLabel.setObjectName(u"agencyLabel")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.agencyLabel)

        self.agencyEdit = QLineEdit(ActionTransferDialog)
        self.agencyEdit.setObjectName(u"agencyEdit")

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.agencyEdit)

        self.agencyError = QLabel(ActionTransferDialog)
        self.agencyError.setObjectName(u"agencyError")
        self.agencyError.setText(u"")
        self.agencyError.setWordWrap(True)
        self.agencyError.setVisible(False)

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.agencyError)

        self.reasonLabel = QLabel(ActionTransferDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.fields.setWidget(6, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(ActionTransferDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)
        self.reasonEdit.setMinimumSize(QSize(0, 70))

        self.fields.setWidget(6, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.reasonError = QLabel(ActionTransferDialog)
        self.reasonError.setObjectName(u"reasonError")
        self.reasonError.setText(u"")
        self.reasonError.setWordWrap(True)
        self.reasonError.setVisible(False)

        self.fields.setWidget(7, QFormLayout.ItemRole.FieldRole, self.reasonError)

        self.transfer_due_atLabel = QLabel(ActionTransferDialog)
        self.transfer_due_atLabel.setObjectName(u"transfer_due_atLabel")

        self.fields.setWidget(8, QFormLayout.ItemRole.LabelRole, self.transfer_due_atLabel)

        self.transferDueValue = QLabel(ActionTransferDialog)
        self.transferDueValue.setObjectName(u"transferDueValue")
        self.transferDueValue.setWordWrap(True)
        self.transferDueValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.transferDueValue.setText(u"")

        self.fields.setWidget(8, QFormLayout.ItemRole.FieldRole, self.transferDueValue)

        self.transfer_due_atError = QLabel(ActionTransferDialog)
        self.transfer_due_atError.setObjectName(u"transfer_due_atError")
        self.transfer_due_atError.setText(u"")
        self.transfer_due_atError.setWordWrap(True)
        self.transfer_due_atError.setVisible(False)

        self.fields.setWidget(9, QFormLayout.ItemRole.FieldRole, self.transfer_due_atError)


        self.outer.addLayout(self.fields)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(ActionTransferDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.department_codeLabel.setBuddy(self.departmentCombo)
        self.agencyLabel.setBuddy(self.agencyEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionTransferDialog)

        QMetaObject.connectSlotsByName(ActionTransferDialog)
    # setupUi

    def retranslateUi(self, ActionTransferDialog):
        ActionTransferDialog.setWindowTitle(QCoreApplication.translate("ActionTransferDialog", u"Transfer", None))
#if QT_CONFIG(accessibility)
        self.formError.setAccessibleName(QCoreApplication.translate("ActionTransferDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.targetLabel.setText(QCoreApplication.translate("ActionTransferDialog", u"Transfer to:", None))
        self.toDepartmentRadio.setText(QCoreApplication.translate("ActionTransferDialog", u"Another &department", None))
#if QT_CONFIG(accessibility)
        self.toDepartmentRadio.setAccessibleName(QCoreApplication.translate("ActionTransferDialog", u"Another &department", None))
#endif // QT_CONFIG(accessibility)
        self.toAgencyRadio.setText(QCoreApplication.translate("ActionTransferDialog", u"Another &agency", None))
#if QT_CONFIG(accessibility)
        self.toAgencyRadio.setAccessibleName(QCoreApplication.translate("ActionTransferDialog", u"Another &agency", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.targetError.setAccessibleName(QCoreApplication.translate("ActionTransferDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.department_codeLabel.setText(QCoreApplication.translate("ActionTransferDialog", u"D&epartment:", None))
#if QT_CONFIG(accessibility)
        self.departmentCombo.setAccessibleName(QCoreApplication.translate("ActionTransferDialog", u"D&epartment:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.department_codeError.setAccessibleName(QCoreApplication.translate("ActionTransferDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.agencyLabel.setText(QCoreApplication.translate("ActionTransferDialog", u"A&gency:", None))
#if QT_CONFIG(accessibility)
        self.agencyEdit.setAccessibleName(QCoreApplication.translate("ActionTransferDialog", u"A&gency:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.agencyError.setAccessibleName(QCoreApplication.translate("ActionTransferDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.reasonLabel.setText(QCoreApplication.translate("ActionTransferDialog", u"&Reason:", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("ActionTransferDialog", u"&Reason:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reasonError.setAccessibleName(QCoreApplication.translate("ActionTransferDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.transfer_due_atLabel.setText(QCoreApplication.translate("ActionTransferDialog", u"Transfer due:", None))
#if QT_CONFIG(accessibility)
        self.transferDueValue.setAccessibleName(QCoreApplication.translate("ActionTransferDialog", u"Transfer due:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.transfer_due_atError.setAccessibleName(QCoreApplication.translate("ActionTransferDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

