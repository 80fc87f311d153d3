"""POST /sync/push, GET /sync/pull, GET /sync/wait (docs/architecture.md, "The sync contract").

Pull returns every event to every role, in order: a department's view of a case needs its whole history,
and a case may move between departments after the client's cursor has passed its first events. What is
withheld is personal data: for roles that do not see petitioners in full everywhere (officer, admin) the
`received` event's petitioner is masked; an officer reads their own department's case in full with
GET /cases/{id}?details=true, which is recorded as a `details_viewed` event.
"""

from __future__ import annotations

from contextlib import closing
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session, sessionmaker

from ...store.central import feed
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
from ..deps import FactoryDep, NotifierDep, SettingsDep, StaffDep, workstation_claim
from ..notify import Notifier
from ..presenters import event_payload, sees_full
from .service import push_events

router = APIRouter(prefix=API_PREFIX + "/sync", tags=["sync"])


@router.post("/push", response_model=PushResponse, summary="이벤트 올리기 (push events)")
async def push(body: PushRequest, staff: StaffDep, request: Request) -> Response:
    """One hop to the thread pool for the database work, and nothing else: the request is parsed and checked
    and the answer serialised on the event loop (a `def` endpoint would also hop there to re-validate the
    answer). The answer is built from PushResponse, so it is exactly the documented model. The session
    factory and notifier come from the app's state, not as dependencies: this is the intake's hot path, and
    FastAPI's cost per dependency and request is larger than theirs."""
    factory: sessionmaker[Session] = request.app.state.factory
    notifier: Notifier = request.app.state.notifier
    claim = workstation_claim(request)  # checked in the push's own transaction (workstation_screen)
    settings = request.app.state.settings
    window = TimeWindow(settings.future_skew, settings.max_event_age)
    results = await run_in_threadpool(
        push_events, factory, notifier, staff, body.events, window=window, claim=claim
    )
    return Response(PushResponse(results=results).model_dump_json(), media_type="application/json")


MAX_SEQ = 2**63 - 1  # sequence numbers are BIGINT: a cursor past it is bad input (422), not a database error
Cursor = Annotated[int, Query(ge=0, le=MAX_SEQ, description="the cursor: the newest sequence number already seen")]


@router.get("/pull", response_model=PullResponse, summary="변경 내려받기 (pull changes after a cursor)")
def pull(
    staff: StaffDep,
    factory: FactoryDep,
    settings: SettingsDep,
    after: Cursor = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PULL_PAGE)] = DEFAULT_PULL_PAGE,
) -> Response:
    """The page is encoded item by item as it is read, and stops once the next item would take it past
    `settings.pull_page_bytes` (it always holds one, so a client never stalls behind a big event); the
    answer is the documented PullResponse, put together from the encoded items."""
    full = sees_full(staff)
    body = units.read(factory, lambda s: _encoded_page(s, after, limit, settings.pull_page_bytes, full=full))
    return Response(body, media_type="application/json")


def _encoded_page(session: Session, after: int, limit: int, max_bytes: int, *, full: bool) -> bytes:
    events: list[bytes] = []
    reference: list[bytes] = []
    size = 0
    next_after = after
    has_more = False
    with closing(feed.pull_rows(session, after, limit)) as rows:
        for row in rows:
            encoded = _encoded_row(row, full=full)
            taken = len(events) + len(reference)
            if taken == limit or (taken and size + len(encoded) + 1 > max_bytes):
                has_more = True
                break
            (events if row.event is not None else reference).append(encoded)
            size += len(encoded) + 1  # and its comma
            next_after = row.seq
    return b"".join(
        (
            b'{"events":[',
            b",".join(events),
            b'],"reference":[',
            b",".join(reference),
            b'],"next_after":%d,"has_more":%s}' % (next_after, b"true" if has_more else b"false"),
        )
    )


def _encoded_row(row: feed.PulledRow, *, full: bool) -> bytes:
    if row.event is None:
        return ReferenceChange(seq=row.seq, table=row.table, record=row.record or {}).model_dump_json().encode()  # type: ignore[arg-type]
    e = row.event
    assert row.recorded_at is not None
    return (
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
        .model_dump_json()
        .encode()
    )


@router.get("/wait", response_model=WaitResponse, summary="변경 기다리기 (long poll)")
async def wait(
    staff: StaffDep,
    notifier: NotifierDep,
    settings: SettingsDep,
    after: Cursor = 0,
    timeout: Annotated[float, Query(ge=0, le=300, allow_inf_nan=False)] = 30.0,
) -> WaitResponse:
    """Answered by the process's one watcher (server/notify.py): a commit costs one database read for all
    waiters together."""
    changed, latest = await notifier.wait_for(after, min(timeout, settings.wait_max_seconds))
    return WaitResponse(changed=changed, latest=latest)
