# generated from ui/case_attachments.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_attachments.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_CaseAttachments(object):
    def setupUi(self, CaseAttachments):
        if not CaseAttachments.objectName():
            CaseAttachments.setObjectName(u"CaseAttachments")
        CaseAttachments.resize(360, 120)
        self.attachmentsLayout = QVBoxLayout(CaseAttachments)
        self.attachmentsLayout.setObjectName(u"attachmentsLayout")
        self.attachmentsLayout.setContentsMargins(0, 4, 0, 0)
        self.attachmentsLabel = QLabel(CaseAttachments)
        self.attachmentsLabel.setObjectName(u"attachmentsLabel")

        self.attachmentsLayout.addWidget(self.attachmentsLabel)

        self.attachmentsList = QListWidget(CaseAttachments)
        self.attachmentsList.setObjectName(u"attachmentsList")
        self.attachmentsList.setMaximumSize(QSize(16777215, 110))

        self.attachmentsLayout.addWidget(self.attachmentsList)

        self.attachmentsButtons = QHBoxLayout()
        self.attachmentsButtons.setObjectName(u"attachmentsButtons")
        self.openButton = QPushButton(CaseAttachments)
        self.openButton.setObjectName(u"openButton")

        self.attachmentsButtons.addWidget(self.openButton)

        self.statusLabel = QLabel(CaseAttachments)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setText(u"")
        self.statusLabel.setWordWrap(True)

        self.attachmentsButtons.addWidget(self.statusLabel)

        self.attachmentsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attachmentsButtons.addItem(self.attachmentsSpacer)


        self.attachmentsLayout.addLayout(self.attachmentsButtons)

#if QT_CONFIG(shortcut)
        self.attachmentsLabel.setBuddy(self.attachmentsList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CaseAttachments)

        QMetaObject.connectSlotsByName(CaseAttachments)
    # setupUi

    def retranslateUi(self, CaseAttachments):
        self.attachmentsLabel.setText(QCoreApplication.translate("CaseAttachments", u"Attached files", None))
#if QT_CONFIG(accessibility)
        self.attachmentsList.setAccessibleName(QCoreApplication.translate("CaseAttachments", u"Attached files", None))
#endif // QT_CONFIG(accessibility)
        self.openButton.setText(QCoreApplication.translate("CaseAttachments", u"Vie&w file", None))
        pass
    # retranslateUi

