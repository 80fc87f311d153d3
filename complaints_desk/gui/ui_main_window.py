# generated from ui/main_window.ui by pyside6-uic (python -m complaints_desk.gui.build), do not edit
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: pyside6-uic
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QMainWindow, QMenu, QMenuBar, QSizePolicy,
    QSpacerItem, QSplitter, QStatusBar, QTableView,
    QVBoxLayout, QWidget)

from complaints_desk.gui.case_panel import CasePanel

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1440, 860)
        self.actionRefresh = QAction(MainWindow)
        self.actionRefresh.setObjectName(u"actionRefresh")
#if QT_CONFIG(shortcut)
        self.actionRefresh.setShortcut(u"F5")
#endif // QT_CONFIG(shortcut)
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.actionSearch = QAction(MainWindow)
        self.actionSearch.setObjectName(u"actionSearch")
#if QT_CONFIG(shortcut)
        self.actionSearch.setShortcut(u"Ctrl+F")
#endif // QT_CONFIG(shortcut)
        self.actionQueueMine = QAction(MainWindow)
        self.actionQueueMine.setObjectName(u"actionQueueMine")
        self.actionQueueMine.setCheckable(True)
#if QT_CONFIG(shortcut)
        self.actionQueueMine.setShortcut(u"Ctrl+1")
#endif // QT_CONFIG(shortcut)
        self.actionQueueDepartment = QAction(MainWindow)
        self.actionQueueDepartment.setObjectName(u"actionQueueDepartment")
        self.actionQueueDepartment.setCheckable(True)
#if QT_CONFIG(shortcut)
        self.actionQueueDepartment.setShortcut(u"Ctrl+2")
#endif // QT_CONFIG(shortcut)
        self.actionQueueAll = QAction(MainWindow)
        self.actionQueueAll.setObjectName(u"actionQueueAll")
        self.actionQueueAll.setCheckable(True)
#if QT_CONFIG(shortcut)
        self.actionQueueAll.setShortcut(u"Ctrl+3")
#endif // QT_CONFIG(shortcut)
        self.actionQueueToRegister = QAction(MainWindow)
        self.actionQueueToRegister.setObjectName(u"actionQueueToRegister")
        self.actionQueueToRegister.setCheckable(True)
#if QT_CONFIG(shortcut)
        self.actionQueueToRegister.setShortcut(u"Ctrl+4")
#endif // QT_CONFIG(shortcut)
        self.actionQueueDueSoon = QAction(MainWindow)
        self.actionQueueDueSoon.setObjectName(u"actionQueueDueSoon")
        self.actionQueueDueSoon.setCheckable(True)
#if QT_CONFIG(shortcut)
        self.actionQueueDueSoon.setShortcut(u"Ctrl+5")
#endif // QT_CONFIG(shortcut)
        self.actionQueueOverdue = QAction(MainWindow)
        self.actionQueueOverdue.setObjectName(u"actionQueueOverdue")
        self.actionQueueOverdue.setCheckable(True)
#if QT_CONFIG(shortcut)
        self.actionQueueOverdue.setShortcut(u"Ctrl+6")
#endif // QT_CONFIG(shortcut)
        self.actionQueueRejected = QAction(MainWindow)
        self.actionQueueRejected.setObjectName(u"actionQueueRejected")
        self.actionQueueRejected.setCheckable(True)
#if QT_CONFIG(shortcut)
        self.actionQueueRejected.setShortcut(u"Ctrl+7")
