"""The names of statuses, kinds, channels, events and roles on screen, through Qt Linguist like every other
string (English sources; the Korean translations are the domain's own Korean names, which a test checks)."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain.channels import Channel
from ..domain.events import EventType
from ..domain.kinds import Kind
from ..domain.roles import Role
from ..domain.statuses import Status

STATUS = {
    Status.RECEIVED: QT_TRANSLATE_NOOP("Status", "Received"),
    Status.ROUTED: QT_TRANSLATE_NOOP("Status", "Routed"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("Status", "In progress"),
    Status.RETURNED: QT_TRANSLATE_NOOP("Status", "Returned"),
    Status.ANSWERED: QT_TRANSLATE_NOOP("Status", "Answered"),
    Status.CLOSED: QT_TRANSLATE_NOOP("Status", "Closed"),
    Status.WITHDRAWN: QT_TRANSLATE_NOOP("Status", "Withdrawn"),
    Status.MERGED: QT_TRANSLATE_NOOP("Status", "Merged"),
    Status.TRANSFERRED_OUT: QT_TRANSLATE_NOOP("Status", "Transferred out"),
    Status.UNDER_REVIEW: QT_TRANSLATE_NOOP("Status", "Under review"),
    Status.ADOPTED: QT_TRANSLATE_NOOP("Status", "Adopted"),
    Status.NOT_ADOPTED: QT_TRANSLATE_NOOP("Status", "Not adopted"),
}
KIND = {
    Kind.STATUTORY: QT_TRANSLATE_NOOP("Kind", "Statutory application"),
    Kind.INQUIRY_LAW: QT_TRANSLATE_NOOP("Kind", "Inquiry (law)"),
    Kind.INQUIRY_PROCEDURE: QT_TRANSLATE_NOOP("Kind", "Inquiry (procedure)"),
    Kind.SUGGESTION: QT_TRANSLATE_NOOP("Kind", "Suggestion"),
    Kind.OTHER: QT_TRANSLATE_NOOP("Kind", "Other (simple)"),
    Kind.GRIEVANCE: QT_TRANSLATE_NOOP("Kind", "Grievance"),
    Kind.PROPOSAL: QT_TRANSLATE_NOOP("Kind", "Proposal"),
}
CHANNEL = {
    Channel.PHONE: QT_TRANSLATE_NOOP("Channel", "Phone"),
    Channel.COUNTER: QT_TRANSLATE_NOOP("Channel", "Counter"),
    Channel.WEB: QT_TRANSLATE_NOOP("Channel", "Web"),
    Channel.OPEN311: QT_TRANSLATE_NOOP("Channel", "Open311"),
    Channel.TELEGRAM: QT_TRANSLATE_NOOP("Channel", "Telegram"),
    Channel.LINE: QT_TRANSLATE_NOOP("Channel", "LINE"),
    Channel.KAKAO: QT_TRANSLATE_NOOP("Channel", "KakaoTalk"),
    Channel.SNS: QT_TRANSLATE_NOOP("Channel", "SNS"),
    Channel.MAIL: QT_TRANSLATE_NOOP("Channel", "Mail"),
}
EVENT = {
    EventType.RECEIVED: QT_TRANSLATE_NOOP("Event", "Received"),
    EventType.ROUTED: QT_TRANSLATE_NOOP("Event", "Routed to a department"),
    EventType.ASSIGNED: QT_TRANSLATE_NOOP("Event", "Officer assigned"),
    EventType.ACCEPTED: QT_TRANSLATE_NOOP("Event", "Accepted by the department"),
    EventType.RETURNED: QT_TRANSLATE_NOOP("Event", "Sent back"),
    EventType.TRANSFERRED: QT_TRANSLATE_NOOP("Event", "Transferred"),
    EventType.NOTE_ADDED: QT_TRANSLATE_NOOP("Event", "Note"),
    EventType.CONTACT_LOGGED: QT_TRANSLATE_NOOP("Event", "Petitioner contacted"),
    EventType.EXTENDED: QT_TRANSLATE_NOOP("Event", "Deadline extended"),
    EventType.CLOCK_STOPPED: QT_TRANSLATE_NOOP("Event", "Clock stopped"),
    EventType.CLOCK_RESUMED: QT_TRANSLATE_NOOP("Event", "Clock resumed"),
    EventType.ANSWERED: QT_TRANSLATE_NOOP("Event", "Answered"),
    EventType.DECIDED: QT_TRANSLATE_NOOP("Event", "Proposal decided"),
    EventType.REREVIEW_REQUESTED: QT_TRANSLATE_NOOP("Event", "Re-review requested"),
    EventType.CLOSED: QT_TRANSLATE_NOOP("Event", "Closed"),
    EventType.REOPENED: QT_TRANSLATE_NOOP("Event", "Reopened"),
    EventType.WITHDRAWN: QT_TRANSLATE_NOOP("Event", "Withdrawn"),
    EventType.MERGED: QT_TRANSLATE_NOOP("Event", "Merged"),
    EventType.RECEIPT_PRINTED: QT_TRANSLATE_NOOP("Event", "Receipt printed"),
    EventType.RECEIPT_VOIDED: QT_TRANSLATE_NOOP("Event", "Receipt voided"),
    EventType.PROGRESS_NOTIFIED: QT_TRANSLATE_NOOP("Event", "Progress notified"),
    EventType.SATISFACTION_RECORDED: QT_TRANSLATE_NOOP("Event", "Satisfaction recorded"),
    EventType.DETAILS_VIEWED: QT_TRANSLATE_NOOP("Event", "Personal details viewed"),
    EventType.DEADLINE_SET: QT_TRANSLATE_NOOP("Event", "Deadline set by the server"),
    EventType.REPLY_SENT: QT_TRANSLATE_NOOP("Event", "Answer delivered to the citizen"),
    EventType.REPLY_FAILED: QT_TRANSLATE_NOOP("Event", "Answer could not be delivered"),
}
ROLE = {
    Role.AGENT: QT_TRANSLATE_NOOP("Role", "Call-centre agent"),
    Role.CLERK: QT_TRANSLATE_NOOP("Role", "Counter clerk"),
    Role.OFFICER: QT_TRANSLATE_NOOP("Role", "Officer"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Role", "Supervisor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Role", "Administrator"),
    Role.SYSTEM: QT_TRANSLATE_NOOP("Role", "System"),
}
# Every table with its context, for the test that the Korean translations are the domain's names.
TABLES: dict[str, dict[StrEnum, str]] = {
    "Status": STATUS,  # type: ignore[dict-item]
    "Kind": KIND,  # type: ignore[dict-item]
    "Channel": CHANNEL,  # type: ignore[dict-item]
    "Event": EVENT,  # type: ignore[dict-item]
    "Role": ROLE,  # type: ignore[dict-item]
}


def status(value: Status) -> str:
    return QCoreApplication.translate("Status", str(STATUS[value]))


def kind(value: Kind) -> str:
    return QCoreApplication.translate("Kind", str(KIND[value]))


def channel(value: Channel) -> str:
    return QCoreApplication.translate("Channel", str(CHANNEL[value]))


# How a citizen may ask to be answered besides the channels (domain.replies), and the senders that deliver.
REPLY = {
    "sms": QT_TRANSLATE_NOOP("Reply", "Text message (SMS)"),
    "alimtalk": QT_TRANSLATE_NOOP("Reply", "KakaoTalk notification (알림톡)"),
    "none": QT_TRANSLATE_NOOP("Reply", "No answer wanted"),
    "email": QT_TRANSLATE_NOOP("Reply", "E-mail"),
    "meta": QT_TRANSLATE_NOOP("Reply", "Facebook/Instagram"),
}


def reply(code: str) -> str:
    """How the citizen asked to be answered (a channel, or one of REPLY), as the desk names it."""
    if code in REPLY:
        return QCoreApplication.translate("Reply", str(REPLY[code]))
    try:
        return channel(Channel(code))
    except ValueError:
        return code


def event(value: EventType) -> str:
    return QCoreApplication.translate("Event", str(EVENT[value]))


def role(value: Role) -> str:
    return QCoreApplication.translate("Role", str(ROLE[value]))
