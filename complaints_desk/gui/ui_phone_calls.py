# generated from ui/phone_calls.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'phone_calls.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHeaderView, QLabel,
    QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_PhoneCallsPanel(object):
    def setupUi(self, PhoneCallsPanel):
        if not PhoneCallsPanel.objectName():
            PhoneCallsPanel.setObjectName(u"PhoneCallsPanel")
        PhoneCallsPanel.resize(420, 220)
        self.layout = QVBoxLayout(PhoneCallsPanel)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(4, 4, 4, 4)
        self.hintLabel = QLabel(PhoneCallsPanel)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.layout.addWidget(self.hintLabel)

        self.callsTable = QTableWidget(PhoneCallsPanel)
        if (self.callsTable.columnCount() < 4):
            self.callsTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.callsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.callsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.callsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.callsTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.callsTable.setObjectName(u"callsTable")
        self.callsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.callsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.callsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.callsTable.setColumnCount(4)
        self.callsTable.horizontalHeader().setStretchLastSection(True)
        self.callsTable.verticalHeader().setVisible(False)

        self.layout.addWidget(self.callsTable)


        self.retranslateUi(PhoneCallsPanel)

        QMetaObject.connectSlotsByName(PhoneCallsPanel)
    # setupUi

    def retranslateUi(self, PhoneCallsPanel):
        PhoneCallsPanel.setWindowTitle(QCoreApplication.translate("PhoneCallsPanel", u"Phone calls", None))
        self.hintLabel.setText(QCoreApplication.translate("PhoneCallsPanel", u"Calls the telephone system reports: double-click (or Enter) to take the caller's complaint.", None))
        ___qtablewidgetitem = self.callsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("PhoneCallsPanel", u"Time", None))
        ___qtablewidgetitem1 = self.callsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("PhoneCallsPanel", u"Caller", None))
        ___qtablewidgetitem2 = self.callsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("PhoneCallsPanel", u"Call", None))
        ___qtablewidgetitem3 = self.callsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("PhoneCallsPanel", u"Earlier cases", None))
#if QT_CONFIG(accessibility)
        self.callsTable.setAccessibleName(QCoreApplication.translate("PhoneCallsPanel", u"Phone calls", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

