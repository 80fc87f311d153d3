"""The desktop client's self-test (`complaints-desk self-test`): the main window over a throw-away local store,
one intake through the path the intake form takes (store.local.outbox.record_local_intake on the writer
thread), its receipt PDF (store.reports + documents.receipt) and a clean close. Each step is one check with a
Korean and an English line, so an installer or a help-desk call can say which one failed.

Nothing here runs a database call on the GUI thread: the intake and the receipt are work items for the
writer and the reader pool, as they are for the real screens.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session

from ..domain.channels import Channel
from ..domain.kinds import Kind
from ..domain.roles import Actor, Role
from ..store import reference, reports
from ..store.intake import Intake
from ..store.local.outbox import record_local_intake

STATION = "S99"  # the self-test's own station code: never one a real office enrols
TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True)
class Check:
    ko: str
    en: str
    ok: bool
    detail: str = ""

    def line(self) -> str:
        mark = "통과 / ok" if self.ok else "실패 / FAILED"
        detail = f" — {self.detail}" if self.detail else ""
        return f"[{mark}] {self.ko} / {self.en}{detail}"


@dataclass(frozen=True)
class _Receipt:
    receipt_no: str
    pdf: bytes


def _wait(app: QApplication, done: Callable[[], bool], timeout: float = TIMEOUT_SECONDS) -> bool:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.005)
    return True


def _intake(session: Session) -> str:
    reference.ensure_station(session, STATION, "자체 점검 / self-test")
    staff = reference.add_staff(session, "self-test", "자체점검", Role.AGENT)
    state = record_local_intake(
        session,
        Intake(
            Kind.GRIEVANCE,
            Channel.PHONE,
            "자체 점검 접수 (가로등 고장)",
            "한빛로 12 앞 가로등이 꺼져 있습니다. 자체 점검으로 만든 접수입니다.",
            "홍길동",
            "010-1234-5678",
        ),
        actor=Actor(staff.id, Role.AGENT, None, staff.name),
        station_code=STATION,
        offline=True,  # a throw-away store has never checked in: numbered from the clock range
    )
    return state.receipt_no


def _receipt(session: Session, receipt_no: str) -> _Receipt:
    from ..documents.receipt import build_receipt_pdf

    facts = reports.receipt_facts(session, receipt_no)
    return _Receipt(receipt_no, build_receipt_pdf(facts, reports.office_info(session)))


def run_checks(data_dir: Path) -> list[Check]:
    """Run every check in order; a failed step ends the run (the later ones need it)."""
    from .app import start
    from .queue_model import Column

    checks: list[Check] = []
    path = data_dir / "client.sqlite3"
    try:
        client = start(path)
    except Exception as error:  # a missing Qt library, an unwritable folder, a failed migration
        reason = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
        return [Check("로컬 저장소와 주 화면 열기", "open the local store and the main window", False, reason)]
    app = client.app
    try:
        client.window.show()
        counted: list[Any] = []
        client.window.model.counted.connect(counted.append)
        failures: list[BaseException] = []
        client.tasks.failed.connect(failures.append)
        opened = _wait(app, lambda: bool(counted) or bool(failures)) and not failures
        checks.append(
            Check(
                "주 화면 열기 (화면 없이)",
                "open the main window (offscreen)",
                opened and client.window.isVisible(),
                f"{path}" if opened else f"the first queue never arrived: {failures[:1]!r}",
            )
        )
        if not checks[-1].ok:
            return checks

        saved: list[str] = []
        client.tasks.write(_intake, saved.append, failures.append)
        _wait(app, lambda: bool(saved) or bool(failures))
        if not saved:
            detail = repr(failures[0]) if failures else "timed out"
            checks.append(Check("접수 저장", "save an intake", False, detail))
            return checks
        checks.append(Check("접수 저장", "save an intake", True, f"접수번호 {saved[0]}"))

        written: list[_Receipt] = []
        client.tasks.read(lambda s: _receipt(s, saved[0]), written.append, failures.append)
        _wait(app, lambda: bool(written) or bool(failures))
        if not written:
            detail = repr(failures[0]) if failures else "timed out"
            checks.append(Check("접수증 PDF 만들기", "write the receipt PDF", False, detail))
            return checks
        receipt = written[0]

        pdf_path = data_dir / f"접수증-{receipt.receipt_no}.pdf"
        good_pdf = receipt.pdf.startswith(b"%PDF-") and b"%%EOF" in receipt.pdf[-1024:]
        if good_pdf:
            pdf_path.write_bytes(receipt.pdf)
        checks.append(
            Check(
                "접수증 PDF 만들기",
                "write the receipt PDF",
                good_pdf,
                f"{pdf_path} ({len(receipt.pdf):,} bytes)" if good_pdf else "not a PDF",
            )
        )
        if not good_pdf:
            return checks

        counted.clear()
        client.window.refresh()
        model = client.window.model

        def shown() -> bool:
            if not counted or model.rowCount() < 1:
                return False
            item = model.item(0)
            return item is not None and model.data(model.index(0, Column.RECEIPT)) == receipt.receipt_no

        listed = _wait(app, shown)
        checks.append(
            Check(
                "접수한 민원이 목록에 보임",
                "the intake shows in the queue",
                listed,
                receipt.receipt_no if listed else f"rows: {model.rowCount()}",
            )
        )
        return checks
    finally:
        try:
            client.close()
            app.processEvents()
            closed = not client.window.isVisible()
            checks.append(Check("닫기", "close", closed, "" if closed else "the window is still visible"))
        except Exception as error:
            checks.append(Check("닫기", "close", False, repr(error)))
