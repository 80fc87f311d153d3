"""What each event of a case's history says, in a line a clerk reads: the department it was routed to, an
extension's reason and new due date, an answer's result and how the petitioner was told, a clock stop's
reason, a satisfaction score… (the event's name and who made it are the timeline's other columns)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QFontMetrics

from ..domain.channels import Channel
from ..domain.events import EventType
from ..domain.extensions import ExtensionReason
from ..store.case_view import TimelineEntry, is_answer_report
from . import formats, labels
from .language import korean

CONTEXT = "CaseTimeline"

EXTENSION_REASON = {
    ExtensionReason.COOPERATION: QT_TRANSLATE_NOOP("CaseTimeline", "Another office's cooperation is needed"),
    ExtensionReason.FACT_CHECK: QT_TRANSLATE_NOOP("CaseTimeline", "Facts or the site must be checked"),
    ExtensionReason.FORCE_MAJEURE: QT_TRANSLATE_NOOP("CaseTimeline", "Force majeure"),
    ExtensionReason.EQUIVALENT: QT_TRANSLATE_NOOP("CaseTimeline", "An equivalent reason"),
}
STOP_REASON = {
    "supplement": QT_TRANSLATE_NOOP("CaseTimeline", "Supplement requested"),
    "site_inspection": QT_TRANSLATE_NOOP("CaseTimeline", "Site inspection"),
    "outage": QT_TRANSLATE_NOOP("CaseTimeline", "System outage"),
    "outside_opinion": QT_TRANSLATE_NOOP("CaseTimeline", "Outside opinion"),
}
RESULT = {
    "accepted": QT_TRANSLATE_NOOP("CaseTimeline", "Accepted"),
    "partially_accepted": QT_TRANSLATE_NOOP("CaseTimeline", "Partly accepted"),
    "rejected": QT_TRANSLATE_NOOP("CaseTimeline", "Rejected"),
    "informed": QT_TRANSLATE_NOOP("CaseTimeline", "Explained"),
}
CLOSE_REASON = {
    "answered": QT_TRANSLATE_NOOP("CaseTimeline", "Answered"),
    "repeated": QT_TRANSLATE_NOOP("CaseTimeline", "Repeated complaint"),
    "decided": QT_TRANSLATE_NOOP("CaseTimeline", "Decided"),
    "no_response": QT_TRANSLATE_NOOP("CaseTimeline", "No response from the petitioner"),
}
CONTACT_METHOD = {
    "phone": QT_TRANSLATE_NOOP("CaseTimeline", "Phone"),
    "sms": QT_TRANSLATE_NOOP("CaseTimeline", "Text message"),
    "visit": QT_TRANSLATE_NOOP("CaseTimeline", "Visit"),
    "email": QT_TRANSLATE_NOOP("CaseTimeline", "E-mail"),
    "mail": QT_TRANSLATE_NOOP("CaseTimeline", "Letter"),
}
DECISION = {
    "adopted": QT_TRANSLATE_NOOP("CaseTimeline", "Adopted"),
    "not_adopted": QT_TRANSLATE_NOOP("CaseTimeline", "Not adopted"),
}


def tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def label(table: Mapping[Any, object], value: object) -> str:
    """The translated name of a code, or the code itself when this version does not know it."""
    for key, name in table.items():
        if str(key) == str(value):
            return tr(name)
    return str(value)


def _moment(value: object) -> str:
    if not isinstance(value, str) or not value:
        return ""
    try:
        # (no-break spaces: the history's line breaking keeps a date on one line)
        return formats.date_time(datetime.fromisoformat(value), korean=korean()).replace(" ", "\u00a0")
    except ValueError:
        return value


def _channel(value: object) -> str:
    try:
        return labels.channel(Channel(str(value)))
    except ValueError:
        return str(value)


def _with(parts: list[str], name: object, value: str) -> None:
    if value:
        parts.append(tr(name).replace("%1", value))


def head(entry: TimelineEntry) -> str:
    """The event's name as the timeline shows it."""
    if entry.type is EventType.REPLY_FAILED and not is_answer_report(entry):
        return tr(QT_TRANSLATE_NOOP("CaseTimeline", "The receipt number could not be texted to the citizen"))
    return labels.event(entry.type)


