"""POST /sync/push, GET /sync/pull, GET /sync/wait (DESIGN.md, "Sync protocol").

Pull returns every event to every role, in order: a department's view of a case needs its whole history,
and a case may move between departments after the client's cursor has passed its first events. What is
withheld is personal data: for roles that do not see petitioners in full everywhere (officer, admin) the
`received` event's petitioner is masked; an officer reads their own department's case in full with
GET /cases/{id}?details=true, which is recorded as a `details_viewed` event.
"""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session, sessionmaker

from ...store.central import feed, sequence
from ...store.central.checks import TimeWindow
from ...sync.protocol import (
    API_PREFIX,
    DEFAULT_PULL_PAGE,
    MAX_PULL_PAGE,
    PulledEvent,
    PullResponse,
    PushRequest,
    PushResponse,
    ReferenceChange,
    WaitResponse,
)
from .. import units
from ..deps import FactoryDep, NotifierDep, SettingsDep, StaffDep
from ..notify import Notifier
from ..presenters import event_payload, sees_full
from .service import push_events

router = APIRouter(prefix=API_PREFIX + "/sync", tags=["sync"])

RECHECK_SECONDS = 1.0  # waiters look at the database at least this often, whatever the wake-ups do


@router.post("/push", response_model=PushResponse, summary="이벤트 올리기 (push events)")
async def push(body: PushRequest, staff: StaffDep, request: Request) -> Response:
    """One hop to the thread pool for the database work, and nothing else: the request is parsed and checked
    and the answer serialised on the event loop (a `def` endpoint would also hop there to re-validate the
    answer). The answer is built from PushResponse, so it is exactly the documented model. The session
    factory and notifier come from the app's state, not as dependencies: this is the intake's hot path, and
    FastAPI's cost per dependency and request is larger than theirs."""
    factory: sessionmaker[Session] = request.app.state.factory
    notifier: Notifier = request.app.state.notifier
    settings = request.app.state.settings
    window = TimeWindow(settings.future_skew, settings.max_event_age)
    results = await run_in_threadpool(push_events, factory, notifier, staff, body.events, window=window)
    return Response(PushResponse(results=results).model_dump_json(), media_type="application/json")


@router.get("/pull", response_model=PullResponse, summary="변경 내려받기 (pull changes after a cursor)")
def pull(
    staff: StaffDep,
    factory: FactoryDep,
    after: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PULL_PAGE)] = DEFAULT_PULL_PAGE,
) -> PullResponse:
    rows, has_more = units.read(factory, lambda s: feed.pull_page(s, after, limit))
    full = sees_full(staff)
    events: list[PulledEvent] = []
    reference: list[ReferenceChange] = []
    for row in rows:
        if row.event is not None:
            e = row.event
            assert row.recorded_at is not None
            events.append(
                PulledEvent(
                    id=e.id,
                    case_id=e.case_id,
                    type=e.type,
                    occurred_at=e.occurred_at,
                    actor_id=e.actor_id,
                    actor_role=e.actor_role,
                    actor_department=e.actor_department,
                    station_code=e.station_code,
                    base_version=e.base_version,
                    payload=event_payload(e, full=full),
                    seq=row.seq,
                    case_version=row.case_version,
                    recorded_at=row.recorded_at,
                )
            )
        else:
            reference.append(ReferenceChange(seq=row.seq, table=row.table, record=row.record or {}))  # type: ignore[arg-type]
    next_after = rows[-1].seq if rows else after
    return PullResponse(events=events, reference=reference, next_after=next_after, has_more=has_more)


@router.get("/wait", response_model=WaitResponse, summary="변경 기다리기 (long poll)")
async def wait(
    staff: StaffDep,
    factory: FactoryDep,
    notifier: NotifierDep,
    settings: SettingsDep,
    after: Annotated[int, Query(ge=0)] = 0,
    timeout: Annotated[float, Query(ge=0, le=300)] = 30.0,
) -> WaitResponse:
    deadline = time.monotonic() + min(timeout, settings.wait_max_seconds)
    while True:
        ticket = notifier.ticket()  # before the check: a commit after it sets this ticket
        newest = await run_in_threadpool(units.read, factory, sequence.latest_seq)
        remaining = deadline - time.monotonic()
        if newest > after or remaining <= 0:
            return WaitResponse(changed=newest > after, latest=newest)
        await notifier.wait(ticket, min(remaining, RECHECK_SECONDS))
