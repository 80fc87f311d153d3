"""Reports for supervisors (보고서): the summary PDF of a period and department (documents.summary over
store.reports) and the case-list export (CSV or XLSX, documents.export), petitioners masked unless the role
may see them in full and asks for it (documents.export.full_details_allowed, as `complaints-desk export`).

The menu exists for supervisors and administrators only. The work runs on the reader pool with a progress
dialog: the export reports each batch of rows and stops at the next batch when cancelled, and the exporter
then deletes its partial file; the summary is one query and one PDF, which a cancel simply drops. The saved
file is then offered (gui/pdf_print.SavedFileBox): the summary to print through our own print dialog (its
pages rendered by QtPdf, on the reader pool) or to open, a case list to open in the desktop's spreadsheet
program (whose print set-up the XLSX carries)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QProgressBar, QProgressDialog, QWidget
from sqlalchemy.orm import Session

from ..domain.errors import DomainError
from ..domain.roles import Actor, Role
from ..store.case_actions import Choice, desk_actor
from ..store.reference import departments
from .language import korean

# The menu is made with the main window; what it makes and prints (store.reports, the print support, QtPdf)
# loads when a report is first asked for, not at the client's start.
if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from ..store import reports
    from .main_window import MainWindow
    from .pdf_print import SavedFileBox

EXPORT_BATCH = 500  # rows between two progress reports (and two looks at the cancel button)
REPORT_ROLES = (Role.SUPERVISOR, Role.ADMIN)


class Cancelled(Exception):
    """The supervisor pressed cancel."""


class Progress(QObject):
    """Emitted on a reader thread, received on the GUI thread (a queued connection). Give it a parent on the GUI
    thread (the progress dialog): the report's work, which holds it, is let go of on the reader thread, and a
    Python-owned QObject destroyed there took Qt's lock of its connections and then waited for the interpreter,
    which the GUI thread held while it waited for that lock to connect a button (a test run hung so)."""

    advanced = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancelled = threading.Event()


def batched(rows: Iterable[Any], total: int, progress: Progress, batch: int = EXPORT_BATCH) -> Iterator[Any]:
    done = 0
    for row in rows:
        yield row
        done += 1
        if done % batch == 0:
            if progress.cancelled.is_set():
                raise Cancelled
            progress.advanced.emit(done, max(total, done))
    if progress.cancelled.is_set():
        raise Cancelled
    progress.advanced.emit(done, max(total, done))


def write_export(
    session: Session, filters: reports.ExportFilter, path: Path, full: bool, progress: Progress
) -> int:
    from ..documents.export import export_cases
    from ..store import reports

    total = reports.count_export_rows(session, filters)
    progress.advanced.emit(0, total)
    rows = batched(reports.iter_export_rows(session, filters, batch=EXPORT_BATCH), total, progress, EXPORT_BATCH)
    return export_cases(rows, path, total=total, full=full)


def write_summary(session: Session, filters: reports.ExportFilter, path: Path, progress: Progress) -> int:
    from ..documents.summary import build_summary_pdf
    from ..store import reports

    figures = reports.summary_figures(
        session, filters.first_day, filters.last_day, department_code=filters.department_code
    )
    office = reports.office_info(session)
    pdf = build_summary_pdf(figures, office.name)
    if progress.cancelled.is_set():
        raise Cancelled
    path.write_bytes(pdf)
    return figures.total


class ReportsDialog(QDialog):
    """What to make: the summary or the list, a period, a department, masked or in full."""

    def __init__(self, actor: Actor, choices: list[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.choices = choices
        from .ui_reports_dialog import Ui_ReportsDialog

        self.ui = Ui_ReportsDialog()
        self.ui.setupUi(self)
        self._errors = {
            label.objectName().removesuffix("Error"): label
            for label in self.findChildren(QLabel)
            if label.objectName().endswith("Error")
        }
        for label in self._errors.values():
            label.setStyleSheet("color: #b3261e;")
        today = QDate.currentDate()
        self.ui.firstDateEdit.setDate(QDate(today.year(), today.month(), 1))
        self.ui.lastDateEdit.setDate(today)
        self.ui.summaryRadio.setChecked(True)
        self.ui.summaryRadio.toggled.connect(lambda _on: self._what_changed())
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.ui.caseLabel.setText(self.tr("Cases received in the period, by the day of receipt."))
        chosen = self.ui.departmentCombo.currentData()
        self.ui.departmentCombo.clear()
        self.ui.departmentCombo.addItem(self.tr("All departments"), None)
        for choice in self.choices:
            self.ui.departmentCombo.addItem(choice.name, choice.code)
        if (index := self.ui.departmentCombo.findData(chosen)) >= 0:
            self.ui.departmentCombo.setCurrentIndex(index)
        self._what_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _what_changed(self) -> None:
        listing = not self.ui.summaryRadio.isChecked()
        allowed = self.actor.role.sees_full_details_everywhere
        self.ui.fullCheck.setEnabled(listing and allowed)
        if not allowed:
            self.ui.fullCheck.setToolTip(self.tr("This role exports petitioners masked."))

    @property
    def kind(self) -> str:
        if self.ui.summaryRadio.isChecked():
            return "pdf"
        return "csv" if self.ui.csvRadio.isChecked() else "xlsx"

    def filters(self) -> reports.ExportFilter:
        from ..store import reports

        first, last = self.ui.firstDateEdit.date(), self.ui.lastDateEdit.date()
        return reports.ExportFilter(
            date(first.year(), first.month(), first.day()),
            date(last.year(), last.month(), last.day()),
            self.ui.departmentCombo.currentData(),
        )

    def full(self) -> bool:
        return self.ui.fullCheck.isEnabled() and self.ui.fullCheck.isChecked()

    def show_error(self, error: DomainError) -> None:
        name = {"from": "first_day", "to": "last_day", "department": "department_code"}.get(
            error.field, error.field
        )
        label = self._errors.get(name) or self._errors["form"]
        label.setText(error.ko if korean() else error.en)
        label.setVisible(True)


class ReportsMenu(QObject):
    """The 보고서 menu of the main window, for the roles that make reports."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = window.tasks
        self.actor: Actor | None = None
        self.menu = QMenu(window)
        self.menu.setObjectName("menuReports")
        self.action = QAction(window)
        self.action.setObjectName("actionReports")
        self.action.triggered.connect(self.open)
        self.menu.addAction(self.action)
        window.ui.menubar.insertMenu(window.ui.menuLanguage.menuAction(), self.menu)
        self.menu.menuAction().setVisible(False)
        self.dialog: ReportsDialog | None = None
        self.progress: QProgressDialog | None = None
        self.ask_save_path: Callable[[str, str], Path | None] = self._ask_save_path
        self.offer_open: Callable[[Path], None] = self._offer_open
        self.choose_printer: Callable[[], QPrinter | None] = self._choose_printer
        self.finished: Callable[[Path | None], None] = lambda _path: None  # tests wait on it
        self.printed: Callable[[int], None] = lambda _pages: None  # tests wait on it
        self.saved_box: SavedFileBox | None = None
        window.installEventFilter(self)
        self.retranslate()
        self.viewer_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Reports"))
        self.action.setText(self.tr("&Summary and case list…"))

    def viewer_changed(self) -> None:
        staff_id = self.window.viewer.staff_id
        self.tasks.read(lambda s: desk_actor(s, staff_id), self._actor_known)

    def _actor_known(self, actor: Actor | None) -> None:
        self.actor = actor
        self.menu.menuAction().setVisible(actor is not None and actor.role in REPORT_ROLES)

    def open(self) -> None:
        actor = self.actor
        if actor is None or actor.role not in REPORT_ROLES:
            return

        def arrived(found: list[Choice]) -> None:
            dialog = ReportsDialog(actor, found, self.window)
            dialog.accepted.connect(lambda: self._start(dialog))
            self.dialog = dialog
            dialog.open()

        self.tasks.read(lambda s: [Choice(d.code, d.name) for d in departments(s)], arrived)

    def _start(self, dialog: ReportsDialog) -> None:
        from ..documents.export import full_details_allowed
        from ..store import reports

        try:
            filters = dialog.filters()
            reports.period_bounds(filters.first_day, filters.last_day)
            full = full_details_allowed(dialog.actor.role, dialog.full())
        except DomainError as error:
            dialog.show_error(error)
            dialog.open()  # again, with what was chosen
            return
        kind = dialog.kind
        stem = "summary" if kind == "pdf" else "cases"
        path = self.ask_save_path(f"{stem}-{filters.first_day}-{filters.last_day}.{kind}", kind)
        if path is None:
            return
        box = QProgressDialog(self.tr("Making the report…"), self.tr("Cancel"), 0, 0, self.window)
        progress = Progress(box)  # (deleted with the dialog, on this thread: see Progress)
        box.setWindowTitle(self.tr("Reports"))
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setMinimumDuration(0)
        box.canceled.connect(progress.cancelled.set)
        bar = QProgressBar(box)
        bar.setRange(0, 0)  # busy until the first count
        box.setBar(bar)

        def advanced(done: int, total: int) -> None:
            # The bar itself, not box.setValue: on a modal dialog setValue runs QCoreApplication.processEvents()
            # inside this slot (Qt's documented re-entrancy hazard; a test run hung in it there). The progress
            # arrives as queued signals: the event loop runs anyway.
            bar.setMaximum(total)
            bar.setValue(done)

        progress.advanced.connect(advanced)
        self.progress = box
        box.show()

        def work(session: Session) -> int:
            if kind == "pdf":
                return write_summary(session, filters, path, progress)
            return write_export(session, filters, path, full, progress)

        self.tasks.read(work, lambda count: self._done(path, count), self._failed)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, path: Path, count: int) -> None:
        self._close_progress()
        self.window.show_message(
            self.tr("Saved %1 (%2 cases)").replace("%1", str(path)).replace("%2", f"{count:,}")
        )
        self.offer_open(path)
        self.finished(path)

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        if isinstance(error, Cancelled):
            self.window.show_message(self.tr("Cancelled: no file was written."))
        elif isinstance(error, DomainError):
            self.window.show_message(error.ko if korean() else error.en, 15_000)
        else:
            self.window.show_message(self.tr("The report could not be made: %1").replace("%1", str(error)), 15_000)
        self.finished(None)

    def _choose_printer(self) -> QPrinter | None:
        from .pdf_print import choose_printer

        return choose_printer(self.window)

    def _ask_save_path(self, suggested: str, kind: str) -> Path | None:
        from .save_prompt import ask_save_path

        return ask_save_path(self.window, self.tr("Save the report"), suggested, kind)

    def _offer_open(self, path: Path) -> None:
        from .save_prompt import offer_saved_file

        self.saved_box = offer_saved_file(path, self.tr("Report saved"), self.window, self.print_file)

    def print_file(self, path: Path) -> None:
        """The saved summary on paper, through the print dialog (its pages painted on the reader pool)."""
        printer = self.choose_printer()
        if printer is None:
            return

        def printed(pages: int) -> None:
            self.window.show_message(
                self.tr("Printed %1 (%n page(s))", "", pages).replace("%1", path.name)
                if pages
                else self.tr("Nothing was printed: the printer could not be started.")
            )
            self.printed(pages)

        def failed(error: BaseException) -> None:
            self.window.show_message(self.tr("Not printed: %1").replace("%1", str(error)), 15_000)
            self.printed(0)

        from .pdf_print import print_pdf

        print_pdf(self.tasks, printer, path.read_bytes, printed, failed)
