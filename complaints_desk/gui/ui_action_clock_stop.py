# generated from ui/action_clock_stop.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_clock_stop.ui'
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

class Ui_ActionClockStopDialog(object):
    def setupUi(self, ActionClockStopDialog):
        if not ActionClockStopDialog.objectName():
            ActionClockStopDialog.setObjectName(u"ActionClockStopDialog")
        ActionClockStopDialog.resize(480, 200)
        self.outer = QVBoxLayout(ActionClockStopDialog)
        self.outer.setObjectName(u"outer")
        self.caseLabel = QLabel(ActionClockStopDialog)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setText(u"")
        self.caseLabel.setWordWrap(True)

        self.outer.addWidget(self.caseLabel)

        self.formError = QLabel(ActionClockStopDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setText(u"")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.outer.addWidget(self.formError)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reasonLabel = QLabel(ActionClockStopDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonCombo = QComboBox(ActionClockStopDialog)
        self.reasonCombo.setObjectName(u"reasonCombo")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reasonCombo)

        self.reasonError = QLabel(ActionClockStopDialog)
        self.reasonError.setObjectName(u"reasonError")
        self.reasonError.setText(u"")
        self.reasonError.setWordWrap(True)
        self.reasonError.setVisible(False)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonError)

        self.textLabel = QLabel(ActionClockStopDialog)
        self.textLabel.setObjectName(u"textLabel")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.textLabel)

        self.noteEdit = QPlainTextEdit(ActionClockStopDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)
        self.noteEdit.setMinimumSize(QSize(0, 60))

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.noteEdit)

        self.textError = QLabel(ActionClockStopDialog)
        self.textError.setObjectName(u"textError")
        self.textError.setText(u"")
        self.textError.setWordWrap(True)
        self.textError.setVisible(False)

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.textError)


        self.outer.addLayout(self.fields)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(ActionClockStopDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonCombo)
        self.textLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionClockStopDialog)

        QMetaObject.connectSlotsByName(ActionClockStopDialog)
    # setupUi

    def retranslateUi(self, ActionClockStopDialog):
        ActionClockStopDialog.setWindowTitle(QCoreApplication.translate("ActionClockStopDialog", u"Stop the clock", None))
#if QT_CONFIG(accessibility)
        self.formError.setAccessibleName(QCoreApplication.translate("ActionClockStopDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.reasonLabel.setText(QCoreApplication.translate("ActionClockStopDialog", u"&Reason:", None))
#if QT_CONFIG(accessibility)
        self.reasonCombo.setAccessibleName(QCoreApplication.translate("ActionClockStopDialog", u"&Reason:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reasonError.setAccessibleName(QCoreApplication.translate("ActionClockStopDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.textLabel.setText(QCoreApplication.translate("ActionClockStopDialog", u"&Note:", None))
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("ActionClockStopDialog", u"&Note:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.textError.setAccessibleName(QCoreApplication.translate("ActionClockStopDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

