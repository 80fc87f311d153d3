# generated from ui/case_panel.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QScrollArea, QSizePolicy, QStackedWidget, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_CasePanel(object):
    def setupUi(self, CasePanel):
        if not CasePanel.objectName():
            CasePanel.setObjectName(u"CasePanel")
        CasePanel.resize(420, 760)
        self.panelLayout = QVBoxLayout(CasePanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(CasePanel)
        self.pages.setObjectName(u"pages")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyLabel = QLabel(self.emptyPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        self.emptyLayout.addWidget(self.emptyLabel)

        self.pages.addWidget(self.emptyPage)
        self.casePage = QWidget()
        self.casePage.setObjectName(u"casePage")
        self.caseLayout = QVBoxLayout(self.casePage)
        self.caseLayout.setObjectName(u"caseLayout")
        self.titleValue = QLabel(self.casePage)
        self.titleValue.setObjectName(u"titleValue")
        self.titleValue.setText(u"")
        self.titleValue.setWordWrap(True)
        self.titleValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.caseLayout.addWidget(self.titleValue)

        self.actionsBar = QWidget(self.casePage)
        self.actionsBar.setObjectName(u"actionsBar")
        self.actionsLayout = QGridLayout(self.actionsBar)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.actionsLayout.setContentsMargins(0, 0, 0, 0)

        self.caseLayout.addWidget(self.actionsBar)

        self.rejectionsGroup = QGroupBox(self.casePage)
        self.rejectionsGroup.setObjectName(u"rejectionsGroup")
        self.rejectionsLayout = QVBoxLayout(self.rejectionsGroup)
        self.rejectionsLayout.setObjectName(u"rejectionsLayout")

        self.caseLayout.addWidget(self.rejectionsGroup)

        self.detailsScroll = QScrollArea(self.casePage)
        self.detailsScroll.setObjectName(u"detailsScroll")
        self.detailsScroll.setWidgetResizable(True)
        self.detailsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details = QWidget()
        self.details.setObjectName(u"details")
        self.detailsLayout = QVBoxLayout(self.details)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.fields = QGridLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setHorizontalSpacing(12)
        self.receiptNoLabel = QLabel(self.details)
        self.receiptNoLabel.setObjectName(u"receiptNoLabel")

        self.fields.addWidget(self.receiptNoLabel, 0, 0, 1, 1)

        self.receiptNoValue = QLabel(self.details)
        self.receiptNoValue.setObjectName(u"receiptNoValue")
        self.receiptNoValue.setText(u"")
        self.receiptNoValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.receiptNoValue.setWordWrap(True)

        self.fields.addWidget(self.receiptNoValue, 0, 1, 1, 1)

        self.statusLabel = QLabel(self.details)
        self.statusLabel.setObjectName(u"statusLabel")

        self.fields.addWidget(self.statusLabel, 1, 0, 1, 1)

        self.statusValue = QLabel(self.details)
        self.statusValue.setObjectName(u"statusValue")
        self.statusValue.setText(u"")
        self.statusValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusValue.setWordWrap(True)

        self.fields.addWidget(self.statusValue, 1, 1, 1, 1)

        self.kindLabel = QLabel(self.details)
        self.kindLabel.setObjectName(u"kindLabel")

        self.fields.addWidget(self.kindLabel, 2, 0, 1, 1)

        self.kindValue = QLabel(self.details)
        self.kindValue.setObjectName(u"kindValue")
        self.kindValue.setText(u"")
        self.kindValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kindValue.setWordWrap(True)

        self.fields.addWidget(self.kindValue, 2, 1, 1, 1)

        self.channelLabel = QLabel(self.details)
        self.channelLabel.setObjectName(u"channelLabel")

        self.fields.addWidget(self.channelLabel, 3, 0, 1, 1)

        self.channelValue = QLabel(self.details)
        self.channelValue.setObjectName(u"channelValue")
        self.channelValue.setText(u"")
        self.channelValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.channelValue.setWordWrap(True)

        self.fields.addWidget(self.channelValue, 3, 1, 1, 1)

        self.receivedAtLabel = QLabel(self.details)
        self.receivedAtLabel.setObjectName(u"receivedAtLabel")

        self.fields.addWidget(self.receivedAtLabel, 4, 0, 1, 1)

        self.receivedAtValue = QLabel(self.details)
        self.receivedAtValue.setObjectName(u"receivedAtValue")
        self.receivedAtValue.setText(u"")
        self.receivedAtValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.receivedAtValue.setWordWrap(True)

        self.fields.addWidget(self.receivedAtValue, 4, 1, 1, 1)

        self.dueAtLabel = QLabel(self.details)
        self.dueAtLabel.setObjectName(u"dueAtLabel")

        self.fields.addWidget(self.dueAtLabel, 5, 0, 1, 1)

        self.dueAtValue = QLabel(self.details)
        self.dueAtValue.setObjectName(u"dueAtValue")
        self.dueAtValue.setText(u"")
        self.dueAtValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dueAtValue.setWordWrap(True)

        self.fields.addWidget(self.dueAtValue, 5, 1, 1, 1)

        self.remainingLabel = QLabel(self.details)
        self.remainingLabel.setObjectName(u"remainingLabel")

        self.fields.addWidget(self.remainingLabel, 6, 0, 1, 1)

        self.remainingValue = QLabel(self.details)
        self.remainingValue.setObjectName(u"remainingValue")
        self.remainingValue.setText(u"")
        self.remainingValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.remainingValue.setWordWrap(True)

        self.fields.addWidget(self.remainingValue, 6, 1, 1, 1)

        self.departmentLabel = QLabel(self.details)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.fields.addWidget(self.departmentLabel, 7, 0, 1, 1)

        self.departmentValue = QLabel(self.details)
        self.departmentValue.setObjectName(u"departmentValue")
        self.departmentValue.setText(u"")
        self.departmentValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.departmentValue.setWordWrap(True)

        self.fields.addWidget(self.departmentValue, 7, 1, 1, 1)

        self.assigneeLabel = QLabel(self.details)
        self.assigneeLabel.setObjectName(u"assigneeLabel")

        self.fields.addWidget(self.assigneeLabel, 8, 0, 1, 1)

        self.assigneeValue = QLabel(self.details)
        self.assigneeValue.setObjectName(u"assigneeValue")
        self.assigneeValue.setText(u"")
        self.assigneeValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.assigneeValue.setWordWrap(True)

        self.fields.addWidget(self.assigneeValue, 8, 1, 1, 1)

        self.categoryLabel = QLabel(self.details)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.fields.addWidget(self.categoryLabel, 9, 0, 1, 1)

        self.categoryValue = QLabel(self.details)
        self.categoryValue.setObjectName(u"categoryValue")
        self.categoryValue.setText(u"")
        self.categoryValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.categoryValue.setWordWrap(True)

        self.fields.addWidget(self.categoryValue, 9, 1, 1, 1)

        self.petitionerLabel = QLabel(self.details)
        self.petitionerLabel.setObjectName(u"petitionerLabel")

        self.fields.addWidget(self.petitionerLabel, 10, 0, 1, 1)

        self.petitionerLayout = QHBoxLayout()
        self.petitionerLayout.setObjectName(u"petitionerLayout")
        self.petitionerValue = QLabel(self.details)
        self.petitionerValue.setObjectName(u"petitionerValue")
        self.petitionerValue.setText(u"")
        self.petitionerValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.petitionerValue.setWordWrap(True)

        self.petitionerLayout.addWidget(self.petitionerValue)

        self.detailsButton = QPushButton(self.details)
        self.detailsButton.setObjectName(u"detailsButton")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.detailsButton.sizePolicy().hasHeightForWidth())
        self.detailsButton.setSizePolicy(sizePolicy)

        self.petitionerLayout.addWidget(self.detailsButton)


        self.fields.addLayout(self.petitionerLayout, 10, 1, 1, 1)

        self.phoneLabel = QLabel(self.details)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.fields.addWidget(self.phoneLabel, 11, 0, 1, 1)

        self.phoneValue = QLabel(self.details)
        self.phoneValue.setObjectName(u"phoneValue")
        self.phoneValue.setText(u"")
        self.phoneValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.phoneValue.setWordWrap(True)

        self.fields.addWidget(self.phoneValue, 11, 1, 1, 1)

        self.addressLabel = QLabel(self.details)
        self.addressLabel.setObjectName(u"addressLabel")

        self.fields.addWidget(self.addressLabel, 12, 0, 1, 1)

        self.addressValue = QLabel(self.details)
        self.addressValue.setObjectName(u"addressValue")
        self.addressValue.setText(u"")
        self.addressValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.addressValue.setWordWrap(True)

        self.fields.addWidget(self.addressValue, 12, 1, 1, 1)

        self.replyChannelLabel = QLabel(self.details)
        self.replyChannelLabel.setObjectName(u"replyChannelLabel")

        self.fields.addWidget(self.replyChannelLabel, 13, 0, 1, 1)

        self.replyChannelValue = QLabel(self.details)
        self.replyChannelValue.setObjectName(u"replyChannelValue")
        self.replyChannelValue.setText(u"")
        self.replyChannelValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.replyChannelValue.setWordWrap(True)

        self.fields.addWidget(self.replyChannelValue, 13, 1, 1, 1)

        self.placeLabel = QLabel(self.details)
        self.placeLabel.setObjectName(u"placeLabel")

        self.fields.addWidget(self.placeLabel, 14, 0, 1, 1)

        self.placeValue = QLabel(self.details)
        self.placeValue.setObjectName(u"placeValue")
        self.placeValue.setText(u"")
        self.placeValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.placeValue.setWordWrap(True)

        self.fields.addWidget(self.placeValue, 14, 1, 1, 1)

        self.consentLabel = QLabel(self.details)
        self.consentLabel.setObjectName(u"consentLabel")

        self.fields.addWidget(self.consentLabel, 15, 0, 1, 1)

        self.consentValue = QLabel(self.details)
        self.consentValue.setObjectName(u"consentValue")
        self.consentValue.setText(u"")
        self.consentValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.consentValue.setWordWrap(True)

        self.fields.addWidget(self.consentValue, 15, 1, 1, 1)

        self.fields.setColumnStretch(1, 1)

        self.detailsLayout.addLayout(self.fields)

        self.bodyGroup = QGroupBox(self.details)
        self.bodyGroup.setObjectName(u"bodyGroup")
        self.bodyLayout = QVBoxLayout(self.bodyGroup)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.bodyValue = QLabel(self.bodyGroup)
        self.bodyValue.setObjectName(u"bodyValue")
        self.bodyValue.setText(u"")
        self.bodyValue.setWordWrap(True)
        self.bodyValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.bodyLayout.addWidget(self.bodyValue)


        self.detailsLayout.addWidget(self.bodyGroup)

        self.timelineGroup = QGroupBox(self.details)
        self.timelineGroup.setObjectName(u"timelineGroup")
        self.timelineLayout = QVBoxLayout(self.timelineGroup)
        self.timelineLayout.setObjectName(u"timelineLayout")
        self.timeline = QTreeWidget(self.timelineGroup)
        self.timeline.setObjectName(u"timeline")
        self.timeline.setMinimumSize(QSize(0, 220))
        self.timeline.setRootIsDecorated(False)
        self.timeline.setUniformRowHeights(False)
        self.timeline.setWordWrap(True)

        self.timelineLayout.addWidget(self.timeline)


        self.detailsLayout.addWidget(self.timelineGroup)

        self.detailsScroll.setWidget(self.details)

        self.caseLayout.addWidget(self.detailsScroll)

        self.pages.addWidget(self.casePage)

        self.panelLayout.addWidget(self.pages)

        QWidget.setTabOrder(self.detailsScroll, self.timeline)

        self.retranslateUi(CasePanel)

        QMetaObject.connectSlotsByName(CasePanel)
    # setupUi

    def retranslateUi(self, CasePanel):
#if QT_CONFIG(accessibility)
        CasePanel.setAccessibleName(QCoreApplication.translate("CasePanel", u"Selected case", None))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(QCoreApplication.translate("CasePanel", u"Select a case in the list to see it here.", None))
#if QT_CONFIG(accessibility)
        self.actionsBar.setAccessibleName(QCoreApplication.translate("CasePanel", u"What can be done with this case", None))
#endif // QT_CONFIG(accessibility)
        self.rejectionsGroup.setTitle(QCoreApplication.translate("CasePanel", u"Refused by the server", None))
        self.receiptNoLabel.setText(QCoreApplication.translate("CasePanel", u"Receipt no.", None))
        self.statusLabel.setText(QCoreApplication.translate("CasePanel", u"Status", None))
        self.kindLabel.setText(QCoreApplication.translate("CasePanel", u"Kind", None))
        self.channelLabel.setText(QCoreApplication.translate("CasePanel", u"Channel", None))
        self.receivedAtLabel.setText(QCoreApplication.translate("CasePanel", u"Received", None))
        self.dueAtLabel.setText(QCoreApplication.translate("CasePanel", u"Due", None))
        self.remainingLabel.setText(QCoreApplication.translate("CasePanel", u"Time left", None))
        self.departmentLabel.setText(QCoreApplication.translate("CasePanel", u"Department", None))
        self.assigneeLabel.setText(QCoreApplication.translate("CasePanel", u"Officer", None))
        self.categoryLabel.setText(QCoreApplication.translate("CasePanel", u"Category", None))
        self.petitionerLabel.setText(QCoreApplication.translate("CasePanel", u"Petitioner", None))
        self.detailsButton.setText(QCoreApplication.translate("CasePanel", u"Show in &full", None))
#if QT_CONFIG(accessibility)
        self.detailsButton.setAccessibleName(QCoreApplication.translate("CasePanel", u"Show the petitioner's details in full", None))
#endif // QT_CONFIG(accessibility)
        self.phoneLabel.setText(QCoreApplication.translate("CasePanel", u"Phone", None))
        self.addressLabel.setText(QCoreApplication.translate("CasePanel", u"Address", None))
        self.replyChannelLabel.setText(QCoreApplication.translate("CasePanel", u"Reply by", None))
        self.placeLabel.setText(QCoreApplication.translate("CasePanel", u"Place", None))
        self.consentLabel.setText(QCoreApplication.translate("CasePanel", u"Consent", None))
        self.bodyGroup.setTitle(QCoreApplication.translate("CasePanel", u"Complaint", None))
        self.timelineGroup.setTitle(QCoreApplication.translate("CasePanel", u"History", None))
        ___qtreewidgetitem = self.timeline.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("CasePanel", u"By", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("CasePanel", u"What", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("CasePanel", u"When", None))
#if QT_CONFIG(accessibility)
        self.timeline.setAccessibleName(QCoreApplication.translate("CasePanel", u"History of the case", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

