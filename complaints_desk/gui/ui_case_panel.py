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
from PySide6.QtWidgets import (QApplication, QFormLayout, QFrame, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QStackedWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget)

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
        self.detailsScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detailsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details = QWidget()
        self.details.setObjectName(u"details")
        self.detailsLayout = QVBoxLayout(self.details)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields.setHorizontalSpacing(12)
        self.receiptNoLabel = QLabel(self.details)
        self.receiptNoLabel.setObjectName(u"receiptNoLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.receiptNoLabel)

        self.receiptNoValue = QLabel(self.details)
        self.receiptNoValue.setObjectName(u"receiptNoValue")
        self.receiptNoValue.setText(u"")
        self.receiptNoValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.receiptNoValue)

        self.statusLabel = QLabel(self.details)
        self.statusLabel.setObjectName(u"statusLabel")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusValue = QLabel(self.details)
        self.statusValue.setObjectName(u"statusValue")
        self.statusValue.setText(u"")
        self.statusValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusValue.setWordWrap(True)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.statusValue)

        self.kindLabel = QLabel(self.details)
        self.kindLabel.setObjectName(u"kindLabel")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindValue = QLabel(self.details)
        self.kindValue.setObjectName(u"kindValue")
        self.kindValue.setText(u"")
        self.kindValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kindValue.setWordWrap(True)

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindValue)

        self.channelLabel = QLabel(self.details)
        self.channelLabel.setObjectName(u"channelLabel")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channelValue = QLabel(self.details)
        self.channelValue.setObjectName(u"channelValue")
        self.channelValue.setText(u"")
        self.channelValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.channelValue.setWordWrap(True)

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.channelValue)

        self.receivedAtLabel = QLabel(self.details)
        self.receivedAtLabel.setObjectName(u"receivedAtLabel")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.receivedAtLabel)

        self.receivedAtValue = QLabel(self.details)
        self.receivedAtValue.setObjectName(u"receivedAtValue")
        self.receivedAtValue.setText(u"")
        self.receivedAtValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.receivedAtValue.setWordWrap(True)

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.receivedAtValue)

        self.dueAtLabel = QLabel(self.details)
        self.dueAtLabel.setObjectName(u"dueAtLabel")

        self.fields.setWidget(5, QFormLayout.ItemRole.LabelRole, self.dueAtLabel)

        self.dueAtValue = QLabel(self.details)
        self.dueAtValue.setObjectName(u"dueAtValue")
        self.dueAtValue.setText(u"")
        self.dueAtValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dueAtValue.setWordWrap(True)

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.dueAtValue)

        self.remainingLabel = QLabel(self.details)
        self.remainingLabel.setObjectName(u"remainingLabel")

        self.fields.setWidget(6, QFormLayout.ItemRole.LabelRole, self.remainingLabel)

        self.remainingValue = QLabel(self.details)
        self.remainingValue.setObjectName(u"remainingValue")
        self.remainingValue.setText(u"")
        self.remainingValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.remainingValue.setWordWrap(True)

        self.fields.setWidget(6, QFormLayout.ItemRole.FieldRole, self.remainingValue)

        self.departmentLabel = QLabel(self.details)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.fields.setWidget(7, QFormLayout.ItemRole.LabelRole, self.departmentLabel)

        self.departmentValue = QLabel(self.details)
        self.departmentValue.setObjectName(u"departmentValue")
        self.departmentValue.setText(u"")
        self.departmentValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.departmentValue.setWordWrap(True)

        self.fields.setWidget(7, QFormLayout.ItemRole.FieldRole, self.departmentValue)

        self.assigneeLabel = QLabel(self.details)
        self.assigneeLabel.setObjectName(u"assigneeLabel")

        self.fields.setWidget(8, QFormLayout.ItemRole.LabelRole, self.assigneeLabel)

        self.assigneeValue = QLabel(self.details)
        self.assigneeValue.setObjectName(u"assigneeValue")
        self.assigneeValue.setText(u"")
        self.assigneeValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.assigneeValue.setWordWrap(True)

        self.fields.setWidget(8, QFormLayout.ItemRole.FieldRole, self.assigneeValue)

        self.categoryLabel = QLabel(self.details)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.fields.setWidget(9, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryValue = QLabel(self.details)
        self.categoryValue.setObjectName(u"categoryValue")
        self.categoryValue.setText(u"")
        self.categoryValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.categoryValue.setWordWrap(True)

        self.fields.setWidget(9, QFormLayout.ItemRole.FieldRole, self.categoryValue)

        self.petitionerLabel = QLabel(self.details)
        self.petitionerLabel.setObjectName(u"petitionerLabel")

        self.fields.setWidget(10, QFormLayout.ItemRole.LabelRole, self.petitionerLabel)

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

        self.petitionerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.petitionerLayout.addItem(self.petitionerSpacer)


        self.fields.setLayout(10, QFormLayout.ItemRole.FieldRole, self.petitionerLayout)

        self.phoneLabel = QLabel(self.details)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.fields.setWidget(11, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneValue = QLabel(self.details)
        self.phoneValue.setObjectName(u"phoneValue")
        self.phoneValue.setText(u"")
        self.phoneValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.fields.setWidget(11, QFormLayout.ItemRole.FieldRole, self.phoneValue)

        self.addressLabel = QLabel(self.details)
        self.addressLabel.setObjectName(u"addressLabel")

        self.fields.setWidget(12, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressValue = QLabel(self.details)
        self.addressValue.setObjectName(u"addressValue")
        self.addressValue.setText(u"")
        self.addressValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.addressValue.setWordWrap(True)

        self.fields.setWidget(12, QFormLayout.ItemRole.FieldRole, self.addressValue)

        self.replyChannelLabel = QLabel(self.details)
        self.replyChannelLabel.setObjectName(u"replyChannelLabel")

        self.fields.setWidget(13, QFormLayout.ItemRole.LabelRole, self.replyChannelLabel)

        self.replyChannelValue = QLabel(self.details)
        self.replyChannelValue.setObjectName(u"replyChannelValue")
        self.replyChannelValue.setText(u"")
        self.replyChannelValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.replyChannelValue.setWordWrap(True)

        self.fields.setWidget(13, QFormLayout.ItemRole.FieldRole, self.replyChannelValue)

        self.placeLabel = QLabel(self.details)
        self.placeLabel.setObjectName(u"placeLabel")

        self.fields.setWidget(14, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeValue = QLabel(self.details)
        self.placeValue.setObjectName(u"placeValue")
        self.placeValue.setText(u"")
        self.placeValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.placeValue.setWordWrap(True)

        self.fields.setWidget(14, QFormLayout.ItemRole.FieldRole, self.placeValue)

        self.consentLabel = QLabel(self.details)
        self.consentLabel.setObjectName(u"consentLabel")

        self.fields.setWidget(15, QFormLayout.ItemRole.LabelRole, self.consentLabel)

        self.consentValue = QLabel(self.details)
        self.consentValue.setObjectName(u"consentValue")
        self.consentValue.setText(u"")
        self.consentValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.consentValue.setWordWrap(True)

        self.fields.setWidget(15, QFormLayout.ItemRole.FieldRole, self.consentValue)


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

