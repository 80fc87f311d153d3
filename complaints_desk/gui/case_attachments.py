"""The files a citizen attached to a case (the web pages take images and PDF): listed on the case panel from
the case's `received` event, and fetched from the server only when one is opened (never through pull), on
the panel's network thread, checked against the hash filed with it, kept in the desk's cache folder and
opened in the workstation's viewer. Offline, the list stays and the button says why it cannot open."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QListWidgetItem, QWidget

from ..domain.attachments import AttachmentRef, extension_of
from ..store.case_view import CaseView
from ..sync.errors import ServerRefused, TransportError
from .case_details import DetailsSource, Network
from .language import korean
from .ui_case_attachments import Ui_CaseAttachments

CACHE = Path(tempfile.gettempdir()) / "complaints-desk-attachments"


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024)):,} KB"


def open_in_viewer(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class CaseAttachments(QWidget):
    def __init__(self, network: Network, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CaseAttachments()
        self.ui.setupUi(self)
        self._network = network
        self._source: DetailsSource | None = None
        self._case: CaseView | None = None
        self.open_file: Callable[[Path], None] = open_in_viewer  # tests look instead
        self.opened: list[Path] = []
        self.ui.openButton.clicked.connect(self.open_selected)
        self.ui.attachmentsList.itemActivated.connect(lambda _item: self.open_selected())
        self.ui.attachmentsList.currentRowChanged.connect(lambda _row: self._fill_button())
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self._fill_button()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def attach_source(self, source: DetailsSource | None) -> None:
        self._source = source
        self._fill_button()

    def show_case(self, view: CaseView | None) -> None:
        same = self._case is not None and view is not None and self._case.id == view.id
        if same and view is not None and self._case is not None and view.attachments == self._case.attachments:
            self._case = view  # the panel fills again on every resize: the list stays as it is
            self._fill_button()
            return
        self._case = view
        files = view.attachments if view is not None else ()
        self.setVisible(bool(files))
        if not same:
            self.ui.statusLabel.setText("")
        listing = self.ui.attachmentsList
        row = listing.currentRow()
        listing.clear()
        for ref in files:
            item = QListWidgetItem(f"{ref.name}  ·  {_size(ref.size)}")
            item.setData(Qt.ItemDataRole.UserRole, ref.id)
            item.setToolTip(ref.content_type)
            listing.addItem(item)
        if files:
            listing.setCurrentRow(row if same and 0 <= row < len(files) else 0)
        self._fill_button()

    def _selected(self) -> AttachmentRef | None:
        if self._case is None:
            return None
        row = self.ui.attachmentsList.currentRow()
        return self._case.attachments[row] if 0 <= row < len(self._case.attachments) else None

    def _online(self) -> bool:
        return self._source is not None and self._source.is_online()

    def _fill_button(self) -> None:
        button = self.ui.openButton
        button.setEnabled(self._selected() is not None and self._online() and self._network.busy == 0)
        button.setToolTip(
            self.tr("Fetches the file from the server and opens it")
            if self._online()
            else self.tr("Files are kept on the server: connect to the server to open them")
        )

    def open_selected(self) -> None:
        ref, source, case = self._selected(), self._source, self._case
        if ref is None or source is None or case is None or not self._online():
            return
        cached = CACHE / f"{ref.sha256}.{extension_of(ref.name) or 'bin'}"
        if cached.exists():
            self._opened(cached)
            return
        self.ui.statusLabel.setText(self.tr("Fetching %1 …").replace("%1", ref.name))
        case_id = case.id
        self._network.run(
            lambda: _keep(source.fetch_attachment(case_id, ref), cached),
            self._opened,
            lambda error: self._failed(error),
        )
        self._fill_button()

    def _opened(self, path: Path) -> None:
        self.ui.statusLabel.setText("")
        self.opened.append(path)
        self.open_file(path)
        self._fill_button()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ServerRefused):
            problem = error.problem
            text = problem.message_ko if korean() else problem.message_en
        elif isinstance(error, TransportError):
            text = self.tr("The server could not be reached; try again in a moment.")
        else:
            text = str(error)
        self.ui.statusLabel.setText(text)
        self._fill_button()


def _keep(content: bytes, path: Path) -> Path:
    """Write the fetched bytes beside the others (named by their hash), readable only by this user."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = path.with_suffix(path.suffix + ".part")
    partial.write_bytes(content)
    partial.chmod(0o600)
    partial.replace(path)
    return path