def describe(entry: TimelineEntry) -> str:
    """The event's particulars in one line (its own words, a note or an answer, follow on the lines below)."""
    p = entry.payload
    parts: list[str] = []
    t = entry.type
    if t in (EventType.ROUTED, EventType.ASSIGNED, EventType.TRANSFERRED) and entry.target:
        parts.append(f"→ {entry.target}")
    if t in (EventType.ROUTED, EventType.TRANSFERRED):
        _with(parts, QT_TRANSLATE_NOOP("CaseTimeline", "transfer due %1"), _moment(p.get("transfer_due_at")))
    elif t is EventType.EXTENDED:
        _with(
            parts,
            QT_TRANSLATE_NOOP("CaseTimeline", "reason: %1"),
            label(EXTENSION_REASON, p.get("reason_code", "")),
        )
        _with(parts, QT_TRANSLATE_NOOP("CaseTimeline", "new due date %1"), _moment(p.get("new_due_at")))
        if p.get("consent") is True:
            parts.append(QCoreApplication.translate("CaseTimeline", "with the petitioner's consent"))
        text = p.get("reason_text")
        if isinstance(text, str) and text.strip():
            parts.append(text.strip())
    elif t is EventType.CLOCK_STOPPED:
        _with(parts, QT_TRANSLATE_NOOP("CaseTimeline", "reason: %1"), label(STOP_REASON, p.get("reason", "")))
    elif t in (EventType.CLOCK_RESUMED, EventType.DEADLINE_SET):
        _with(
            parts,
            QT_TRANSLATE_NOOP("CaseTimeline", "new due date %1"),
            _moment(p.get("new_due_at") or p.get("due_at")),
        )
    elif t is EventType.ANSWERED:
        _with(parts, QT_TRANSLATE_NOOP("CaseTimeline", "result: %1"), label(RESULT, p.get("result", "")))
        if p.get("notify_channel"):
            _with(parts, QT_TRANSLATE_NOOP("CaseTimeline", "told by %1"), _channel(p.get("notify_channel")))
    elif t is EventType.CLOSED:
        _with(parts, QT_TRANSLATE_NOOP("CaseTimeline", "reason: %1"), label(CLOSE_REASON, p.get("reason", "")))
    elif t is EventType.CONTACT_LOGGED:
        _with(parts, QT_TRANSLATE_NOOP("CaseTimeline", "by %1"), label(CONTACT_METHOD, p.get("method", "")))
    elif t is EventType.DECIDED:
        parts.append(label(DECISION, p.get("decision", "")))
        _with(
            parts,
            QT_TRANSLATE_NOOP("CaseTimeline", "to be carried out from %1"),
            str(p.get("implementation_date") or ""),
        )
    elif t is EventType.MERGED:
        _with(
            parts,
            QT_TRANSLATE_NOOP("CaseTimeline", "into %1"),
            str(p.get("into_receipt_no") or p.get("into_case_id") or ""),
        )
    elif t in (EventType.REPLY_SENT, EventType.REPLY_FAILED):
        _with(parts, QT_TRANSLATE_NOOP("CaseTimeline", "by %1"), labels.reply(str(p.get("platform") or "")))
        if t is EventType.REPLY_FAILED:
            _with(parts, QT_TRANSLATE_NOOP("CaseTimeline", "after %1 attempts"), str(p.get("attempts") or ""))
            error = str(p.get("error") or "").strip()
            if error:
                parts.append(error[:120])
    elif t is EventType.SATISFACTION_RECORDED:
        _with(parts, QT_TRANSLATE_NOOP("CaseTimeline", "score %1 of 5"), str(p.get("score", "")))
    return " · ".join(parts)


def words(entry: TimelineEntry) -> str:
    """The event's own words: a note, a contact's summary, an answer (with a rejection's reasons), a reason."""
    p = entry.payload
    if entry.type is EventType.ANSWERED:
        lines = [str(p.get("answer") or "").strip()]
        if p.get("reasons"):
            lines.append(
                QCoreApplication.translate("CaseTimeline", "Reasons: %1").replace("%1", str(p["reasons"]).strip())
            )
        if p.get("remedies"):
            lines.append(
                QCoreApplication.translate("CaseTimeline", "Remedies: %1").replace(
                    "%1", str(p["remedies"]).strip()
                )
            )
        return "\n".join(line for line in lines if line)
    if entry.type in (EventType.EXTENDED, EventType.CLOSED, EventType.CLOCK_STOPPED):
        return str(p.get("text") or "").strip()  # their reason is a code, said in the particulars
    return entry.note


def wrap(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """Lines of `text` no wider than `width` pixels, broken at spaces where it can (Korean is written with
    spaces between words) and anywhere in a word longer than a line."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if metrics.horizontalAdvance(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for char in word:
                if metrics.horizontalAdvance(line + char) > width and line:
                    lines.append(line)
                    line = ""
                line += char
        lines.append(line)
    return lines
