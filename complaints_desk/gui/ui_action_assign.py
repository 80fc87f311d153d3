# generated from ui/action_assign.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_assign.ui'
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

class Ui_ActionAssignDialog(object):
    def setupUi(self, ActionAssignDialog):
        if not ActionAssignDialog.objectName():
            ActionAssignDialog.setObjectName(u"ActionAssignDialog")
        ActionAssignDialog.resize(480, 200)
        self.outer = QVBoxLayout(ActionAssignDialog)
        self.outer.setObjectName(u"outer")
        self.caseLabel = QLabel(ActionAssignDialog)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setText(u"")
        self.caseLabel.setWordWrap(True)

        self.outer.addWidget(self.caseLabel)

        self.formError = QLabel(ActionAssignDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setText(u"")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.outer.addWidget(self.formError)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.staff_idLabel = QLabel(ActionAssignDialog)
        self.staff_idLabel.setObjectName(u"staff_idLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.staff_idLabel)

        self.officerCombo = QComboBox(ActionAssignDialog)
        self.officerCombo.setObjectName(u"officerCombo")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.officerCombo)

        self.staff_idError = QLabel(ActionAssignDialog)
        self.staff_idError.setObjectName(u"staff_idError")
        self.staff_idError.setText(u"")
        self.staff_idError.setWordWrap(True)
        self.staff_idError.setVisible(False)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.staff_idError)


        self.outer.addLayout(self.fields)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(ActionAssignDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.staff_idLabel.setBuddy(self.officerCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionAssignDialog)

        QMetaObject.connectSlotsByName(ActionAssignDialog)
    # setupUi

    def retranslateUi(self, ActionAssignDialog):
        ActionAssignDialog.setWindowTitle(QCoreApplication.translate("ActionAssignDialog", u"Assign an officer", None))
#if QT_CONFIG(accessibility)
        self.formError.setAccessibleName(QCoreApplication.translate("ActionAssignDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.staff_idLabel.setText(QCoreApplication.translate("ActionAssignDialog", u"&Officer:", None))
#if QT_CONFIG(accessibility)
        self.officerCombo.setAccessibleName(QCoreApplication.translate("ActionAssignDialog", u"&Officer:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.staff_idError.setAccessibleName(QCoreApplication.translate("ActionAssignDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

