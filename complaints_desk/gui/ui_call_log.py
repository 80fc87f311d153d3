# generated from ui/call_log.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'call_log.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QGroupBox,
    QLabel, QPushButton, QSizePolicy, QWidget)

class Ui_CallLog(object):
    def setupUi(self, CallLog):
        if not CallLog.objectName():
            CallLog.setObjectName(u"CallLog")
        CallLog.resize(520, 120)
        self.callLogLayout = QGridLayout(CallLog)
        self.callLogLayout.setObjectName(u"callLogLayout")
        self.reasonLabel = QLabel(CallLog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.callLogLayout.addWidget(self.reasonLabel, 0, 0, 1, 1)

        self.reasonBox = QComboBox(CallLog)
        self.reasonBox.setObjectName(u"reasonBox")

        self.callLogLayout.addWidget(self.reasonBox, 0, 1, 1, 2)

        self.warnButton = QPushButton(CallLog)
        self.warnButton.setObjectName(u"warnButton")

        self.callLogLayout.addWidget(self.warnButton, 1, 1, 1, 1)

        self.endButton = QPushButton(CallLog)
        self.endButton.setObjectName(u"endButton")

        self.callLogLayout.addWidget(self.endButton, 1, 2, 1, 1)

        self.stateLabel = QLabel(CallLog)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setWordWrap(True)

        self.callLogLayout.addWidget(self.stateLabel, 2, 0, 1, 3)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonBox)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.reasonBox, self.warnButton)
        QWidget.setTabOrder(self.warnButton, self.endButton)

        self.retranslateUi(CallLog)

        QMetaObject.connectSlotsByName(CallLog)
    # setupUi

    def retranslateUi(self, CallLog):
        CallLog.setTitle(QCoreApplication.translate("CallLog", u"Ending an abusive call", None))
#if QT_CONFIG(accessibility)
        CallLog.setAccessibleName(QCoreApplication.translate("CallLog", u"Call log", None))
#endif // QT_CONFIG(accessibility)
        self.reasonLabel.setText(QCoreApplication.translate("CallLog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reasonBox.setAccessibleName(QCoreApplication.translate("CallLog", u"Reason for the warning", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.warnButton.setAccessibleName(QCoreApplication.translate("CallLog", u"Record the warning announced", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.endButton.setAccessibleName(QCoreApplication.translate("CallLog", u"Record the call ended", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.stateLabel.setAccessibleName(QCoreApplication.translate("CallLog", u"Call log state", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

