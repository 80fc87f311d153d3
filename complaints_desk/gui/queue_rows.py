"""The queue table's rows as it shows them: the columns, and each case's texts, colour and weight formatted once
(on the reader thread that fetched its window, see gui.queue_model), again only when the language changes or
the time left moves on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from PySide6.QtGui import QColor, QFont, QStaticText

from ..domain.statuses import Status
from ..store.queue import QueueItem
from . import formats, labels
from .formats import Urgency


class Column(IntEnum):
    RECEIPT = 0
    RECEIVED = 1
    KIND = 2
    TITLE = 3
    CHANNEL = 4
    DEPARTMENT = 5
    ASSIGNEE = 6
    STATUS = 7
    REMAINING = 8
    PETITIONER = 9


URGENCY_COLOURS = {
    Urgency.OVERDUE: QColor("#b3261e"),
    Urgency.TODAY: QColor("#c25e00"),
    Urgency.SOON: QColor("#8a6d00"),
    Urgency.CALM: QColor("#1e6b34"),
    Urgency.STOPPED: QColor("#5b5f97"),
    Urgency.DONE: QColor("#6b6b6b"),
}
_BOLD = (Urgency.OVERDUE, Urgency.TODAY)


@dataclass(frozen=True)
class Texts:
    """What a row's texts depend on besides its case: the language and the moment the time left is counted
    from. Made on the GUI thread (translated there), read by the reader thread that formats a window."""

    korean: bool
    now: datetime
    not_routed: str
    stopped: str
    overdue: str  # with %1 for the time
    # The time left counts down to the registration deadline of an online filing not registered yet (the queue
    # of filings to register: 8 working hours, the clock a clerk works against there), else to the case's due.
    registration: bool = False


@dataclass(frozen=True)
class Painted:
    """A cell's text as gui.queue_delegate last laid it out, for the column width it had then."""

    width: int  # the room the column had
    text: QStaticText
    text_width: float
    height: float


class Row:
    """One case as the table shows it: its ten cells' texts, and the time left's colour and weight; each cell's
    laid-out text once it has been painted (on the GUI thread, by gui.queue_delegate)."""

    __slots__ = ("bold", "cells", "colour", "item", "painted")

    def __init__(self, item: QueueItem, texts: Texts) -> None:
        self.item = item
        ko = texts.korean
        name, phone = formats.masked_name(item.petitioner_name), formats.masked_phone(item.petitioner_phone)
        self.cells = [
            item.receipt_no,
            formats.date_time(item.received_at, korean=ko),
            labels.kind(item.kind),
            item.title,
            labels.channel(item.channel),
            item.department_name or texts.not_routed,
            item.assignee_name or "—",
            labels.status(item.status),
            "",
            f"{name} · {phone}" if phone else name,
        ]
        self.painted: list[Painted | None] = [None] * len(self.cells)
        self.colour = URGENCY_COLOURS[Urgency.CALM]
        self.bold: QFont | None = None
        self.count_down(texts)

    def count_down(self, texts: Texts) -> None:
        """The time left, its colour and its weight, from `texts.now`."""
        item = self.item
        registration = item.registration_due_at if texts.registration and item.status is Status.RECEIVED else None
        left = formats.remaining(
            item.due_at if registration is None else registration,
            texts.now,
            open_=item.status.is_open,
            clock_stopped=item.clock_stopped and registration is None,
        )
        match left.urgency:
            case Urgency.DONE:
                text = "—"
            case Urgency.STOPPED:
                text = texts.stopped
            case Urgency.OVERDUE:
                text = texts.overdue.replace("%1", formats.duration(left.left, korean=texts.korean))
            case _:
                text = formats.duration(left.left, korean=texts.korean)
        self.cells[Column.REMAINING] = text
        self.painted[Column.REMAINING] = None
        self.colour = URGENCY_COLOURS[left.urgency]
        self.bold = bold_font() if left.urgency in _BOLD else None


_BOLD_FONT: list[QFont] = []


def bold_font() -> QFont:
    if not _BOLD_FONT:
        bold = QFont()
        bold.setBold(True)
        _BOLD_FONT.append(bold)
    return _BOLD_FONT[0]


def rows(items: list[QueueItem], texts: Texts) -> list[Row]:
    return [Row(item, texts) for item in items]
