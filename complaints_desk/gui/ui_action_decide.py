# generated from ui/action_decide.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_decide.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QPlainTextEdit, QRadioButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_ActionDecideDialog(object):
    def setupUi(self, ActionDecideDialog):
        if not ActionDecideDialog.objectName():
            ActionDecideDialog.setObjectName(u"ActionDecideDialog")
        ActionDecideDialog.resize(480, 200)
        self.outer = QVBoxLayout(ActionDecideDialog)
        self.outer.setObjectName(u"outer")
        self.caseLabel = QLabel(ActionDecideDialog)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setText(u"")
        self.caseLabel.setWordWrap(True)

        self.outer.addWidget(self.caseLabel)

        self.formError = QLabel(ActionDecideDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setText(u"")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.outer.addWidget(self.formError)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.decisionLabel = QLabel(ActionDecideDialog)
        self.decisionLabel.setObjectName(u"decisionLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.decisionLabel)

        self.decisionLayout = QHBoxLayout()
        self.decisionLayout.setObjectName(u"decisionLayout")
        self.adoptedRadio = QRadioButton(ActionDecideDialog)
        self.adoptedRadio.setObjectName(u"adoptedRadio")

        self.decisionLayout.addWidget(self.adoptedRadio)

        self.notAdoptedRadio = QRadioButton(ActionDecideDialog)
        self.notAdoptedRadio.setObjectName(u"notAdoptedRadio")

        self.decisionLayout.addWidget(self.notAdoptedRadio)

        self.decisionLayoutSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decisionLayout.addItem(self.decisionLayoutSpacer)


        self.fields.setLayout(0, QFormLayout.ItemRole.FieldRole, self.decisionLayout)

        self.decisionError = QLabel(ActionDecideDialog)
        self.decisionError.setObjectName(u"decisionError")
        self.decisionError.setText(u"")
        self.decisionError.setWordWrap(True)
        self.decisionError.setVisible(False)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.decisionError)

        self.implementation_dateLabel = QLabel(ActionDecideDialog)
        self.implementation_dateLabel.setObjectName(u"implementation_dateLabel")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.implementation_dateLabel)

        self.implementationDateEdit = QDateEdit(ActionDecideDialog)
        self.implementationDateEdit.setObjectName(u"implementationDateEdit")
        self.implementationDateEdit.setCalendarPopup(True)
        self.implementationDateEdit.setDisplayFormat(u"yyyy. M. d.")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.implementationDateEdit)

        self.implementation_dateError = QLabel(ActionDecideDialog)
        self.implementation_dateError.setObjectName(u"implementation_dateError")
        self.implementation_dateError.setText(u"")
        self.implementation_dateError.setWordWrap(True)
        self.implementation_dateError.setVisible(False)

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.implementation_dateError)

        self.reasonsLabel = QLabel(ActionDecideDialog)
        self.reasonsLabel.setObjectName(u"reasonsLabel")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reasonsLabel)

        self.reasonsEdit = QPlainTextEdit(ActionDecideDialog)
        self.reasonsEdit.setObjectName(u"reasonsEdit")
        self.reasonsEdit.setTabChangesFocus(True)
        self.reasonsEdit.setMinimumSize(QSize(0, 90))

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reasonsEdit)

        self.reasonsError = QLabel(ActionDecideDialog)
        self.reasonsError.setObjectName(u"reasonsError")
        self.reasonsError.setText(u"")
        self.reasonsError.setWordWrap(True)
        self.reasonsError.setVisible(False)

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reasonsError)


        self.outer.addLayout(self.fields)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(ActionDecideDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.implementation_dateLabel.setBuddy(self.implementationDateEdit)
        self.reasonsLabel.setBuddy(self.reasonsEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionDecideDialog)

        QMetaObject.connectSlotsByName(ActionDecideDialog)
    # setupUi

    def retranslateUi(self, ActionDecideDialog):
        ActionDecideDialog.setWindowTitle(QCoreApplication.translate("ActionDecideDialog", u"Decide the proposal", None))
#if QT_CONFIG(accessibility)
        self.formError.setAccessibleName(QCoreApplication.translate("ActionDecideDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.decisionLabel.setText(QCoreApplication.translate("ActionDecideDialog", u"Decision:", None))
        self.adoptedRadio.setText(QCoreApplication.translate("ActionDecideDialog", u"&Adopted", None))
#if QT_CONFIG(accessibility)
        self.adoptedRadio.setAccessibleName(QCoreApplication.translate("ActionDecideDialog", u"&Adopted", None))
#endif // QT_CONFIG(accessibility)
        self.notAdoptedRadio.setText(QCoreApplication.translate("ActionDecideDialog", u"&Not adopted", None))
#if QT_CONFIG(accessibility)
        self.notAdoptedRadio.setAccessibleName(QCoreApplication.translate("ActionDecideDialog", u"&Not adopted", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.decisionError.setAccessibleName(QCoreApplication.translate("ActionDecideDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.implementation_dateLabel.setText(QCoreApplication.translate("ActionDecideDialog", u"&Carried out from:", None))
#if QT_CONFIG(accessibility)
        self.implementationDateEdit.setAccessibleName(QCoreApplication.translate("ActionDecideDialog", u"&Carried out from:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.implementation_dateError.setAccessibleName(QCoreApplication.translate("ActionDecideDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.reasonsLabel.setText(QCoreApplication.translate("ActionDecideDialog", u"&Reasons:", None))
#if QT_CONFIG(accessibility)
        self.reasonsEdit.setAccessibleName(QCoreApplication.translate("ActionDecideDialog", u"&Reasons:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reasonsError.setAccessibleName(QCoreApplication.translate("ActionDecideDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

