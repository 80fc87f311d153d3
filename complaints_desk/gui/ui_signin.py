# generated from ui/signin.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'signin.ui'
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
    QFormLayout, QGroupBox, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_SignInDialog(object):
    def setupUi(self, SignInDialog):
        if not SignInDialog.objectName():
            SignInDialog.setObjectName(u"SignInDialog")
        SignInDialog.resize(520, 560)
        self.dialogLayout = QVBoxLayout(SignInDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(24, 20, 24, 20)
        self.heading = QLabel(SignInDialog)
        self.heading.setObjectName(u"heading")

        self.dialogLayout.addWidget(self.heading)

        self.stationLabel = QLabel(SignInDialog)
        self.stationLabel.setObjectName(u"stationLabel")
        self.stationLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.stationLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setVerticalSpacing(4)
        self.serverCaption = QLabel(SignInDialog)
        self.serverCaption.setObjectName(u"serverCaption")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.serverCaption)

        self.serverEdit = QLineEdit(SignInDialog)
        self.serverEdit.setObjectName(u"serverEdit")
        self.serverEdit.setPlaceholderText(u"http://127.0.0.1:8470")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.serverEdit)

        self.serverError = QLabel(SignInDialog)
        self.serverError.setObjectName(u"serverError")
        self.serverError.setWordWrap(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.serverError)

        self.usernameCaption = QLabel(SignInDialog)
        self.usernameCaption.setObjectName(u"usernameCaption")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.usernameCaption)

        self.usernameEdit = QLineEdit(SignInDialog)
        self.usernameEdit.setObjectName(u"usernameEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.usernameError = QLabel(SignInDialog)
        self.usernameError.setObjectName(u"usernameError")
        self.usernameError.setWordWrap(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.usernameError)

        self.passwordCaption = QLabel(SignInDialog)
        self.passwordCaption.setObjectName(u"passwordCaption")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordCaption)

        self.passwordEdit = QLineEdit(SignInDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.passwordError = QLabel(SignInDialog)
        self.passwordError.setObjectName(u"passwordError")
        self.passwordError.setWordWrap(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.passwordError)


        self.dialogLayout.addLayout(self.form)

        self.messageLabel = QLabel(SignInDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.messageLabel)

        self.demoBox = QGroupBox(SignInDialog)
        self.demoBox.setObjectName(u"demoBox")
        self.demoLayout = QVBoxLayout(self.demoBox)
        self.demoLayout.setObjectName(u"demoLayout")
        self.demoHint = QLabel(self.demoBox)
        self.demoHint.setObjectName(u"demoHint")
        self.demoHint.setWordWrap(True)

        self.demoLayout.addWidget(self.demoHint)

        self.demoList = QListWidget(self.demoBox)
        self.demoList.setObjectName(u"demoList")

        self.demoLayout.addWidget(self.demoList)


        self.dialogLayout.addWidget(self.demoBox)

        self.keyringNote = QLabel(SignInDialog)
        self.keyringNote.setObjectName(u"keyringNote")
        self.keyringNote.setWordWrap(True)

        self.dialogLayout.addWidget(self.keyringNote)

        self.buttons = QDialogButtonBox(SignInDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.serverCaption.setBuddy(self.serverEdit)
        self.usernameCaption.setBuddy(self.usernameEdit)
        self.passwordCaption.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.serverEdit, self.usernameEdit)
        QWidget.setTabOrder(self.usernameEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.demoList)

        self.retranslateUi(SignInDialog)

        QMetaObject.connectSlotsByName(SignInDialog)
    # setupUi

    def retranslateUi(self, SignInDialog):
        SignInDialog.setWindowTitle(QCoreApplication.translate("SignInDialog", u"Sign in", None))
#if QT_CONFIG(accessibility)
        SignInDialog.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Sign in", None))
#endif // QT_CONFIG(accessibility)
        self.heading.setText(QCoreApplication.translate("SignInDialog", u"Complaints Desk", None))
        self.serverCaption.setText(QCoreApplication.translate("SignInDialog", u"&Server", None))
#if QT_CONFIG(accessibility)
        self.serverEdit.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Server address", None))
#endif // QT_CONFIG(accessibility)
        self.usernameCaption.setText(QCoreApplication.translate("SignInDialog", u"&Username", None))
#if QT_CONFIG(accessibility)
        self.usernameEdit.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Username", None))
#endif // QT_CONFIG(accessibility)
        self.passwordCaption.setText(QCoreApplication.translate("SignInDialog", u"&Password", None))
#if QT_CONFIG(accessibility)
        self.passwordEdit.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Password", None))
#endif // QT_CONFIG(accessibility)
        self.demoBox.setTitle(QCoreApplication.translate("SignInDialog", u"Demo accounts", None))
#if QT_CONFIG(accessibility)
        self.demoList.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Demo accounts", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

