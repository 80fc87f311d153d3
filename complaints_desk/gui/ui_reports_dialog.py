# generated from ui/reports_dialog.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reports_dialog.ui'
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
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QRadioButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ReportsDialog(object):
    def setupUi(self, ReportsDialog):
        if not ReportsDialog.objectName():
            ReportsDialog.setObjectName(u"ReportsDialog")
        ReportsDialog.resize(520, 200)
        self.outer = QVBoxLayout(ReportsDialog)
        self.outer.setObjectName(u"outer")
        self.caseLabel = QLabel(ReportsDialog)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setText(u"")
        self.caseLabel.setWordWrap(True)

        self.outer.addWidget(self.caseLabel)

        self.formError = QLabel(ReportsDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setText(u"")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.outer.addWidget(self.formError)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.whatLabel = QLabel(ReportsDialog)
        self.whatLabel.setObjectName(u"whatLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.whatLabel)

        self.whatLayout = QHBoxLayout()
        self.whatLayout.setObjectName(u"whatLayout")
        self.summaryRadio = QRadioButton(ReportsDialog)
        self.summaryRadio.setObjectName(u"summaryRadio")

        self.whatLayout.addWidget(self.summaryRadio)

        self.csvRadio = QRadioButton(ReportsDialog)
        self.csvRadio.setObjectName(u"csvRadio")

        self.whatLayout.addWidget(self.csvRadio)

        self.xlsxRadio = QRadioButton(ReportsDialog)
        self.xlsxRadio.setObjectName(u"xlsxRadio")

        self.whatLayout.addWidget(self.xlsxRadio)

        self.whatLayoutSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.whatLayout.addItem(self.whatLayoutSpacer)


        self.fields.setLayout(0, QFormLayout.ItemRole.FieldRole, self.whatLayout)

        self.whatError = QLabel(ReportsDialog)
        self.whatError.setObjectName(u"whatError")
        self.whatError.setText(u"")
        self.whatError.setWordWrap(True)
        self.whatError.setVisible(False)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.whatError)

        self.first_dayLabel = QLabel(ReportsDialog)
        self.first_dayLabel.setObjectName(u"first_dayLabel")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.first_dayLabel)

        self.firstDateEdit = QDateEdit(ReportsDialog)
        self.firstDateEdit.setObjectName(u"firstDateEdit")
        self.firstDateEdit.setCalendarPopup(True)
        self.firstDateEdit.setDisplayFormat(u"yyyy. M. d.")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.firstDateEdit)

        self.first_dayError = QLabel(ReportsDialog)
        self.first_dayError.setObjectName(u"first_dayError")
        self.first_dayError.setText(u"")
        self.first_dayError.setWordWrap(True)
        self.first_dayError.setVisible(False)

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.first_dayError)

        self.last_dayLabel = QLabel(ReportsDialog)
        self.last_dayLabel.setObjectName(u"last_dayLabel")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.last_dayLabel)

        self.lastDateEdit = QDateEdit(ReportsDialog)
        self.lastDateEdit.setObjectName(u"lastDateEdit")
        self.lastDateEdit.setCalendarPopup(True)
        self.lastDateEdit.setDisplayFormat(u"yyyy. M. d.")

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.lastDateEdit)

        self.last_dayError = QLabel(ReportsDialog)
        self.last_dayError.setObjectName(u"last_dayError")
        self.last_dayError.setText(u"")
        self.last_dayError.setWordWrap(True)
        self.last_dayError.setVisible(False)

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.last_dayError)

        self.department_codeLabel = QLabel(ReportsDialog)
        self.department_codeLabel.setObjectName(u"department_codeLabel")

        self.fields.setWidget(6, QFormLayout.ItemRole.LabelRole, self.department_codeLabel)

        self.departmentCombo = QComboBox(ReportsDialog)
        self.departmentCombo.setObjectName(u"departmentCombo")

        self.fields.setWidget(6, QFormLayout.ItemRole.FieldRole, self.departmentCombo)

        self.department_codeError = QLabel(ReportsDialog)
        self.department_codeError.setObjectName(u"department_codeError")
        self.department_codeError.setText(u"")
        self.department_codeError.setWordWrap(True)
        self.department_codeError.setVisible(False)

        self.fields.setWidget(7, QFormLayout.ItemRole.FieldRole, self.department_codeError)

        self.fullCheck = QCheckBox(ReportsDialog)
        self.fullCheck.setObjectName(u"fullCheck")

        self.fields.setWidget(8, QFormLayout.ItemRole.FieldRole, self.fullCheck)

        self.fullError = QLabel(ReportsDialog)
        self.fullError.setObjectName(u"fullError")
        self.fullError.setText(u"")
        self.fullError.setWordWrap(True)
        self.fullError.setVisible(False)

        self.fields.setWidget(9, QFormLayout.ItemRole.FieldRole, self.fullError)


        self.outer.addLayout(self.fields)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(ReportsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.outer.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.first_dayLabel.setBuddy(self.firstDateEdit)
        self.last_dayLabel.setBuddy(self.lastDateEdit)
        self.department_codeLabel.setBuddy(self.departmentCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReportsDialog)

        QMetaObject.connectSlotsByName(ReportsDialog)
    # setupUi

    def retranslateUi(self, ReportsDialog):
        ReportsDialog.setWindowTitle(QCoreApplication.translate("ReportsDialog", u"Reports", None))
#if QT_CONFIG(accessibility)
        self.formError.setAccessibleName(QCoreApplication.translate("ReportsDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.whatLabel.setText(QCoreApplication.translate("ReportsDialog", u"Make:", None))
        self.summaryRadio.setText(QCoreApplication.translate("ReportsDialog", u"&Summary (PDF)", None))
#if QT_CONFIG(accessibility)
        self.summaryRadio.setAccessibleName(QCoreApplication.translate("ReportsDialog", u"&Summary (PDF)", None))
#endif // QT_CONFIG(accessibility)
        self.csvRadio.setText(QCoreApplication.translate("ReportsDialog", u"Case list (&CSV)", None))
#if QT_CONFIG(accessibility)
        self.csvRadio.setAccessibleName(QCoreApplication.translate("ReportsDialog", u"Case list (&CSV)", None))
#endif // QT_CONFIG(accessibility)
        self.xlsxRadio.setText(QCoreApplication.translate("ReportsDialog", u"Case list (&XLSX)", None))
#if QT_CONFIG(accessibility)
        self.xlsxRadio.setAccessibleName(QCoreApplication.translate("ReportsDialog", u"Case list (&XLSX)", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.whatError.setAccessibleName(QCoreApplication.translate("ReportsDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.first_dayLabel.setText(QCoreApplication.translate("ReportsDialog", u"&From:", None))
#if QT_CONFIG(accessibility)
        self.firstDateEdit.setAccessibleName(QCoreApplication.translate("ReportsDialog", u"&From:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.first_dayError.setAccessibleName(QCoreApplication.translate("ReportsDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.last_dayLabel.setText(QCoreApplication.translate("ReportsDialog", u"&To (included):", None))
#if QT_CONFIG(accessibility)
        self.lastDateEdit.setAccessibleName(QCoreApplication.translate("ReportsDialog", u"&To (included):", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.last_dayError.setAccessibleName(QCoreApplication.translate("ReportsDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
        self.department_codeLabel.setText(QCoreApplication.translate("ReportsDialog", u"&Department:", None))
#if QT_CONFIG(accessibility)
        self.departmentCombo.setAccessibleName(QCoreApplication.translate("ReportsDialog", u"&Department:", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.department_codeError.setAccessibleName(QCoreApplication.translate("ReportsDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.fullCheck.setAccessibleName("")
#endif // QT_CONFIG(accessibility)
        self.fullCheck.setText(QCoreApplication.translate("ReportsDialog", u"Petitioners in f&ull (not masked)", None))
#if QT_CONFIG(accessibility)
        self.fullError.setAccessibleName(QCoreApplication.translate("ReportsDialog", u"Error", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

