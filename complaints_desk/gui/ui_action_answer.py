# generated from ui/action_answer.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_answer.ui'
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
    QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ActionAnswerDialog(object):
    def setupUi(self, ActionAnswerDialog):
        if not ActionAnswerDialog.objectName():
            ActionAnswerDialog.setObjectName(u"ActionAnswerDialog")
        ActionAnswerDialog.resize(560, 200)
        self.outer = QVBoxLayout(ActionAnswerDialog)
        self.outer.setObjectName(u"outer")
        self.caseLabel = QLabel(ActionAnswerDialog)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setText(u"")
        self.caseLabel.setWordWrap(True)

        self.outer.addWidget(self.caseLabel)

        self.formError = QLabel(ActionAnswerDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setText(u"")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.outer.addWidget(self.formError)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.resultLabel = QLabel(ActionAnswerDialog)
        self.resultLabel.setObjectName(u"resultLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.resultLabel)

        self.resultCombo = QComboBox(ActionAnswerDialog)
        self.resultCombo.setObjectName(u"resultCombo")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.resultCombo)

        self.resultError = QLabel(ActionAnswerDialog)
        self.resultError.setObjectName(u"resultError")
        self.resultError.setText(u"")
        self.resultError.setWordWrap(True)
        self.resultError.setVisible(False)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.resultError)

        self.notify_channelLabel = QLabel(ActionAnswerDialog)
        self.notify_channelLabel.setObjectName(u"notify_channelLabel")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.notify_channelLabel)

        self.channelCombo = QComboBox(ActionAnswerDialog)
        self.channelCombo.setObjectName(u"channelCombo")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.channelCombo)

        self.notify_channelError = QLabel(ActionAnswerDialog)
        self.notify_channelError.setObjectName(u"notify_channelError")
        self.notify_channelError.setText(u"")
        self.notify_channelError.setWordWrap(True)
        self.notify_channelError.setVisible(False)

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.notify_channelError)

        self.answerLabel = QLabel(ActionAnswerDialog)
        self.answerLabel.setObjectName(u"answerLabel")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.answerLabel)

        self.answerEdit = QPlainTextEdit(ActionAnswerDialog)
        self.answerEdit.setObjectName(u"answerEdit")
        self.answerEdit.setTabChangesFocus(True)
        self.answerEdit.setMinimumSize(QSize(0, 120))

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.answerEdit)

        self.answerError = QLabel(ActionAnswerDialog)
        self.answerError.setObjectName(u"answerError")
        self.answerError.setText(u"")
        self.answerError.setWordWrap(True)
        self.answerError.setVisible(False)

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.answerError)

        self.reasonsLabel = QLabel(ActionAnswerDialog)
        self.reasonsLabel.setObjectName(u"reasonsLabel")

        self.fields.setWidget(6, QFormLayout.ItemRole.LabelRole, self.reasonsLabel)

        self.reasonsEdit = QPlainTextEdit(ActionAnswerDialog)
        self.reasonsEdit.setObjectName(u"reasonsEdit")
        self.reasonsEdit.setTabChangesFocus(True)
        self.reasonsEdit.setMinimumSize(QSize(0, 60))

        self.fields.setWidget(6, QFormLayout.ItemRole.FieldRole, self.reasonsEdit)

        self.reasonsError = QLabel(ActionAnswerDialog)
        self.reasonsError.setObjectName(u"reasonsError")
        self.reasonsError.setText(u"")
        self.reasonsError.setWordWrap(True)
        self.reasonsError.setVisible(False)

        self.fields.setWidget(7, QFormLayout.ItemRole.FieldRole, self.reasonsError)

        self.remediesLabel = QLabel(ActionAnswerDialog)
        self.remediesLabel.setObjectName(u"remediesLabel")

        self.fields.setWidget(8, QFormLayout.ItemRole.LabelRole, self.remediesLabel)

        self.remediesEdit = QPlainTextEdit(ActionAnswerDialog)
        self.remediesEdit.setObjectName(u"remediesEdit")
        self.remediesEdit.setTabChangesFocus(True)
        self.remediesEdit.setMinimumSize(QSize(0, 60))

        self.fields.setWidget(8, QFormLayout.ItemRole.FieldRole, self.remediesEdit)

        self.remediesError = QLabel(ActionAnswerDialog)
        self.remediesError.setObjectName(u"remediesError")
        self.remediesError.setText(u"")
        self.remediesError.setWordWrap(True)
        self.remediesError.setVisible(False)

        self.fields.setWidget(9, QFormLayout.ItemRole.FieldRole, self.remediesError)

        self.noticeCheck = QCheckBox(ActionAnswerDialog)
        self.noticeCheck.setObjectName(u"noticeCheck")

        self.fields.setWidget(10, QFormLayout.ItemRole.FieldRole, self.noticeCheck)

        self.noticeError = QLabel(ActionAnswerDialog)
        self.noticeError.setObjectName(u"noticeError")
        self.noticeError.setText(u"")
        self.noticeError.setWordWrap(True)
        self.noticeError.setVisible(False)

        self.fields.setWidget(11, QFormLayout.ItemRole.FieldRole, self.noticeError)


        self.outer.addLayout(self.fields)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(ActionAnswerDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.resultLabel.setBuddy(self.resultCombo)
        self.notify_channelLabel.setBuddy(self.channelCombo)
        self.answerLabel.setBuddy(self.answerEdit)
        self.reasonsLabel.setBuddy(self.reasonsEdit)
        self.remediesLabel.setBuddy(self.remediesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionAnswerDialog)

        QMetaObject.connectSlotsByName(ActionAnswerDialog)
    # setupUi

    def retranslateUi(self, ActionAnswerDialog):
        ActionAnswerDialog.setWindowTitle(QCoreApplication.translate("ActionAnswerDialog", u"Answer", None))
#if QT_CONFIG(accessibility)
        self.formError.setAccessibleName(QCoreApplication.translate("ActionAnswerDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.resultLabel.setText(QCoreApplication.translate("ActionAnswerDialog", u"&Result:", None))
#if QT_CONFIG(accessibility)
        self.resultCombo.setAccessibleName(QCoreApplication.translate("ActionAnswerDialog", u"&Result:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.resultError.setAccessibleName(QCoreApplication.translate("ActionAnswerDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.notify_channelLabel.setText(QCoreApplication.translate("ActionAnswerDialog", u"&Tell the petitioner by:", None))
#if QT_CONFIG(accessibility)
        self.channelCombo.setAccessibleName(QCoreApplication.translate("ActionAnswerDialog", u"&Tell the petitioner by:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.notify_channelError.setAccessibleName(QCoreApplication.translate("ActionAnswerDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.answerLabel.setText(QCoreApplication.translate("ActionAnswerDialog", u"&Answer:", None))
#if QT_CONFIG(accessibility)
        self.answerEdit.setAccessibleName(QCoreApplication.translate("ActionAnswerDialog", u"&Answer:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.answerError.setAccessibleName(QCoreApplication.translate("ActionAnswerDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.reasonsLabel.setText(QCoreApplication.translate("ActionAnswerDialog", u"Reasons for the re&jection:", None))
#if QT_CONFIG(accessibility)
        self.reasonsEdit.setAccessibleName(QCoreApplication.translate("ActionAnswerDialog", u"Reasons for the re&jection:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reasonsError.setAccessibleName(QCoreApplication.translate("ActionAnswerDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.remediesLabel.setText(QCoreApplication.translate("ActionAnswerDialog", u"Re&medies:", None))
#if QT_CONFIG(accessibility)
        self.remediesEdit.setAccessibleName(QCoreApplication.translate("ActionAnswerDialog", u"Re&medies:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.remediesError.setAccessibleName(QCoreApplication.translate("ActionAnswerDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.noticeCheck.setAccessibleName("")
#endif // QT_CONFIG(accessibility)
        self.noticeCheck.setText(QCoreApplication.translate("ActionAnswerDialog", u"Make the result &notice (PDF) to send", None))
#if QT_CONFIG(accessibility)
        self.noticeError.setAccessibleName(QCoreApplication.translate("ActionAnswerDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

