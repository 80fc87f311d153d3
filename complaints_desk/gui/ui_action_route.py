# generated from ui/action_route.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_route.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ActionRouteDialog(object):
    def setupUi(self, ActionRouteDialog):
        if not ActionRouteDialog.objectName():
            ActionRouteDialog.setObjectName(u"ActionRouteDialog")
        ActionRouteDialog.resize(480, 200)
        self.outer = QVBoxLayout(ActionRouteDialog)
        self.outer.setObjectName(u"outer")
        self.caseLabel = QLabel(ActionRouteDialog)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setText(u"")
        self.caseLabel.setWordWrap(True)

        self.outer.addWidget(self.caseLabel)

        self.formError = QLabel(ActionRouteDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setText(u"")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.outer.addWidget(self.formError)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.department_codeLabel = QLabel(ActionRouteDialog)
        self.department_codeLabel.setObjectName(u"department_codeLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.department_codeLabel)

        self.departmentCombo = QComboBox(ActionRouteDialog)
        self.departmentCombo.setObjectName(u"departmentCombo")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.departmentCombo)

        self.department_codeError = QLabel(ActionRouteDialog)
        self.department_codeError.setObjectName(u"department_codeError")
        self.department_codeError.setText(u"")
        self.department_codeError.setWordWrap(True)
        self.department_codeError.setVisible(False)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.department_codeError)

        self.transfer_due_atLabel = QLabel(ActionRouteDialog)
        self.transfer_due_atLabel.setObjectName(u"transfer_due_atLabel")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.transfer_due_atLabel)

        self.transferDueValue = QLabel(ActionRouteDialog)
        self.transferDueValue.setObjectName(u"transferDueValue")
        self.transferDueValue.setWordWrap(True)
        self.transferDueValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.transferDueValue.setText(u"")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.transferDueValue)

        self.transfer_due_atError = QLabel(ActionRouteDialog)
        self.transfer_due_atError.setObjectName(u"transfer_due_atError")
        self.transfer_due_atError.setText(u"")
        self.transfer_due_atError.setWordWrap(True)
        self.transfer_due_atError.setVisible(False)

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.transfer_due_atError)


        self.outer.addLayout(self.fields)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(ActionRouteDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.department_codeLabel.setBuddy(self.departmentCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionRouteDialog)

        QMetaObject.connectSlotsByName(ActionRouteDialog)
    # setupUi

    def retranslateUi(self, ActionRouteDialog):
        ActionRouteDialog.setWindowTitle(QCoreApplication.translate("ActionRouteDialog", u"Route to a department", None))
#if QT_CONFIG(accessibility)
        self.formError.setAccessibleName(QCoreApplication.translate("ActionRouteDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.department_codeLabel.setText(QCoreApplication.translate("ActionRouteDialog", u"&Department:", None))
#if QT_CONFIG(accessibility)
        self.departmentCombo.setAccessibleName(QCoreApplication.translate("ActionRouteDialog", u"&Department:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.department_codeError.setAccessibleName(QCoreApplication.translate("ActionRouteDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.transfer_due_atLabel.setText(QCoreApplication.translate("ActionRouteDialog", u"Transfer due:", None))
#if QT_CONFIG(accessibility)
        self.transferDueValue.setAccessibleName(QCoreApplication.translate("ActionRouteDialog", u"Transfer due:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.transfer_due_atError.setAccessibleName(QCoreApplication.translate("ActionRouteDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

