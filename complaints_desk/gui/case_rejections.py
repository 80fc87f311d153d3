"""A change of this desk the server refused, as the case panel shows it (gui/case_panel.py): what was refused
and why in the server's words, what the server has now (status, version, due date), and the two ways out:
redo (a new change against the server's case, gui/case_actions.py) and discard (acknowledged, kept in the
desk's history); and, when the change's notice had already been saved or printed, that it must be withdrawn.
Its strings are the case panel's (translation context CasePanel)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..domain.statuses import Status
from ..store.local.notices import IssuedNotice
from ..store.local.outbox import RejectedEvent
from . import formats, labels
from .case_timeline import STOP_REASON, label
from .language import korean


def rejection_box(
    rejection: RejectedEvent,
    parent: QWidget,
    redo: Callable[[RejectedEvent], None],
    discard: Callable[[RejectedEvent], None],
) -> QFrame:
    ko = korean()
    box = QFrame(parent)
    box.setObjectName(f"rejection_{rejection.event.id}")
    box.setFrameShape(QFrame.Shape.StyledPanel)
    box.setStyleSheet("QFrame { background: #fdecea; }")
    column = QVBoxLayout(box)
    reason = (rejection.message_ko if ko else rejection.message_en) or rejection.reason
    head = QLabel(
        QCoreApplication.translate("CasePanel", "%1 of %2 was refused: %3")
        .replace("%1", labels.event(rejection.event.type))
        .replace("%2", formats.date_time(rejection.event.occurred_at, korean=ko))
        .replace("%3", reason),
        box,
    )
    head.setWordWrap(True)
    head.setObjectName("rejectionReason")
    column.addWidget(head)
    now = QLabel(server_now(rejection), box)
    now.setWordWrap(True)
    now.setObjectName("rejectionServerCase")
    column.addWidget(now)
    if rejection.notice is not None:
        withdraw = QLabel(notice_to_withdraw(rejection.notice), box)
        withdraw.setWordWrap(True)
        withdraw.setObjectName("rejectionNotice")
        withdraw.setStyleSheet("QLabel { color: #b3261e; font-weight: bold; }")
        column.addWidget(withdraw)
    row = QHBoxLayout()
    row.addStretch(1)
    redo_button = QPushButton(QCoreApplication.translate("CasePanel", "&Redo on the server's case"), box)
    redo_button.setObjectName("redoButton")
    redo_button.setToolTip(
        QCoreApplication.translate(
            "CasePanel", "Make the change again as a new one, against the case as the server has it now."
        )
    )
    redo_button.clicked.connect(lambda: redo(rejection))
    discard_button = QPushButton(QCoreApplication.translate("CasePanel", "D&iscard"), box)
    discard_button.setObjectName("discardButton")
    discard_button.setToolTip(
        QCoreApplication.translate("CasePanel", "Leave the change out; it stays in this desk's history.")
    )
    discard_button.clicked.connect(lambda: discard(rejection))
    row.addWidget(redo_button)
    row.addWidget(discard_button)
    column.addLayout(row)
    return box


def notice_to_withdraw(notice: IssuedNotice) -> str:
    """What the desk did with the refused change's notice, and that the petitioner must be told it does not
    hold (the notice states a change the server refused)."""
    ko = korean()
    if notice.printed_at is not None:
        done = QCoreApplication.translate("CasePanel", "Its notice was printed on %1").replace(
            "%1", formats.date_time(notice.printed_at, korean=ko)
        )
    else:
        when = notice.saved_at
        done = QCoreApplication.translate("CasePanel", "Its notice was saved on %1").replace(
            "%1", formats.date_time(when, korean=ko) if when is not None else ""
        )
    if notice.path:
        done += " (" + notice.path + ")"
    return QCoreApplication.translate(
        "CasePanel", "%1: it states a change the server refused, so it must be withdrawn from the petitioner."
    ).replace("%1", done)


def server_now(rejection: RejectedEvent) -> str:
    case = rejection.server_case or {}
    if not case:
        return QCoreApplication.translate("CasePanel", "The server sent no copy of the case.")
    parts = []
    with contextlib.suppress(ValueError):
        parts.append(labels.status(Status(str(case.get("status")))))
    if case.get("version") is not None:
        parts.append(QCoreApplication.translate("CasePanel", "version %1").replace("%1", str(case["version"])))
    if isinstance(case.get("due_at"), str):
        try:
            due = formats.date_time(datetime.fromisoformat(case["due_at"]), korean=korean())
            parts.append(QCoreApplication.translate("CasePanel", "due %1").replace("%1", due))
        except ValueError:
            pass
    if case.get("clock_stopped_at"):
        parts.append(label(STOP_REASON, case.get("clock_stop_reason") or ""))
    return QCoreApplication.translate("CasePanel", "The server has now: %1").replace("%1", " · ".join(parts))
