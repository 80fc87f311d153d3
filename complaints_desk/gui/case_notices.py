"""The notice of a change just made on the case panel (gui/case_actions.py): the extension notice (영 §21) after
an extension, the result notice after an answer (documents.notices), saved as a PDF and offered to print
through our own print dialog (gui/pdf_print.py) or to open.

A notice is an official letter addressed to the petitioner, so it carries their name and address in full,
never masked. A desk whose role sees petitioners everywhere (agents, clerks, supervisors) holds them in full
and makes it from its store. An officer's desk holds its cases' petitioners masked (the pull masks them), so
it first asks the server for them through 원문 보기's endpoint (`GET /cases/{id}?details=true`, which records
the officer's view as `details_viewed`), on the panel's network thread, and makes the notice with what the
server answered. Offline (or when the server will not say) no notice is made: the desk says that the notice
needs the server, and offers to try again.

The notice is made before the server has answered the change. The desk notes on the change when its notice was
saved or printed (store.local.notices), so that a refusal can say the notice must be withdrawn; a change the
server has already refused gets no notice, and its saved notice is no longer printed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.orm import Session

from ..domain.errors import DomainError
from ..domain.events import Event, EventType
from ..domain.report_data import NoticeCase
from ..store.local import notices
from ..store.local.notices import RefusedChange
from ..sync.errors import TransportError
from .case_details import Petitioner
from .language import korean
from .pdf_print import SavedFileBox, choose_printer, print_pdf
from .save_prompt import ask_save_path, offer_saved_file

if TYPE_CHECKING:
    from .main_window import MainWindow


def notice_pdf(
    session: Session, case_id: str, event_type: EventType, petitioner: Petitioner | None
) -> tuple[str, bytes]:
    """The extension notice or the result notice of the case as the store has it, addressed to `petitioner`
    (the server's answer) when given, else to the petitioner the store holds (in full on this desk)."""
    from ..documents.notices import build_extension_notice, build_result_notice
    from ..store import reports

    office = reports.office_info(session)
    if event_type is EventType.EXTENDED:
        extension = reports.extension_notice(session, case_id)
        if petitioner is not None:
            extension = replace(extension, case=_addressed(extension.case, petitioner))
        return extension.case.receipt_no, build_extension_notice(extension, office, full_details=True)
    result = reports.result_notice(session, case_id)
    if petitioner is not None:
        result = replace(result, case=_addressed(result.case, petitioner))
    return result.case.receipt_no, build_result_notice(result, office, full_details=True)


def _addressed(case: NoticeCase, petitioner: Petitioner) -> NoticeCase:
    return replace(case, petitioner_name=petitioner.name, petitioner_address=petitioner.address)


class CaseNotices(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = window.tasks
        self.panel = window.ui.casePanel
        # Asked of the officer; tests replace them.
        self.ask_save_path: Callable[[str], Path | None] = self._ask_save_path
        self.offer_open: Callable[[Path], None] = self._offer_open
        self.choose_printer: Callable[[], QPrinter | None] = lambda: choose_printer(self.window)
        self.needs_server: Callable[[Event, str], None] = self._needs_server
        self.saved_box: SavedFileBox | None = None
        self._notice_events: dict[Path, str] = {}  # a saved notice's change, noted when it is printed
        self.printed: Callable[[int], None] = lambda _pages: None  # tests wait on it

    def make(self, event: Event) -> None:
        """The notice of `event`, a change just recorded on this desk; none once the server has refused it."""

        def looked(refused: bool) -> None:
            if refused:
                self._failed(RefusedChange())
            elif event.actor_role.sees_full_details_everywhere:  # this desk holds the petitioner in full
                self._build(event, None)
            else:
                self._ask_server(event)

        self.tasks.read(lambda s: notices.is_refused(s, event.id), looked, self._failed)

    def _ask_server(self, event: Event) -> None:
        source = self.panel.details_source
        if source is None or not source.is_online():
            self.needs_server(event, self.tr("The server cannot be reached."))
            return
        self.panel.network.run(  # the server decides whether this role may, and records the view
            lambda: source.fetch(event.case_id),
            lambda full: self._build(event, full),
            lambda error: self.needs_server(event, self._why(error)),
        )

    def _why(self, error: Exception) -> str:
        problem = getattr(error, "problem", None)
        if problem is not None:
            return str(problem.message_ko if korean() else problem.message_en)
        if isinstance(error, TransportError):
            return self.tr("The server cannot be reached.")
        return str(error)

    def _build(self, event: Event, petitioner: Petitioner | None) -> None:
        name = "extension-notice" if event.type is EventType.EXTENDED else "result-notice"

        def built(made: tuple[str, bytes]) -> None:
            receipt_no, pdf = made
            path = self.ask_save_path(f"{receipt_no}-{name}.pdf")
            if path is None:
                return

            def saved(_path: Path) -> None:
                self._notice_events[path] = event.id
                self.offer_open(path)

            self.tasks.write(  # (the writer, which also settles the server's answers: see notices.save_notice)
                lambda s: notices.save_notice(s, event.id, path, lambda p: p.write_bytes(pdf)), saved, self._failed
            )

        self.tasks.read(lambda s: notice_pdf(s, event.case_id, event.type, petitioner), built, self._failed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, RefusedChange):  # (says itself that no notice is made)
            self.window.show_message(error.ko if korean() else error.en, 15_000)
            return
        message = (error.ko if korean() else error.en) if isinstance(error, DomainError) else str(error)
        self.window.show_message(self.tr("No notice made: %1").replace("%1", message), 15_000)

    def _needs_server(self, event: Event, why: str) -> None:
        box = QMessageBox(self.window)
        box.setObjectName("noticeNeedsServer")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Notice not made"))
        box.setText(
            self.tr(
                "The notice was not made: it is addressed to the petitioner in full, which this desk holds "
                "masked and only the server gives (it records that you viewed them)."
            )
        )
        box.setInformativeText(why + " " + self.tr("Connect to the server, then try again."))
        again = box.addButton(self.tr("&Try again"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        again.clicked.connect(lambda: self.make(event))
        box.finished.connect(box.deleteLater)
        self.window.show_message(self.tr("No notice made: it needs the server."), 15_000)
        box.open()

    def _ask_save_path(self, suggested: str) -> Path | None:
        return ask_save_path(self.window, self.tr("Save the notice"), suggested, "pdf")

    def _offer_open(self, path: Path) -> None:
        self.saved_box = offer_saved_file(path, self.tr("Notice saved"), self.window, self.print_file)

    def print_file(self, path: Path) -> None:
        """The saved notice on paper, unless the server has refused its change since it was saved."""
        event_id = self._notice_events.get(path)

        def looked(refused: bool) -> None:
            if refused:
                self.window.show_message(
                    self.tr("Not printed: the server refused this change, so its notice must be withdrawn."),
                    15_000,
                )
                self.printed(0)
                return
            printer = self.choose_printer()
            if printer is None:
                return

            def printed(pages: int) -> None:
                if pages and event_id is not None:
                    self.tasks.write(lambda s: notices.note_printed(s, event_id), lambda _n: self.printed(pages))
                else:
                    self.printed(pages)

            def failed(error: BaseException) -> None:
                self.window.show_message(self.tr("Not printed: %1").replace("%1", str(error)), 15_000)
                self.printed(0)

            print_pdf(self.tasks, printer, path.read_bytes, printed, failed)

        self.tasks.read(lambda s: event_id is not None and notices.is_refused(s, event_id), looked, self._failed)
