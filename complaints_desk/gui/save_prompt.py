"""The two questions around a file the desk makes for the user, a notice (gui/case_notices.py) or a report
(gui/reports_dialog.py): where to save it, and, once saved, whether to print or open it (pdf_print.SavedFileBox).
The titles are the callers' own, translated in their context."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from .pdf_print import SavedFileBox


def ask_save_path(parent: QWidget, title: str, suggested: str, kind: str) -> Path | None:
    """The path the user chose for a `kind` file (a suffix: "pdf", "xlsx"), starting from `suggested` in their
    home folder; None when they cancel."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, str(Path.home() / suggested), f"{kind.upper()} (*.{kind})"
    )
    return Path(chosen) if chosen else None


def offer_saved_file(path: Path, title: str, parent: QWidget, print_file: Callable[[Path], None]) -> SavedFileBox:
    """Opens, without blocking, the box that says the file was saved and offers to print or open it; the box
    deletes itself when closed."""
    box = SavedFileBox(path, title, parent, print_file)
    box.finished.connect(box.deleteLater)
    box.open()
    return box
