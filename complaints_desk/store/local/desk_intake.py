"""The intake form's writes on the desktop (each through the outbox, so it is on its way to the server in the
same transaction) and who is taking it in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.case import CaseState
from ...domain.channels import Channel
from ...domain.errors import DomainError
from ...domain.events import Event, EventType
from ...domain.ids import new_id
from ...domain.kinds import Kind
from ...domain.roles import Actor, Role
from ..cases import load_case
from ..intake import Intake
from ..models import Department, Staff, Station
from .outbox import record_local, record_local_intake
from .tables import SyncStateRow


@dataclass(frozen=True)
class DeskIdentity:
    """Who takes the intake and where: the actor, this workstation's station code and whether its receipt
    numbers must come from the clock range (`offline`, as store.local.outbox.record_local_intake says)."""

    actor: Actor
    station_code: str | None
    offline: bool = True


def desk_identity(session: Session, staff_id: str | None, *, offline: bool = True) -> DeskIdentity | None:
    """The identity of the viewer at this desk, from the local store (until sign-in provides it): their role,
    and the station this workstation enrolled as. None when nobody is at the desk."""
    if staff_id is None:
        return None
    staff = session.get(Staff, staff_id)
    if staff is None:
        return None
    code = session.execute(select(SyncStateRow.station_code)).scalars().first()
    actor = Actor(staff.id, Role(staff.role), staff.department_code, staff.name)
    return DeskIdentity(actor, code, offline)


@dataclass(frozen=True)
class AtOnceAnswer:
    """A 기타민원 answered in the intake form itself: the answer given, and whether it is closed with it."""

    answer: str
    close: bool = True


def _event(state: CaseState, identity: DeskIdentity, kind: EventType, payload: dict[str, object]) -> Event:
    actor = identity.actor
    return Event(
        id=new_id(),
        case_id=state.id,
        type=kind,
        occurred_at=datetime.now(UTC),
        actor_id=actor.id,
        actor_role=actor.role,
        actor_department=actor.department_code,
        station_code=identity.station_code,
        base_version=state.version,
        payload=payload,
    )


def save_intake(
    session: Session, intake: Intake, identity: DeskIdentity, *, answer: AtOnceAnswer | None = None
) -> CaseState:
    """Take the intake in (numbered, queued for the server) and, for a 기타민원 answered at once, record its
    answer and close it, all in the caller's transaction: nothing is saved when any step is refused."""
    if identity.station_code is None:
        raise DomainError(
            "station_code",
            "이 단말기는 아직 서버에 등록되지 않아 접수번호를 매길 수 없습니다.",
            "This workstation is not enrolled yet, so it cannot number receipts.",
            code="not_enrolled",
        )
    state = record_local_intake(
        session, intake, actor=identity.actor, station_code=identity.station_code, offline=identity.offline
    )
    if answer is not None:
        state = record_local(
            session, _event(state, identity, EventType.ANSWERED, {"result": "informed", "answer": answer.answer})
        )
        if answer.close:
            state = record_local(session, _event(state, identity, EventType.CLOSED, {"reason": "answered"}))
    return state


def record_receipt_printed(session: Session, case_id: str, identity: DeskIdentity, how: str) -> CaseState:
    """A receipt left the desk (printed, or saved as PDF): the next one is a reprint (재발급)."""
    state = load_case(session, case_id)
    if state is None:
        raise DomainError("case_id", "존재하지 않는 민원입니다.", "There is no such case.", code="unknown_case")
    return record_local(session, _event(state, identity, EventType.RECEIPT_PRINTED, {"how": how}))


def rehearse_intake(session: Session) -> int:
    """Take made-up intakes in the caller's transaction, which the caller must roll back (gui.tasks.Tasks.
    rehearse, once the desk's first window is up): the first real intake then finds the writer's statements
    compiled and prepared and its ORM and deadline paths warm, instead of paying for them while the clerk
    waits for the receipt number. One of each way the form saves: numbered by the station's counter and handed
    on to a department, a 기타민원 answered and closed at once, and numbered by the clock range. Returns how
    many it took: none on a desk that has no station, clerk or department to take one with yet."""
    station = (
        session.execute(select(SyncStateRow.station_code)).scalars().first()
        or session.execute(select(Station.code).order_by(Station.code).limit(1)).scalar()
    )
    staff = session.execute(
        select(Staff).where(Staff.role.in_([Role.CLERK.value, Role.AGENT.value])).order_by(Staff.id).limit(1)
    ).scalar()
    department = session.execute(select(Department.code).order_by(Department.code).limit(1)).scalar()
    if station is None or staff is None or department is None:
        return 0
    actor = Actor(staff.id, Role(staff.role), staff.department_code, staff.name)
    routed = Intake(
        Kind.GRIEVANCE,
        Channel.PHONE,
        "접수 준비",
        "접수 준비",
        "홍길동",
        "010-0000-0000",
        department_code=department,
    )
    answered = Intake(Kind.OTHER, Channel.COUNTER, "접수 준비", "접수 준비", "홍길동", "010-0000-0000")
    taken = 0
    try:
        save_intake(session, routed, DeskIdentity(actor, station, offline=False))
        taken += 1
        save_intake(session, answered, DeskIdentity(actor, station, offline=False), answer=AtOnceAnswer("안내"))
        taken += 1
        save_intake(session, routed, DeskIdentity(actor, station, offline=True))  # last: at most one clock tick
        taken += 1
    except DomainError:
        pass  # this desk's data refuses one (a closed department, …): what it warmed before stays warm
    return taken
