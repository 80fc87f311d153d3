"""Printing our own PDFs (the receipt, the summary, the notices) without handing them to another program:
their pages are rendered by QtPdf (QPdfDocument, the same pages the receipt preview shows) and painted on the
printer the system print dialog chose. After a file is saved, `SavedFileBox` offers to print it that way (a
PDF), to open it in the program the desktop has for it, or to leave it.

QPainter may paint on a QPrinter outside the GUI thread (Qt: "Threads and QObjects", painting), so a long
document is printed on the reader pool (`print_pdf`); only the dialogs run on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPoint, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from .tasks import Tasks

PRINT_DPI = 300


def render_pages(pdf: bytes, width: int) -> list[QImage]:
    """Each page of the PDF as an image `width` pixels wide (any thread: QtPdf renders without a GUI)."""
    document = QPdfDocument()
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    images = []
    for page in range(document.pageCount()):
        points = document.pagePointSize(page)
        height = max(1, round(width * points.height() / max(points.width(), 1.0)))
        rendered = document.render(page, QSize(width, height))  # transparent where the page draws nothing
        image = QImage(rendered.size(), QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)  # paper (a bare conversion would make the transparency black)
        painter = QPainter(image)
        painter.drawImage(0, 0, rendered)
        painter.end()
        images.append(image)
    document.close()
    return images


def paint_on(printer: QPrinter, pdf: bytes) -> int:
    """Paint the PDF's pages on the printer, each fitted to the printable area, rendered at the printer's
    resolution up to PRINT_DPI (a 1200 dpi device would take a gigabyte a page for no visible gain). Returns
    the number of pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    width = max(1, min(area.width(), round(area.width() * PRINT_DPI / max(1, printer.resolution()))))
    pages = render_pages(pdf, width)
    for number, image in enumerate(pages):
        if number:
            printer.newPage()
        fitted = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRect(QPoint(0, 0), fitted), image)
    painter.end()
    return len(pages)


def choose_printer(parent: QWidget | None) -> QPrinter | None:
    """The system print dialog: the printer chosen, or None when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def print_pdf(
    tasks: Tasks,
    printer: QPrinter,
    source: Callable[[], bytes],
    done: Callable[[int], None],
    failed: Callable[[BaseException], None],
) -> None:
    """Paint the PDF that `source` reads (a file, the bytes at hand) on `printer`, on the reader pool; `done`
    gets the number of pages printed, on the GUI thread."""
    tasks.read(lambda _session: paint_on(printer, source()), done, failed)


class SavedFileBox(QMessageBox):
    """ "Saved FILE": Print… (a PDF, through our print dialog), Open (the desktop's program for it), Close.
    Opened without blocking; `print_button` is None for a file that is not a PDF."""

    def __init__(self, path: Path, title: str, parent: QWidget, print_file: Callable[[Path], None]) -> None:
        super().__init__(parent)
        self.path = path
        self.setObjectName("savedFileBox")
        self.setIcon(QMessageBox.Icon.Information)
        self.print_button: QPushButton | None = None
        if path.suffix.lower() == ".pdf":
            self.print_button = QPushButton(self.tr("&Print…"), self)  # (a box takes no button without a text)
            self.print_button.setObjectName("printButton")
            self.print_button.clicked.connect(lambda: print_file(path))
            self.addButton(self.print_button, QMessageBox.ButtonRole.AcceptRole)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setObjectName("openButton")
        self.addButton(self.open_button, QMessageBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
        self.close_button = self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.print_button or self.close_button)
        self._title = title
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self._title)
        self.setText(self.tr("Saved %1.").replace("%1", str(self.path)))
        if self.print_button is not None:
            self.print_button.setText(self.tr("&Print…"))
            self.print_button.setToolTip(self.tr("Print it here, through the print dialog"))
            self.setInformativeText(self.tr("Print it now, or open it to read it."))
        else:
            self.setInformativeText(
                self.tr("Open it in the program this computer has for it (and print from there).")
            )
        self.open_button.setText(self.tr("&Open"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