#endif // QT_CONFIG(shortcut)
        self.actionKorean = QAction(MainWindow)
        self.actionKorean.setObjectName(u"actionKorean")
        self.actionKorean.setCheckable(True)
        self.actionKorean.setText(u"\ud55c\uad6d\uc5b4")
        self.actionEnglish = QAction(MainWindow)
        self.actionEnglish.setObjectName(u"actionEnglish")
        self.actionEnglish.setCheckable(True)
        self.actionEnglish.setText(u"English")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QHBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(6, 6, 6, 0)
        self.splitter = QSplitter(self.centralwidget)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.queueList = QListWidget(self.splitter)
        QListWidgetItem(self.queueList)
        QListWidgetItem(self.queueList)
        QListWidgetItem(self.queueList)
        QListWidgetItem(self.queueList)
        QListWidgetItem(self.queueList)
        QListWidgetItem(self.queueList)
        QListWidgetItem(self.queueList)
        self.queueList.setObjectName(u"queueList")
        self.queueList.setMinimumSize(QSize(150, 0))
        self.splitter.addWidget(self.queueList)
        self.queuePane = QWidget(self.splitter)
        self.queuePane.setObjectName(u"queuePane")
        self.queuePaneLayout = QVBoxLayout(self.queuePane)
        self.queuePaneLayout.setObjectName(u"queuePaneLayout")
        self.queuePaneLayout.setContentsMargins(0, 0, 0, 0)
        self.queueHeader = QHBoxLayout()
        self.queueHeader.setObjectName(u"queueHeader")
        self.queueTitle = QLabel(self.queuePane)
        self.queueTitle.setObjectName(u"queueTitle")
        self.queueTitle.setText(u"")

        self.queueHeader.addWidget(self.queueTitle)

        self.queueCount = QLabel(self.queuePane)
        self.queueCount.setObjectName(u"queueCount")
        self.queueCount.setText(u"")

        self.queueHeader.addWidget(self.queueCount)

        self.queueHeaderSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.queueHeader.addItem(self.queueHeaderSpacer)

        self.searchLabel = QLabel(self.queuePane)
        self.searchLabel.setObjectName(u"searchLabel")

        self.queueHeader.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(self.queuePane)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMinimumSize(QSize(280, 0))
        self.searchEdit.setClearButtonEnabled(True)

        self.queueHeader.addWidget(self.searchEdit)


        self.queuePaneLayout.addLayout(self.queueHeader)

        self.queueTable = QTableView(self.queuePane)
        self.queueTable.setObjectName(u"queueTable")
        self.queueTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queueTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queueTable.setAlternatingRowColors(True)
        self.queueTable.setWordWrap(False)
        self.queueTable.setCornerButtonEnabled(False)
        self.queueTable.horizontalHeader().setHighlightSections(False)
        self.queueTable.verticalHeader().setVisible(False)

        self.queuePaneLayout.addWidget(self.queueTable)

        self.splitter.addWidget(self.queuePane)
        self.casePanel = CasePanel(self.splitter)
        self.casePanel.setObjectName(u"casePanel")
        self.splitter.addWidget(self.casePanel)

        self.centralLayout.addWidget(self.splitter)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuQueues = QMenu(self.menubar)
        self.menuQueues.setObjectName(u"menuQueues")
        self.menuLanguage = QMenu(self.menubar)
        self.menuLanguage.setObjectName(u"menuLanguage")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.queueList, self.searchEdit)
        QWidget.setTabOrder(self.searchEdit, self.queueTable)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuQueues.menuAction())
        self.menubar.addAction(self.menuLanguage.menuAction())
        self.menuFile.addAction(self.actionRefresh)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuQueues.addAction(self.actionQueueMine)
        self.menuQueues.addAction(self.actionQueueDepartment)
        self.menuQueues.addAction(self.actionQueueAll)
        self.menuQueues.addAction(self.actionQueueToRegister)
        self.menuQueues.addAction(self.actionQueueDueSoon)
        self.menuQueues.addAction(self.actionQueueOverdue)
        self.menuQueues.addAction(self.actionQueueRejected)
        self.menuQueues.addSeparator()
        self.menuQueues.addAction(self.actionSearch)
        self.menuLanguage.addAction(self.actionKorean)
        self.menuLanguage.addAction(self.actionEnglish)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Complaints Desk", None))
        self.actionRefresh.setText(QCoreApplication.translate("MainWindow", u"&Refresh", None))
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
        self.actionSearch.setText(QCoreApplication.translate("MainWindow", u"&Find\u2026", None))
        self.actionQueueMine.setText(QCoreApplication.translate("MainWindow", u"My cases", None))
        self.actionQueueDepartment.setText(QCoreApplication.translate("MainWindow", u"My department", None))
        self.actionQueueAll.setText(QCoreApplication.translate("MainWindow", u"All cases", None))
        self.actionQueueToRegister.setText(QCoreApplication.translate("MainWindow", u"To register", None))
        self.actionQueueDueSoon.setText(QCoreApplication.translate("MainWindow", u"Due within a day", None))
        self.actionQueueOverdue.setText(QCoreApplication.translate("MainWindow", u"Overdue", None))
        self.actionQueueRejected.setText(QCoreApplication.translate("MainWindow", u"Rejected in sync", None))

        __sortingEnabled = self.queueList.isSortingEnabled()
        self.queueList.setSortingEnabled(False)
        ___qlistwidgetitem = self.queueList.item(0)
        ___qlistwidgetitem.setText(QCoreApplication.translate("MainWindow", u"My cases", None))
        ___qlistwidgetitem1 = self.queueList.item(1)
        ___qlistwidgetitem1.setText(QCoreApplication.translate("MainWindow", u"My department", None))
        ___qlistwidgetitem2 = self.queueList.item(2)
        ___qlistwidgetitem2.setText(QCoreApplication.translate("MainWindow", u"All cases", None))
        ___qlistwidgetitem3 = self.queueList.item(3)
        ___qlistwidgetitem3.setText(QCoreApplication.translate("MainWindow", u"To register", None))
        ___qlistwidgetitem4 = self.queueList.item(4)
        ___qlistwidgetitem4.setText(QCoreApplication.translate("MainWindow", u"Due within a day", None))
        ___qlistwidgetitem5 = self.queueList.item(5)
        ___qlistwidgetitem5.setText(QCoreApplication.translate("MainWindow", u"Overdue", None))
        ___qlistwidgetitem6 = self.queueList.item(6)
        ___qlistwidgetitem6.setText(QCoreApplication.translate("MainWindow", u"Rejected in sync", None))
        self.queueList.setSortingEnabled(__sortingEnabled)

#if QT_CONFIG(accessibility)
        self.queueList.setAccessibleName(QCoreApplication.translate("MainWindow", u"Queues", None))
#endif // QT_CONFIG(accessibility)
        self.searchLabel.setText(QCoreApplication.translate("MainWindow", u"&Search", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("MainWindow", u"Search cases", None))
#endif // QT_CONFIG(accessibility)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Title, text, name or phone (Ctrl+F)", None))
#if QT_CONFIG(accessibility)
        self.queueTable.setAccessibleName(QCoreApplication.translate("MainWindow", u"Cases in this queue", None))
#endif // QT_CONFIG(accessibility)
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuQueues.setTitle(QCoreApplication.translate("MainWindow", u"&Queues", None))
        self.menuLanguage.setTitle(QCoreApplication.translate("MainWindow", u"&Language", None))
    # retranslateUi

