"""The selected case as the desk's case panel shows it (gui/case_panel.py), read together in one reader-pool
session: its view and history, its state for the lifecycle's allowed actions, who works at the desk, and the
changes of it the server refused."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ...domain.case import CaseState
from ...domain.roles import Actor
from ..case_actions import desk_actor
from ..case_view import CaseView, case_view
from ..cases import load_case
from .outbox import RejectedEvent, rejected_events


@dataclass(frozen=True)
class PanelData:
    """What the panel shows of one case, read together on the reader pool."""

    view: CaseView
    state: CaseState
    actor: Actor | None  # who works at the desk, as the lifecycle names them
    rejections: tuple[RejectedEvent, ...]


def panel_data(session: Session, case_id: str, staff_id: str | None) -> PanelData | None:
    view = case_view(session, case_id)
    state = load_case(session, case_id)
    if view is None or state is None:
        return None
    return PanelData(view, state, desk_actor(session, staff_id), tuple(rejected_events(session, case_id=case_id)))
