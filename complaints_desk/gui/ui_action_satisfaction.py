# generated from ui/action_satisfaction.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_satisfaction.ui'
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
    QSpinBox, QVBoxLayout, QWidget)

class Ui_ActionSatisfactionDialog(object):
    def setupUi(self, ActionSatisfactionDialog):
        if not ActionSatisfactionDialog.objectName():
            ActionSatisfactionDialog.setObjectName(u"ActionSatisfactionDialog")
        ActionSatisfactionDialog.resize(480, 200)
        self.outer = QVBoxLayout(ActionSatisfactionDialog)
        self.outer.setObjectName(u"outer")
        self.caseLabel = QLabel(ActionSatisfactionDialog)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setText(u"")
        self.caseLabel.setWordWrap(True)

        self.outer.addWidget(self.caseLabel)

        self.formError = QLabel(ActionSatisfactionDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setText(u"")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.outer.addWidget(self.formError)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.scoreLabel = QLabel(ActionSatisfactionDialog)
        self.scoreLabel.setObjectName(u"scoreLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.scoreLabel)

        self.scoreSpin = QSpinBox(ActionSatisfactionDialog)
        self.scoreSpin.setObjectName(u"scoreSpin")
        self.scoreSpin.setMinimum(1)
        self.scoreSpin.setMaximum(5)

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.scoreSpin)

        self.scoreError = QLabel(ActionSatisfactionDialog)
        self.scoreError.setObjectName(u"scoreError")
        self.scoreError.setText(u"")
        self.scoreError.setWordWrap(True)
        self.scoreError.setVisible(False)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.scoreError)


        self.outer.addLayout(self.fields)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(ActionSatisfactionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.scoreLabel.setBuddy(self.scoreSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionSatisfactionDialog)

        QMetaObject.connectSlotsByName(ActionSatisfactionDialog)
    # setupUi

    def retranslateUi(self, ActionSatisfactionDialog):
        ActionSatisfactionDialog.setWindowTitle(QCoreApplication.translate("ActionSatisfactionDialog", u"Record satisfaction", None))
#if QT_CONFIG(accessibility)
        self.formError.setAccessibleName(QCoreApplication.translate("ActionSatisfactionDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.scoreLabel.setText(QCoreApplication.translate("ActionSatisfactionDialog", u"&Score (1 to 5):", None))
#if QT_CONFIG(accessibility)
        self.scoreSpin.setAccessibleName(QCoreApplication.translate("ActionSatisfactionDialog", u"&Score (1 to 5):", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.scoreError.setAccessibleName(QCoreApplication.translate("ActionSatisfactionDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

