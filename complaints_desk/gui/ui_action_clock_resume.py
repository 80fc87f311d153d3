# generated from ui/action_clock_resume.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_clock_resume.ui'
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
    QFormLayout, QLabel, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_ActionClockResumeDialog(object):
    def setupUi(self, ActionClockResumeDialog):
        if not ActionClockResumeDialog.objectName():
            ActionClockResumeDialog.setObjectName(u"ActionClockResumeDialog")
        ActionClockResumeDialog.resize(480, 200)
        self.outer = QVBoxLayout(ActionClockResumeDialog)
        self.outer.setObjectName(u"outer")
        self.caseLabel = QLabel(ActionClockResumeDialog)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setText(u"")
        self.caseLabel.setWordWrap(True)

        self.outer.addWidget(self.caseLabel)

        self.formError = QLabel(ActionClockResumeDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setText(u"")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.outer.addWidget(self.formError)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.stoppedLabel = QLabel(ActionClockResumeDialog)
        self.stoppedLabel.setObjectName(u"stoppedLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.stoppedLabel)

        self.stoppedValue = QLabel(ActionClockResumeDialog)
        self.stoppedValue.setObjectName(u"stoppedValue")
        self.stoppedValue.setWordWrap(True)
        self.stoppedValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stoppedValue.setText(u"")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.stoppedValue)

        self.stoppedError = QLabel(ActionClockResumeDialog)
        self.stoppedError.setObjectName(u"stoppedError")
        self.stoppedError.setText(u"")
        self.stoppedError.setWordWrap(True)
        self.stoppedError.setVisible(False)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.stoppedError)

        self.new_due_atLabel = QLabel(ActionClockResumeDialog)
        self.new_due_atLabel.setObjectName(u"new_due_atLabel")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.new_due_atLabel)

        self.newDueValue = QLabel(ActionClockResumeDialog)
        self.newDueValue.setObjectName(u"newDueValue")
        self.newDueValue.setWordWrap(True)
        self.newDueValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.newDueValue.setText(u"")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.newDueValue)

        self.new_due_atError = QLabel(ActionClockResumeDialog)
        self.new_due_atError.setObjectName(u"new_due_atError")
        self.new_due_atError.setText(u"")
        self.new_due_atError.setWordWrap(True)
        self.new_due_atError.setVisible(False)

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.new_due_atError)


        self.outer.addLayout(self.fields)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(ActionClockResumeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttons)


        self.retranslateUi(ActionClockResumeDialog)

        QMetaObject.connectSlotsByName(ActionClockResumeDialog)
    # setupUi

    def retranslateUi(self, ActionClockResumeDialog):
        ActionClockResumeDialog.setWindowTitle(QCoreApplication.translate("ActionClockResumeDialog", u"Resume the clock", None))
#if QT_CONFIG(accessibility)
        self.formError.setAccessibleName(QCoreApplication.translate("ActionClockResumeDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.stoppedLabel.setText(QCoreApplication.translate("ActionClockResumeDialog", u"Stopped since:", None))
#if QT_CONFIG(accessibility)
        self.stoppedValue.setAccessibleName(QCoreApplication.translate("ActionClockResumeDialog", u"Stopped since:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.stoppedError.setAccessibleName(QCoreApplication.translate("ActionClockResumeDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.new_due_atLabel.setText(QCoreApplication.translate("ActionClockResumeDialog", u"New due date:", None))
#if QT_CONFIG(accessibility)
        self.newDueValue.setAccessibleName(QCoreApplication.translate("ActionClockResumeDialog", u"New due date:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.new_due_atError.setAccessibleName(QCoreApplication.translate("ActionClockResumeDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

