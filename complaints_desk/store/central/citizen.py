"""What the citizens' web pages read beyond a single case (store.central.online has the filing and the
lookup): the public list of proposals and their decisions, and the case a submitted form already filed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import disclosure
from ...domain.events import EventType
from ...domain.kinds import Kind
from ...domain.statuses import Status
from ..models import CaseRow, EventRow
from ..projection import row_to_state
from .online import CitizenView, cases_of_contact, citizen_view

WEB_FORM_PLATFORM = "web"
_HIDDEN = (Status.WITHDRAWN.value, Status.MERGED.value)


@dataclass(frozen=True)
class PublicProposal:
    """A proposal as the public list shows it: never the proposer; its content and the decision's reasons
    only when the proposer chose to publish them (domain.disclosure)."""

    receipt_no: str
    title: str
    received_at: datetime
    status: str  # domain.statuses code
    decided_at: datetime | None
    decision: str | None  # adopted | not_adopted
    public: bool
    body: str  # "" unless public
    reasons: str  # "" unless public (or not decided)


def public_proposals(session: Session, *, offset: int = 0, limit: int = 20) -> tuple[list[PublicProposal], bool]:
    """The newest proposals first (withdrawn and merged ones left out), and whether there are more."""
    rows = list(
        session.execute(
            select(CaseRow)
            .where(CaseRow.kind == Kind.PROPOSAL.value, CaseRow.status.not_in(_HIDDEN))
            .order_by(CaseRow.received_at.desc(), CaseRow.id.desc())
            .offset(max(0, offset))
            .limit(limit + 1)
        ).scalars()
    )
    more = len(rows) > limit
    rows = rows[:limit]
    ids = [row.id for row in rows]
    received: dict[str, dict[str, Any]] = {}
    decided: dict[str, dict[str, Any]] = {}
    if ids:
        events = session.execute(
            select(EventRow.case_id, EventRow.type, EventRow.payload)
            .where(
                EventRow.case_id.in_(ids),
                EventRow.type.in_((EventType.RECEIVED.value, EventType.DECIDED.value)),
            )
            .order_by(EventRow.case_version)
        )
        for case_id, event_type, payload in events:
            target = received if event_type == EventType.RECEIVED.value else decided
            target[case_id] = dict(payload or {})  # the newest decision wins (a re-review's)
    proposals = []
    for row in rows:
        state = row_to_state(row)
        public = disclosure.is_public(received.get(row.id, {}))
        decision = decided.get(row.id, {}) if row.decision else {}
        proposals.append(
            PublicProposal(
                receipt_no=row.receipt_no,
                title=row.title,
                received_at=state.received_at,
                status=row.status,
                decided_at=state.decided_at,
                decision=row.decision,
                public=public,
                body=row.body if public else "",
                reasons=str(decision.get("reasons") or "").strip() if public else "",
            )
        )
    return proposals, more


def filed_by_form(session: Session, form_token: str) -> CitizenView | None:
    """The case a web form with this token already filed (the same form sent again: a reload, a double
    click), as its citizen sees it; None when it filed none."""
    if not form_token:
        return None
    found = cases_of_contact(session, WEB_FORM_PLATFORM, form_token, limit=1)
    return citizen_view(session, found[0]) if found else None
