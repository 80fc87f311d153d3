"""Reference data pulled from the server: upserted, and removed when the server says it was deleted."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from complaints_desk.domain.ids import new_id
from complaints_desk.store.db import transaction
from complaints_desk.store.local.reference_pull import ReferenceRecord, upsert_reference
from complaints_desk.store.models import ClosureRow, Department


def test_a_closure_taken_back_on_the_server_disappears_from_the_client(session_factory) -> None:  # type: ignore[no-untyped-def]
    closure_id, department_id = new_id(), new_id()
    added = [
        ReferenceRecord(
            1, "departments", {"id": department_id, "code": "ROAD", "name": "도로관리과", "phone": ""}
        ),
        ReferenceRecord(
            2,
            "closures",
            {"id": closure_id, "start_date": "2026-12-24", "end_date": "2026-12-24", "name": "임시 휴무"},
        ),
    ]
    with transaction(session_factory) as session:
        upsert_reference(session, added)
    with transaction(session_factory) as session:
        closure = session.get(ClosureRow, closure_id)
        assert closure is not None and closure.start_date == date(2026, 12, 24)
        upsert_reference(session, [ReferenceRecord(3, "closures", {"id": closure_id, "deleted": True})])
    with transaction(session_factory) as session:
        assert session.get(ClosureRow, closure_id) is None
        assert session.scalar(select(Department.name).where(Department.id == department_id)) == "도로관리과"
