"""The intake form (F2 phone, F3 counter), driven by the keyboard over a copy of the demo store."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from complaints_desk.gui.app import Client
from complaints_desk.gui.intake import IntakeForm, Mode
from complaints_desk.store.db import make_engine, make_sessionmaker, transaction
from complaints_desk.store.local.sync_state import record_enrolment

from .conftest import GuiThreadGuard, open_client, settle


def _saved(form: Any) -> Any:
    """The case the form saved last (a save has happened)."""
    assert form.last_saved is not None
    return form.last_saved


def _document(form: Any) -> Any:
    """The receipt the preview shows (one is loaded)."""
    assert form.preview.document is not None
    return form.preview.document


def type_in(qtbot: Any, widget: Any, keys: str) -> None:
    """Type each character as a key press with its text (QTest's keyClicks knows only ASCII keys)."""
    for char in keys:
        if char.isascii():
            qtbot.keyClick(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _enrol(path: Path) -> None:
    from datetime import UTC, datetime

    factory = make_sessionmaker(make_engine(f"sqlite:///{path}"))
    with transaction(factory) as session:
        record_enrolment(
            session,
            station_id="st-test",
            code="C07",
            name="시험 창구",
            last_receipt_day=None,
            last_receipt_seq=0,
            now=datetime.now(UTC),
        )


def _user(path: Path, role: str) -> str:
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        return str(
            conn.execute(
                text("SELECT username FROM staff WHERE role = :r ORDER BY username LIMIT 1"), {"r": role}
            ).scalar_one()
        )


@pytest.fixture
def desk(fresh_store: Path, guard: GuiThreadGuard, qtbot: Any, request: Any) -> Iterator[Client]:
    _enrol(fresh_store)
    role = getattr(request, "param", "agent")
    opened = open_client(fresh_store, guard, qtbot, user=_user(fresh_store, role))
    assert opened.intake is not None
    opened.intake.offline = False  # as sign-in says once the counter is confirmed
    opened.intake.read_identity(opened.window.viewer.staff_id)
    settle(opened, qtbot)
    yield opened
    opened.close()
    assert guard.offences == [], f"database statements on the GUI thread: {guard.offences[:3]}"


def _open(client: Client, qtbot: Any, key: Qt.Key) -> IntakeForm:
    qtbot.keyClick(client.window, key)
    assert client.intake is not None and client.intake.window is not None
    form = client.intake.window.form
    settle(client, qtbot)
    return form


def _look(client: Client) -> Any:
    """The test's own look at the store (not the client's engines, which the guard watches)."""
    return make_sessionmaker(make_engine(f"sqlite:///{client.store.path}", read_only=True))()


def _a_repeat_caller(client: Client) -> tuple[str, int]:
    with _look(client) as session:
        phone, count = session.execute(
            text(
                "SELECT petitioner_phone, count(*) FROM cases WHERE petitioner_phone != '' GROUP BY 1 ORDER BY 2 DESC LIMIT 1"
            )
        ).one()
    return str(phone), int(count)


def _case(client: Client, receipt: str) -> Any:
    with _look(client) as session:
        return session.execute(text("SELECT * FROM cases WHERE receipt_no = :r"), {"r": receipt}).mappings().one()


def test_a_phone_intake_by_keyboard_alone(desk: Client, qtbot: Any) -> None:
    form = _open(desk, qtbot, Qt.Key.Key_F2)
    assert form.mode is Mode.PHONE and form.ui.phoneEdit.hasFocus()
    phone, count = _a_repeat_caller(desk)
    type_in(qtbot, form.ui.phoneEdit, phone.replace("-", ""))
    qtbot.waitUntil(lambda: form.ui.historyList.topLevelItemCount() > 0, timeout=5000)
    assert form.history is not None and form.history.total == count
    assert str(count) in form.ui.historyLabel.text()
    qtbot.keyClick(form.ui.phoneEdit, Qt.Key.Key_Tab)
    type_in(qtbot, form.ui.nameEdit, "김민원")
    qtbot.keyClick(form.ui.nameEdit, Qt.Key.Key_Tab)
    assert form.ui.kindCombo.hasFocus()
    qtbot.keyClick(form.ui.kindCombo, Qt.Key.Key_Tab)  # the usual kind (고충민원) stays
    qtbot.keyClick(form.ui.categoryCombo, Qt.Key.Key_Tab)
    assert form.ui.titleEdit.hasFocus()
    type_in(qtbot, form.ui.titleEdit, "한빛로 불법주차 단속 요청")
    assert form.suggestions, "the routing rules suggest a department while the title is typed"
    suggested = form.suggestions[0].department_code
    qtbot.keyClick(form.ui.titleEdit, Qt.Key.Key_Return)  # accepts the suggestion and goes on
    assert form.ui.departmentCombo.currentData() == suggested
    assert form.ui.bodyEdit.hasFocus()
    type_in(qtbot, form.ui.bodyEdit, "매일 저녁 인도에 차량이 주차되어 있습니다.")
    qtbot.keyClick(form.ui.bodyEdit, Qt.Key.Key_Tab)
    type_in(qtbot, form.ui.placeEdit, "한빛로 12 앞")
    qtbot.keyClick(form.ui.placeEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.last_saved is not None, timeout=10_000)
    receipt = form.ui.receiptNumber.text()
    assert receipt == _saved(form).receipt_no and receipt.startswith("20")
    assert form.ui.receiptNumber.font().pointSizeF() >= 2 * form.ui.titleEdit.font().pointSizeF()
    assert form.ui.phoneEdit.text() == "" and form.ui.titleEdit.text() == "" and form.ui.phoneEdit.hasFocus()
    row = _case(desk, receipt)
    assert row["department_code"] == suggested and row["place"] == "한빛로 12 앞"
    assert row["petitioner_phone"] == phone and row["channel"] == "phone"


def test_the_phone_form_logs_the_warning_and_the_end_of_the_call_without_leaving_it(
    desk: Client, qtbot: Any
) -> None:
    form = _open(desk, qtbot, Qt.Key.Key_F2)
    box = form.ui.callLog
    assert box.isVisible() and box.ui.warnButton.isEnabled() and not box.ui.endButton.isEnabled()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form.window(), timeout=5000)  # shortcuts need it
    type_in(qtbot, form.ui.phoneEdit, "01077778888")
    qtbot.keyClick(form.ui.phoneEdit, Qt.Key.Key_Tab)
    type_in(qtbot, form.ui.nameEdit, "박민원")
    qtbot.keyClick(form.ui.nameEdit, Qt.Key.Key_F8)  # the caller turns abusive: the warning, from the form
    qtbot.waitUntil(lambda: len(box.records) == 1, timeout=10_000)
    assert box.records[0].caller_phone == "010-7777-8888"
    assert form.ui.nameEdit.hasFocus() and form.ui.nameEdit.text() == "박민원"  # typing goes on where it was
    assert "1차 경고 안내를 기록했습니다" in box.ui.stateLabel.text()

    form.ui.titleEdit.setText("소음 민원")
    qtbot.keyClick(form.ui.titleEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.last_saved is not None, timeout=10_000)
    assert form.ui.phoneEdit.text() == ""  # the form is ready for the next call; this one goes on
    qtbot.keyClick(form.ui.phoneEdit, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(box.records) == 2, timeout=10_000)
    assert "경고 후 통화 종료" in box.ui.stateLabel.text()
    with _look(desk) as session:
        rows = session.execute(
            text(
                "SELECT c.call_id, c.kind, c.caller_phone, u.record_id IS NOT NULL FROM call_log c"
                " LEFT JOIN call_log_unsent u ON u.record_id = c.id ORDER BY c.occurred_at"
            )
        ).all()
    assert [tuple(r)[1:] for r in rows] == [
        ("warning_announced", "010-7777-8888", 1),
        ("call_ended_after_warning", "010-7777-8888", 1),
    ]
    assert rows[0][0] == rows[1][0]  # one call

    type_in(qtbot, form.ui.phoneEdit, "0102")  # the next caller: a new call, nothing recorded yet
    assert box.records == () and not box.ui.endButton.isEnabled()
    assert box.ui.warnButton.text() == "경고 안내 기록 (F8)"
    assert desk.intake is not None
    desk.intake.open(Mode.COUNTER)
    assert not form.ui.callLog.isVisible()  # a counter visit is no call


def test_an_other_complaint_answered_and_closed_at_intake(desk: Client, qtbot: Any) -> None:
    form = _open(desk, qtbot, Qt.Key.Key_F2)
    type_in(qtbot, form.ui.phoneEdit, "01055501234")
    form.ui.kindCombo.setFocus()
    qtbot.keyClick(form.ui.kindCombo, Qt.Key.Key_Home)  # 기타민원 is first
    assert form.ui.answerBox.isVisible()
    type_in(qtbot, form.ui.nameEdit, "이상담")
    type_in(qtbot, form.ui.titleEdit, "대형폐기물 배출 방법 문의")
    type_in(qtbot, form.ui.answerEdit, "주민센터에서 스티커를 사서 붙이면 됩니다.")
    qtbot.keyClick(form.ui.answerEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.last_saved is not None, timeout=10_000)
    row = _case(desk, _saved(form).receipt_no)
    assert row["kind"] == "other" and row["status"] == "closed" and row["close_reason"] == "answered"
    with _look(desk) as session:
        queued = session.execute(
            text("SELECT count(*) FROM sync_outbox WHERE case_id = :c"), {"c": row["id"]}
        ).scalar_one()
    assert queued == 3  # received, answered, closed: all on their way to the server


def test_a_rejected_form_keeps_what_was_typed_and_marks_the_fields(desk: Client, qtbot: Any) -> None:
    form = _open(desk, qtbot, Qt.Key.Key_F2)
    type_in(qtbot, form.ui.phoneEdit, "12")
    type_in(qtbot, form.ui.bodyEdit, "내용만 적었습니다")
    qtbot.keyClick(form.ui.bodyEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.last_saved is None
    assert form.ui.phoneEdit.text() == "12" and form.ui.bodyEdit.toPlainText() == "내용만 적었습니다"
    errors = form._errors
    assert errors["phone"].isVisible() and "전화번호" in errors["phone"].text()
    assert errors["title"].isVisible() and "제목" in errors["title"].text()
    assert errors["name"].isVisible()
    assert not errors["body"].isVisible()
    assert form.ui.phoneEdit.hasFocus()  # the first wrong field


def test_a_resident_number_is_refused_where_it_is_typed(desk: Client, qtbot: Any) -> None:
    form = _open(desk, qtbot, Qt.Key.Key_F2)
    type_in(qtbot, form.ui.placeEdit, "900101-1234567")
    label = form._errors["place"]
    assert label.isVisible() and "주민등록번호" in label.text()
    form.ui.placeEdit.clear()
    assert not label.isVisible()


@pytest.mark.parametrize("desk", ["clerk"], indirect=True)
def test_a_counter_receipt_previewed_saved_printed_and_reprinted(
    desk: Client, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = _open(desk, qtbot, Qt.Key.Key_F3)
    assert form.mode is Mode.COUNTER and form.preview.isVisible()
    type_in(qtbot, form.ui.phoneEdit, "010-7777-1234")
    type_in(qtbot, form.ui.nameEdit, "박대표")
    type_in(qtbot, form.ui.titleEdit, "공원 소음 민원 (연명)")
    form.ui.groupCheck.setChecked(True)
    form.ui.signersSpin.setValue(12)
    form.ui.householdsSpin.setValue(8)
    form.save()
    qtbot.waitUntil(lambda: form.preview.document is not None, timeout=15_000)
    row = _case(desk, _saved(form).receipt_no)
    assert row["is_group"] and row["signers"] == 12 and row["households"] == 8
    image = form.preview.pages[0]
    assert not image.isNull() and image.width() > 300
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 2, "the preview shows the rendered receipt, not a blank page"
    pdf = tmp_path / "receipt.pdf"
    monkeypatch.setattr(form.preview, "choose_file", lambda: pdf)
    form.preview.save_button.click()
    qtbot.waitUntil(lambda: pdf.exists() and _document(form).times_printed == 1, timeout=15_000)
    first = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert _saved(form).receipt_no in first and "재발급" not in first
    assert "외 11명" in first  # the representative and the other signers
    printed = tmp_path / "printed.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    monkeypatch.setattr(form.preview, "choose_printer", pdf_printer)
    qtbot.keyClick(form.ui.phoneEdit, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _document(form).times_printed == 2, timeout=15_000)
    assert printed.stat().st_size > 10_000  # the rendered pages went to the printer
    assert "재발급" in "".join(p.extract_text() for p in PdfReader(io.BytesIO(_document(form).pdf)).pages)
    assert _case(desk, _saved(form).receipt_no)["receipts_printed"] == 2


def test_someone_signed_in_whom_the_store_does_not_know_yet_takes_intakes(desk: Client, qtbot: Any) -> None:
    """A fresh desk's first pull may still be bringing the staff rows when someone signs in: the intake then
    works as the sign-in says who they are."""
    from complaints_desk.domain.ids import new_id
    from complaints_desk.domain.roles import Actor, Role
    from complaints_desk.store.local.desk_intake import DeskIdentity

    actions = desk.intake
    assert actions is not None
    someone = DeskIdentity(Actor(new_id(), Role.AGENT, None, "신규 상담원"), "C07", offline=False)
    actions.signed_in = lambda: someone
    actions.read_identity(someone.actor.id)  # no staff row of theirs in this store
    settle(desk, qtbot)
    assert actions.identity == someone
