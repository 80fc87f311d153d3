"""The counter's receipt: a preview of the very PDF documents/receipt.py makes (its pages rendered by QtPdf,
no second layout), printed by painting the same rendered pages on the system printer (gui/pdf_print.py), or
saved as the PDF.
Every print or save records a `receipt_printed` event (through the outbox), so the next one says 재발급."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ..documents.receipt import PAPERS, ReceiptOptions, build_receipt_pdf
from ..store import desk_settings
from ..store.local.desk_intake import DeskIdentity, record_receipt_printed
from ..store.reports.office import office_info
from ..store.reports.receipts import receipt_facts
from .pdf_print import choose_printer, paint_on, render_pages
from .tasks import Tasks

PAPER_KEY = "receipt.paper"  # this workstation's receipt paper: a4, or thermal (an 80 mm roll)


@dataclass(frozen=True)
class ReceiptDocument:
    case_id: str
    receipt_no: str
    pdf: bytes
    paper: str
    times_printed: int


def make_receipt(session: Session, receipt_no: str, paper: str | None = None) -> ReceiptDocument:
    """The receipt PDF of a case as it stands now (a reprint once one was printed), on the desk's paper."""
    chosen = paper or desk_settings.recall(session, PAPER_KEY) or "a4"
    facts = receipt_facts(session, receipt_no)
    pdf = build_receipt_pdf(facts, office_info(session), ReceiptOptions(paper=chosen))
    from ..store.cases import load_case_by_receipt

    state = load_case_by_receipt(session, receipt_no)
    return ReceiptDocument(state.id if state else "", receipt_no, pdf, chosen, facts.times_printed)


class ReceiptPreview(QWidget):
    """The receipt of the case just saved, with Print (Ctrl+P), Save as PDF and the paper of this desk."""

    printed = Signal(object)  # the ReceiptDocument that left the desk (printed or saved)

    def __init__(self, tasks: Tasks, identity: Callable[[], DeskIdentity | None], parent: QWidget | None = None):
        super().__init__(parent)
        self._tasks = tasks
        self._identity = identity
        self.document: ReceiptDocument | None = None
        self.pages: list[QImage] = []
        self.title = QLabel(self)
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.image.setObjectName("receiptImage")
        scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(260)
        self.paper = QComboBox(self)
        self.paper.setObjectName("paperCombo")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printButton")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("savePdfButton")
        buttons = QHBoxLayout()
        self.paper_label = QLabel(self)
        self.paper_label.setBuddy(self.paper)
        buttons.addWidget(self.paper_label)
        buttons.addWidget(self.paper)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_receipt)
        self.save_button.clicked.connect(self.save_pdf)
        self.paper.activated.connect(self._paper_chosen)
        self.retranslate()
        self._enable()
        tasks.read(lambda s: desk_settings.recall(s, PAPER_KEY), self._show_paper)

    # ---- what the clerk does ---------------------------------------------------------------------------

    def show_receipt(self, receipt_no: str | None) -> None:
        if receipt_no is None:
            self.document, self.pages = None, []
            self.image.clear()
            self._enable()
            self.retranslate()
            return
        paper = self.current_paper()
        width = max(320, self.image.width() - 8)
        self._tasks.read(lambda s: self._made(make_receipt(s, receipt_no, paper), width), self._arrived)

    @staticmethod
    def _made(document: ReceiptDocument, width: int) -> tuple[ReceiptDocument, list[QImage]]:
        return document, render_pages(document.pdf, width)

    def _arrived(self, made: tuple[ReceiptDocument, list[QImage]]) -> None:
        self.document, self.pages = made
        if self.pages:
            self.image.setPixmap(QPixmap.fromImage(self.pages[0]))
        self._enable()
        self.retranslate()

    def current_paper(self) -> str:
        return str(self.paper.currentData() or "a4")

    def choose_printer(self) -> QPrinter | None:
        """The system print dialog (tests put a PDF-file printer here)."""
        return choose_printer(self)

    def choose_file(self) -> Path | None:
        document = self.document
        name = f"접수증-{document.receipt_no}.pdf" if document else "접수증.pdf"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the receipt as PDF"), name, "PDF (*.pdf)")
        return Path(chosen) if chosen else None

    def print_receipt(self) -> None:
        document = self.document
        if document is None:
            return
        printer = self.choose_printer()
        if printer is None:
            return
        paint_on(printer, document.pdf)
        self._record(document, "print", None)

    def save_pdf(self) -> None:
        document = self.document
        if document is None:
            return
        path = self.choose_file()
        if path is None:
            return
        self._record(document, "pdf", path)

    def _record(self, document: ReceiptDocument, how: str, path: Path | None) -> None:
        identity = self._identity()
        if identity is None:
            return

        def write(session: Session) -> None:
            if path is not None:
                path.write_bytes(document.pdf)  # the very bytes previewed
            record_receipt_printed(session, document.case_id, identity, how)

        def done(_result: None) -> None:
            self.printed.emit(document)
            self.show_receipt(document.receipt_no)  # the next one is a reprint: show it as such

        self._tasks.write(write, done)

    def _paper_chosen(self, _index: int) -> None:
        paper = self.current_paper()
        self._tasks.write(lambda s: desk_settings.remember(s, PAPER_KEY, paper))
        if self.document is not None:
            self.show_receipt(self.document.receipt_no)

    def _show_paper(self, paper: str | None) -> None:
        index = self.paper.findData(paper or "a4")
        if index >= 0:
            self.paper.setCurrentIndex(index)

    def _enable(self) -> None:
        for button in (self.print_button, self.save_button):
            button.setEnabled(self.document is not None)

    # ---- language ----------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        current = self.current_paper() if self.paper.count() else "a4"
        self.paper.clear()
        names = {"a4": self.tr("A4"), "thermal": self.tr("80 mm roll")}
        for paper in PAPERS:
            self.paper.addItem(names.get(paper, paper), paper)
        self.paper.setCurrentIndex(max(0, self.paper.findData(current)))
        self.paper_label.setText(self.tr("Pap&er"))  # (R is the reply channel's, P the phone's)
        self.print_button.setText(self.tr("Pr&int…"))
        self.print_button.setToolTip(self.tr("Print the receipt (Ctrl+P)"))
        self.save_button.setText(self.tr("Sa&ve as PDF…"))
        document = self.document
        if document is None:
            self.title.setText(self.tr("The receipt of the case just saved appears here."))
        elif document.times_printed:
            self.title.setText(
                self.tr("Receipt %1 — reprint (printed %2 time(s) before)")
                .replace("%1", document.receipt_no)
                .replace("%2", str(document.times_printed))
            )
        else:
            self.title.setText(self.tr("Receipt %1").replace("%1", document.receipt_no))
