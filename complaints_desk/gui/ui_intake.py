# generated from ui/intake.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'intake.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QSplitter, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

from complaints_desk.gui.call_log import CallLogBox

class Ui_IntakeForm(object):
    def setupUi(self, IntakeForm):
        if not IntakeForm.objectName():
            IntakeForm.setObjectName(u"IntakeForm")
        IntakeForm.resize(1280, 820)
        self.intakeLayout = QHBoxLayout(IntakeForm)
        self.intakeLayout.setObjectName(u"intakeLayout")
        self.splitter = QSplitter(IntakeForm)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.formSide = QWidget(self.splitter)
        self.formSide.setObjectName(u"formSide")
        self.formSideLayout = QVBoxLayout(self.formSide)
        self.formSideLayout.setObjectName(u"formSideLayout")
        self.formSideLayout.setContentsMargins(0, 0, 0, 0)
        self.modeTitle = QLabel(self.formSide)
        self.modeTitle.setObjectName(u"modeTitle")

        self.formSideLayout.addWidget(self.modeTitle)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.phoneLabel = QLabel(self.formSide)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.formSide)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.nameLabel = QLabel(self.formSide)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.formSide)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.kindLabel = QLabel(self.formSide)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.formSide)
        self.kindCombo.setObjectName(u"kindCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.categoryLabel = QLabel(self.formSide)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(self.formSide)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.titleLabel = QLabel(self.formSide)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(self.formSide)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.bodyLabel = QLabel(self.formSide)
        self.bodyLabel.setObjectName(u"bodyLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.bodyLabel)

        self.bodyEdit = QPlainTextEdit(self.formSide)
        self.bodyEdit.setObjectName(u"bodyEdit")
        self.bodyEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.bodyEdit)

        self.placeLabel = QLabel(self.formSide)
        self.placeLabel.setObjectName(u"placeLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeEdit = QLineEdit(self.formSide)
        self.placeEdit.setObjectName(u"placeEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.placeEdit)

        self.addressLabel = QLabel(self.formSide)
        self.addressLabel.setObjectName(u"addressLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.formSide)
        self.addressEdit.setObjectName(u"addressEdit")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.replyLabel = QLabel(self.formSide)
        self.replyLabel.setObjectName(u"replyLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.replyLabel)

        self.replyCombo = QComboBox(self.formSide)
        self.replyCombo.setObjectName(u"replyCombo")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.replyCombo)

        self.departmentLabel = QLabel(self.formSide)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.departmentLabel)

        self.departmentCombo = QComboBox(self.formSide)
        self.departmentCombo.setObjectName(u"departmentCombo")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.departmentCombo)

        self.suggestionCaption = QLabel(self.formSide)
        self.suggestionCaption.setObjectName(u"suggestionCaption")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.suggestionCaption)

        self.suggestionLabel = QLabel(self.formSide)
        self.suggestionLabel.setObjectName(u"suggestionLabel")
        self.suggestionLabel.setWordWrap(True)

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.suggestionLabel)

        self.consentCaption = QLabel(self.formSide)
        self.consentCaption.setObjectName(u"consentCaption")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.consentCaption)

        self.consentCheck = QCheckBox(self.formSide)
        self.consentCheck.setObjectName(u"consentCheck")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.consentCheck)


        self.formSideLayout.addLayout(self.formLayout)

        self.groupBox = QGroupBox(self.formSide)
        self.groupBox.setObjectName(u"groupBox")
        self.groupLayout = QHBoxLayout(self.groupBox)
        self.groupLayout.setObjectName(u"groupLayout")
        self.groupCheck = QCheckBox(self.groupBox)
        self.groupCheck.setObjectName(u"groupCheck")

        self.groupLayout.addWidget(self.groupCheck)

        self.signersLabel = QLabel(self.groupBox)
        self.signersLabel.setObjectName(u"signersLabel")

        self.groupLayout.addWidget(self.signersLabel)

        self.signersSpin = QSpinBox(self.groupBox)
        self.signersSpin.setObjectName(u"signersSpin")
        self.signersSpin.setMinimum(1)
        self.signersSpin.setMaximum(100000)

        self.groupLayout.addWidget(self.signersSpin)

        self.householdsLabel = QLabel(self.groupBox)
        self.householdsLabel.setObjectName(u"householdsLabel")

        self.groupLayout.addWidget(self.householdsLabel)

        self.householdsSpin = QSpinBox(self.groupBox)
        self.householdsSpin.setObjectName(u"householdsSpin")
        self.householdsSpin.setMinimum(1)
        self.householdsSpin.setMaximum(100000)

        self.groupLayout.addWidget(self.householdsSpin)

        self.groupSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.groupLayout.addItem(self.groupSpacer)


        self.formSideLayout.addWidget(self.groupBox)

        self.answerBox = QGroupBox(self.formSide)
        self.answerBox.setObjectName(u"answerBox")
        self.answerLayout = QVBoxLayout(self.answerBox)
        self.answerLayout.setObjectName(u"answerLayout")
        self.answerEdit = QPlainTextEdit(self.answerBox)
        self.answerEdit.setObjectName(u"answerEdit")
        self.answerEdit.setTabChangesFocus(True)

        self.answerLayout.addWidget(self.answerEdit)

        self.closeCheck = QCheckBox(self.answerBox)
        self.closeCheck.setObjectName(u"closeCheck")
        self.closeCheck.setChecked(True)

        self.answerLayout.addWidget(self.closeCheck)


        self.formSideLayout.addWidget(self.answerBox)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.keysLabel = QLabel(self.formSide)
        self.keysLabel.setObjectName(u"keysLabel")
        self.keysLabel.setWordWrap(False)

        self.buttonLayout.addWidget(self.keysLabel)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.clearButton = QPushButton(self.formSide)
        self.clearButton.setObjectName(u"clearButton")

        self.buttonLayout.addWidget(self.clearButton)

        self.saveButton = QPushButton(self.formSide)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonLayout.addWidget(self.saveButton)


        self.formSideLayout.addLayout(self.buttonLayout)

        self.splitter.addWidget(self.formSide)
        self.infoSide = QWidget(self.splitter)
        self.infoSide.setObjectName(u"infoSide")
        self.infoSideLayout = QVBoxLayout(self.infoSide)
        self.infoSideLayout.setObjectName(u"infoSideLayout")
        self.infoSideLayout.setContentsMargins(0, 0, 0, 0)
        self.receiptCaption = QLabel(self.infoSide)
        self.receiptCaption.setObjectName(u"receiptCaption")

        self.infoSideLayout.addWidget(self.receiptCaption)

        self.receiptNumber = QLabel(self.infoSide)
        self.receiptNumber.setObjectName(u"receiptNumber")
        self.receiptNumber.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.infoSideLayout.addWidget(self.receiptNumber)

        self.callLog = CallLogBox(self.infoSide)
        self.callLog.setObjectName(u"callLog")

        self.infoSideLayout.addWidget(self.callLog)

        self.historyLabel = QLabel(self.infoSide)
        self.historyLabel.setObjectName(u"historyLabel")

        self.infoSideLayout.addWidget(self.historyLabel)

        self.historyList = QTreeWidget(self.infoSide)
        self.historyList.setObjectName(u"historyList")
        self.historyList.setRootIsDecorated(False)
        self.historyList.setUniformRowHeights(True)
        self.historyList.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.infoSideLayout.addWidget(self.historyList)

        self.duplicatesLabel = QLabel(self.infoSide)
        self.duplicatesLabel.setObjectName(u"duplicatesLabel")

        self.infoSideLayout.addWidget(self.duplicatesLabel)

        self.duplicatesList = QTreeWidget(self.infoSide)
        self.duplicatesList.setObjectName(u"duplicatesList")
        self.duplicatesList.setRootIsDecorated(False)
        self.duplicatesList.setUniformRowHeights(True)
        self.duplicatesList.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.infoSideLayout.addWidget(self.duplicatesList)

        self.previewHost = QWidget(self.infoSide)
        self.previewHost.setObjectName(u"previewHost")

        self.infoSideLayout.addWidget(self.previewHost)

        self.splitter.addWidget(self.infoSide)

        self.intakeLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.titleLabel.setBuddy(self.titleEdit)
        self.bodyLabel.setBuddy(self.bodyEdit)
        self.placeLabel.setBuddy(self.placeEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.replyLabel.setBuddy(self.replyCombo)
        self.departmentLabel.setBuddy(self.departmentCombo)
        self.signersLabel.setBuddy(self.signersSpin)
        self.householdsLabel.setBuddy(self.householdsSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.phoneEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.bodyEdit)
        QWidget.setTabOrder(self.bodyEdit, self.placeEdit)
        QWidget.setTabOrder(self.placeEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.replyCombo)
        QWidget.setTabOrder(self.replyCombo, self.departmentCombo)
        QWidget.setTabOrder(self.departmentCombo, self.consentCheck)
        QWidget.setTabOrder(self.consentCheck, self.groupCheck)
        QWidget.setTabOrder(self.groupCheck, self.signersSpin)
        QWidget.setTabOrder(self.signersSpin, self.householdsSpin)
        QWidget.setTabOrder(self.householdsSpin, self.answerEdit)
        QWidget.setTabOrder(self.answerEdit, self.closeCheck)
        QWidget.setTabOrder(self.closeCheck, self.clearButton)
        QWidget.setTabOrder(self.clearButton, self.saveButton)

        self.retranslateUi(IntakeForm)

        self.saveButton.setDefault(False)


        QMetaObject.connectSlotsByName(IntakeForm)
    # setupUi

    def retranslateUi(self, IntakeForm):
#if QT_CONFIG(accessibility)
        IntakeForm.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Intake", None))
#endif // QT_CONFIG(accessibility)
        self.phoneLabel.setText(QCoreApplication.translate("IntakeForm", u"&Phone", None))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Caller's phone number", None))
#endif // QT_CONFIG(accessibility)
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"010-1234-5678", None))
        self.nameLabel.setText(QCoreApplication.translate("IntakeForm", u"&Name", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Petitioner's name", None))
#endif // QT_CONFIG(accessibility)
        self.kindLabel.setText(QCoreApplication.translate("IntakeForm", u"&Kind", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Kind of complaint", None))
#endif // QT_CONFIG(accessibility)
        self.categoryLabel.setText(QCoreApplication.translate("IntakeForm", u"Cate&gory", None))
#if QT_CONFIG(accessibility)
        self.categoryCombo.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Category", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("IntakeForm", u"&Title", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.bodyLabel.setText(QCoreApplication.translate("IntakeForm", u"C&ontent", None))
#if QT_CONFIG(accessibility)
        self.bodyEdit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Content", None))
#endif // QT_CONFIG(accessibility)
        self.placeLabel.setText(QCoreApplication.translate("IntakeForm", u"P&lace", None))
#if QT_CONFIG(accessibility)
        self.placeEdit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Place of the matter", None))
#endif // QT_CONFIG(accessibility)
        self.placeEdit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"Where it happens: a street, a building", None))
        self.addressLabel.setText(QCoreApplication.translate("IntakeForm", u"A&ddress", None))
#if QT_CONFIG(accessibility)
        self.addressEdit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Petitioner's address", None))
#endif // QT_CONFIG(accessibility)
        self.replyLabel.setText(QCoreApplication.translate("IntakeForm", u"&Reply by", None))
#if QT_CONFIG(accessibility)
        self.replyCombo.setAccessibleName(QCoreApplication.translate("IntakeForm", u"How they want the answer", None))
#endif // QT_CONFIG(accessibility)
        self.departmentLabel.setText(QCoreApplication.translate("IntakeForm", u"Depart&ment", None))
#if QT_CONFIG(accessibility)
        self.departmentCombo.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Department", None))
#endif // QT_CONFIG(accessibility)
        self.suggestionCaption.setText("")
        self.consentCaption.setText("")
        self.consentCheck.setText(QCoreApplication.translate("IntakeForm", u"The petitioner &agrees to the use of their personal data for this case", None))
        self.groupBox.setTitle(QCoreApplication.translate("IntakeForm", u"Several petitioners (the petitioner above is their representative)", None))
        self.groupCheck.setText(QCoreApplication.translate("IntakeForm", u"Filed by &several people", None))
        self.signersLabel.setText(QCoreApplication.translate("IntakeForm", u"Signers", None))
#if QT_CONFIG(accessibility)
        self.signersSpin.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Signers", None))
#endif // QT_CONFIG(accessibility)
        self.householdsLabel.setText(QCoreApplication.translate("IntakeForm", u"Households", None))
#if QT_CONFIG(accessibility)
        self.householdsSpin.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Households", None))
#endif // QT_CONFIG(accessibility)
        self.answerBox.setTitle(QCoreApplication.translate("IntakeForm", u"Answer at once", None))
#if QT_CONFIG(accessibility)
        self.answerEdit.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Answer given at once", None))
#endif // QT_CONFIG(accessibility)
        self.answerEdit.setPlaceholderText(QCoreApplication.translate("IntakeForm", u"The answer given to the caller now (a simple complaint is answered and closed here)", None))
        self.closeCheck.setText(QCoreApplication.translate("IntakeForm", u"Close the case with this answer", None))
        self.clearButton.setText(QCoreApplication.translate("IntakeForm", u"Clear", None))
        self.saveButton.setText(QCoreApplication.translate("IntakeForm", u"Save", None))
#if QT_CONFIG(accessibility)
        self.receiptNumber.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Receipt number", None))
#endif // QT_CONFIG(accessibility)
        ___qtreewidgetitem = self.historyList.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("IntakeForm", u"Title", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("IntakeForm", u"Status", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("IntakeForm", u"Received", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("IntakeForm", u"Receipt no.", None))
#if QT_CONFIG(accessibility)
        self.historyList.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Caller's earlier cases", None))
#endif // QT_CONFIG(accessibility)
        ___qtreewidgetitem1 = self.duplicatesList.headerItem()
        ___qtreewidgetitem1.setText(3, QCoreApplication.translate("IntakeForm", u"Title", None))
        ___qtreewidgetitem1.setText(2, QCoreApplication.translate("IntakeForm", u"Status", None))
        ___qtreewidgetitem1.setText(1, QCoreApplication.translate("IntakeForm", u"Received", None))
        ___qtreewidgetitem1.setText(0, QCoreApplication.translate("IntakeForm", u"Receipt no.", None))
#if QT_CONFIG(accessibility)
        self.duplicatesList.setAccessibleName(QCoreApplication.translate("IntakeForm", u"Likely duplicates", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

