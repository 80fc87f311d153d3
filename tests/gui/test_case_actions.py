"""The case actions as each role sees them on the case panel, over a demo store: which buttons exist is the
lifecycle's table (an agent routes but does not accept, the officer of the case's department accepts, an
officer of another department does nothing); an officer's whole path (accept → extension with its reason →
answer with its result notice) lands in the outbox with the payloads the server checks; a refused check
keeps the dialog open with its message next to the field and everything typed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QToolButton
from sqlalchemy import select

from complaints_desk.domain.events import Event, EventType
from complaints_desk.domain.lifecycle import allowed_events
from complaints_desk.gui import case_actions_dialogs as dialogs
from complaints_desk.gui.app import Client
from complaints_desk.gui.case_actions_dialogs import AnswerDialog, ExtendDialog, TextDialog
from complaints_desk.gui.case_details import Petitioner
from complaints_desk.store.cases import load_case
from complaints_desk.store.db import make_engine, make_sessionmaker, transaction
from complaints_desk.store.local import outbox
from complaints_desk.store.models import CaseRow, Staff

from .conftest import GuiThreadGuard, open_client, settle


class ServerDetails:
    """What 원문 보기 gets from the server for the desk (tests against a real server: tests/gui/test_case_sync)."""

    def __init__(self, online: bool = True) -> None:
        self.online = online
        self.cases: list[str] = []

    def is_online(self) -> bool:
        return self.online

    def fetch(self, case_id: str) -> Petitioner:
        self.cases.append(case_id)
        return Petitioner("김원문", "010-3333-4444", "한빛로 7", "")


def _store(client: Client) -> Any:
    return make_sessionmaker(make_engine(f"sqlite:///{client.store.path}"))


def a_case(path: Path, status: str, department: str | None = "road", period_unit: str | None = None) -> str:
    engine = make_engine(f"sqlite:///{path}")
    try:
        with make_sessionmaker(engine)() as session:
            where = [CaseRow.status == status, CaseRow.kind != "proposal", CaseRow.clock_stopped_at.is_(None)]
            if department:
                where.append(CaseRow.department_code == department)
            if period_unit:
                where.append(CaseRow.period_unit == period_unit)
            case_id = session.execute(select(CaseRow.id).where(*where).limit(1)).scalar_one()
            return str(case_id)
    finally:
        engine.dispose()


def show(client: Client, qtbot: Any, case_id: str) -> None:
    client.window.ui.casePanel.show_case(case_id)
    settle(client, qtbot)


def buttons(client: Client) -> set[EventType]:
    """The changes the panel offers now: the frequent ones as buttons, the others in "more"."""
    panel = client.window.ui.casePanel
    more = panel.findChild(QToolButton, "moreActionsButton")
    offered = set()
    for event_type, action in client.window.case_actions.actions.items():
        button = panel.findChild(QToolButton, f"action_{action.objectName()}")
        if (button is not None and button.isVisible()) or (
            button is None and action.isVisible() and more.isVisible() and action in more.menu().actions()
        ):
            offered.add(event_type)
    return offered


@pytest.mark.parametrize(
    ("user", "status", "department", "present", "absent"),
    [
        ("agent06", "routed", "road", {EventType.ROUTED, EventType.NOTE_ADDED, EventType.TRANSFERRED}, {EventType.ACCEPTED, EventType.EXTENDED}),
        ("road1", "routed", "road", {EventType.ACCEPTED, EventType.RETURNED, EventType.ASSIGNED}, {EventType.ROUTED}),
        ("traffic1", "routed", "road", set(), {EventType.ACCEPTED, EventType.NOTE_ADDED, EventType.RETURNED}),
        ("road1", "in_progress", "road", {EventType.EXTENDED, EventType.ANSWERED, EventType.CLOCK_STOPPED}, {EventType.ACCEPTED, EventType.CLOCK_RESUMED}),
        ("supervisor1", "answered", "road", {EventType.REOPENED, EventType.SATISFACTION_RECORDED, EventType.CLOSED}, {EventType.ANSWERED}),
        ("clerk01", "received", None, {EventType.ROUTED, EventType.WITHDRAWN, EventType.MERGED}, {EventType.ACCEPTED, EventType.CLOSED}),
    ],
)  # fmt: skip
def test_the_lifecycle_decides_which_buttons_each_role_sees(
    fresh_store: Path, guard: GuiThreadGuard, qtbot: Any, user: str, status: str, department: str | None,
    present: set[EventType], absent: set[EventType],
) -> None:  # fmt: skip
    client = open_client(fresh_store, guard, qtbot, user=user)
    try:
        case_id = a_case(fresh_store, status, department)
        show(client, qtbot, case_id)
        data = client.window.ui.casePanel.data
        assert data is not None and data.actor is not None
        shown = buttons(client)
        assert present <= shown and not (absent & shown), sorted(shown)
        # exactly the lifecycle's list, for the types that have a dialog
        expected = set(allowed_events(data.actor.role, data.state, data.actor.department_code))
        assert shown == expected & set(client.window.case_actions.actions)
        # the menu's actions follow the buttons
        assert {t for t, a in client.window.case_actions.actions.items() if a.isVisible()} == shown
    finally:
        client.close()
    assert guard.offences == []


def press(window: Any, qtbot: Any, key: Qt.Key) -> None:
    """A case action's shortcut (Ctrl+Shift+key), in the main window (active again once a dialog closed)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, key, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def _dialog(client: Client, qtbot: Any, kind: type) -> Any:
    qtbot.waitUntil(lambda: isinstance(client.window.case_actions.dialog, kind), timeout=10_000)
    dialog = client.window.case_actions.dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_an_officer_accepts_extends_and_answers_and_the_outbox_has_each_change(
    client: Client, qtbot: Any, tmp_path: Path
) -> None:
    window = client.window
    # a period counted in days, so its extension is too (a period of 5 days or less counts in hours: docs/rules.md)
    case_id = a_case(client.store.path, "routed", "road", period_unit="days")
    show(client, qtbot, case_id)
    saved: list[Path] = []

    def save_as(name: str) -> Path:
        path = tmp_path / name
        saved.append(path)
        return path

    notices = window.case_actions.notices
    notices.ask_save_path = save_as
    notices.offer_open = lambda path: None
    asked = ServerDetails()  # the officer's desk holds the petitioner masked: the notice asks the server
    window.ui.casePanel.attach_details(asked)
    press(window, qtbot, Qt.Key.Key_A)
    settle(client, qtbot)
    assert window.ui.casePanel.data is not None and window.ui.casePanel.data.state.status == "in_progress"
    assert window.ui.casePanel.ui.statusValue.text() == "처리중"

    # the extension: its reason, its length, the new due date the law computes
    press(window, qtbot, Qt.Key.Key_E)
    extend = _dialog(client, qtbot, ExtendDialog)
    extend.ui.reasonCombo.setCurrentIndex(extend.ui.reasonCombo.findData("fact_check"))
    extend.ui.amountSpin.setValue(3)
    shown_due = extend.ui.newDueValue.text()
    assert shown_due.count(".") == 3 and "(" in shown_due  # 2026. 12. 3.(목) 23:59
    QTest.mouseClick(extend.ui.buttons.button(extend.ui.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(client, qtbot)
    qtbot.waitUntil(lambda: any(p.exists() for p in saved), timeout=20_000)
    notice = "".join(page.extract_text() for page in PdfReader(saved[0]).pages)
    assert "연장" in notice and "사실·현장 확인" in notice
    assert asked.cases == [case_id] and "김원문 님 (한빛로 7)" in notice  # in full, as the server said

    # the answer: a rejection, with its reasons and remedies, and the result notice
    press(window, qtbot, Qt.Key.Key_W)
    answer = _dialog(client, qtbot, AnswerDialog)
    answer.ui.resultCombo.setCurrentIndex(answer.ui.resultCombo.findData("rejected"))
    answer.ui.channelCombo.setCurrentIndex(answer.ui.channelCombo.findData("kakao"))
    answer.ui.answerEdit.setPlainText("현장 확인 결과 보수 대상이 아닙니다.")
    answer.ui.reasonsEdit.setPlainText("도로법상 관리 대상이 아닙니다.")
    answer.ui.remediesEdit.setPlainText("이의신청을 할 수 있습니다.")
    QTest.mouseClick(answer.ui.buttons.button(answer.ui.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(client, qtbot)
    qtbot.waitUntil(lambda: len(saved) == 2 and saved[1].exists(), timeout=20_000)
    result = "".join(page.extract_text() for page in PdfReader(saved[1]).pages)
    flat = result.replace("\n", "")
    # the reasons and the officer's remedy, then the one the law gives this kind of case (documents.notices)
    assert "도로법상 관리 대상이 아닙니다" in flat and "이의신청을 할 수 있습니다" in flat
    assert ("행정심판" in flat) or ("이의신청 대상이 아닙니다" in flat)
    assert asked.cases == [case_id, case_id] and "김원문" in flat

    with transaction(_store(client)) as session:
        entries = [e.event for e in outbox.pending_batch(session, 10) if e.event.case_id == case_id]
        state = load_case(session, case_id)
        road1 = session.execute(select(Staff.id).where(Staff.username == "road1")).scalar_one()
    assert [e.type for e in entries] == [EventType.ACCEPTED, EventType.EXTENDED, EventType.ANSWERED]
    assert all(e.actor_id == road1 and e.actor_role == "officer" and e.actor_department == "road" for e in entries)
    assert [e.base_version for e in entries[1:]] == [entries[0].base_version + 1, entries[0].base_version + 2]
    extended = entries[1].payload
    assert extended["reason_code"] == "fact_check" and extended["extension"] == {"amount": 3, "unit": "days"}
    assert state is not None and state.status == "answered" and state.extension_count >= 1
    answered = entries[2].payload
    assert answered["result"] == "rejected" and answered["notify_channel"] == "kakao"
    assert answered["reasons"] == "도로법상 관리 대상이 아닙니다." and answered["remedies"]
    # the timeline says it in Korean: the reason and the new due date, the result
    lines = [
        window.ui.casePanel.ui.timeline.topLevelItem(i).text(1)
        for i in range(window.ui.casePanel.ui.timeline.topLevelItemCount())
    ]
    assert any(
        "처리기간 연장" in line and "사실·현장 확인 필요" in line and "새 처리기한" in line for line in lines
    )
    assert any(line.startswith("답변") and "불수용(거부)" in line and "카카오톡" in line for line in lines)


def test_offline_an_officers_notice_is_not_made_and_the_desk_says_it_needs_the_server(
    client: Client, qtbot: Any, tmp_path: Path
) -> None:
    window = client.window
    case_id = a_case(client.store.path, "in_progress", "road")
    show(client, qtbot, case_id)
    notices = window.case_actions.notices
    saved: list[str] = []
    notices.ask_save_path = lambda name: saved.append(name) or tmp_path / name
    told: list[tuple[Event, str]] = []
    notices.needs_server = lambda event, why: told.append((event, why))
    window.ui.casePanel.attach_details(ServerDetails(online=False))
    window.case_actions.open(EventType.EXTENDED)
    extend = _dialog(client, qtbot, ExtendDialog)
    extend.ui.reasonCombo.setCurrentIndex(extend.ui.reasonCombo.findData("fact_check"))
    QTest.mouseClick(extend.ui.buttons.button(extend.ui.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(client, qtbot)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    [(extension, why)] = told
    assert (extension.case_id, extension.type, why) == (case_id, EventType.EXTENDED, "서버에 연결할 수 없습니다.")
    assert saved == []  # no notice with a masked name

    # the desk's own box says why and offers to try again, which works once the server answers
    notices.needs_server = notices._needs_server
    notices.make(extension)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "noticeNeedsServer") is not None, timeout=5000)
    box = window.findChild(QMessageBox, "noticeNeedsServer")
    qtbot.waitUntil(lambda: box.isVisible(), timeout=5000)
    assert "가려진 정보만 있고 원문은 서버만" in box.text() and "서버에 연결한 뒤" in box.informativeText()
    assert window.statusBar().currentMessage() == "통지서를 만들지 않았습니다: 서버 연결이 필요합니다."
    window.ui.casePanel.attach_details(ServerDetails())
    notices.offer_open = lambda _path: None
    again = next(b for b in box.buttons() if b.text() == "다시 시도(&T)")
    QTest.mouseClick(again, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / saved[0]).exists() if saved else False, timeout=20_000)
    assert saved[0].endswith("-extension-notice.pdf")


def test_a_refused_check_keeps_the_dialog_open_with_the_message_and_what_was_typed(
    client: Client, qtbot: Any
) -> None:
    window = client.window
    case_id = a_case(client.store.path, "in_progress", "road")
    show(client, qtbot, case_id)
    window.case_actions.open(EventType.ANSWERED)
    answer = _dialog(client, qtbot, AnswerDialog)
    answer.ui.resultCombo.setCurrentIndex(answer.ui.resultCombo.findData("rejected"))
    answer.ui.answerEdit.setPlainText("검토 결과 수용이 어렵습니다.")
    QTest.mouseClick(answer.ui.buttons.button(answer.ui.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(client, qtbot)
    assert answer.isVisible()  # still open
    # a rejection needs its reasons: said next to that box, in Korean
    assert answer.error_text("reasons") == "이 항목을 입력해 주세요."
    assert answer.ui.answerEdit.toPlainText() == "검토 결과 수용이 어렵습니다."
    with transaction(_store(client)) as session:
        assert not [e for e in outbox.pending_batch(session, 50) if e.event.case_id == case_id]
    # a resident registration number in a note is refused with the reason
    answer.reject()
    window.case_actions.open(EventType.NOTE_ADDED)
    note = _dialog(client, qtbot, TextDialog)
    note.ui.textEdit.setPlainText("민원인 주민번호 900101-1234567 확인")
    QTest.mouseClick(note.ui.buttons.button(note.ui.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(client, qtbot)
    assert note.isVisible() and "주민등록번호" in note.error_text("text")
    note.ui.textEdit.setPlainText("민원인과 통화함")
    QTest.mouseClick(note.ui.buttons.button(note.ui.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(client, qtbot)
    assert window.case_actions.dialog is None  # recorded and closed
    with transaction(_store(client)) as session:
        [entry] = [e.event for e in outbox.pending_batch(session, 50) if e.event.case_id == case_id]
    assert entry.type is EventType.NOTE_ADDED and entry.payload == {"text": "민원인과 통화함"}


def find_case(
    path: Path, status: str, *, proposal: bool = False, department: str | None = None
) -> tuple[str, str | None]:
    engine = make_engine(f"sqlite:///{path}")
    try:
        with make_sessionmaker(engine)() as session:
            where = [
                CaseRow.status == status,
                (CaseRow.kind == "proposal") if proposal else (CaseRow.kind != "proposal"),
            ]
            where.append(CaseRow.clock_stopped_at.is_(None))
            if department:
                where.append(CaseRow.department_code == department)
            row = session.execute(
                select(CaseRow.id, CaseRow.department_code)
                .where(*where)
                .order_by(CaseRow.received_at.desc())
                .limit(1)
            ).one()
            return str(row[0]), row[1]
    finally:
        engine.dispose()


def _choose(combo: Any, code: str) -> None:
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


def _merge(dialog: Any, client: Client, qtbot: Any) -> None:
    engine = make_engine(f"sqlite:///{client.store.path}")
    with make_sessionmaker(engine)() as session:
        receipt = session.execute(select(CaseRow.receipt_no).where(CaseRow.id != client.window.ui.casePanel.data.view.id, CaseRow.status == "answered").limit(1)).scalar_one()  # fmt: skip
    engine.dispose()
    dialog.ui.receiptEdit.setText(receipt)
    dialog.ui.receiptEdit.editingFinished.emit()
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=10_000)
    assert receipt in dialog.ui.foundValue.text()


# (type, user ("{department}1" for a department's officer), status, proposal, fill the dialog, what the payload says)
EACH = [
    (EventType.ROUTED, "clerk01", "received", False, lambda d, c, q: _choose(d.ui.departmentCombo, "road"), {"department_code": "road"}),
    (EventType.ASSIGNED, "{}1", "in_progress", False, lambda d, c, q: d.ui.officerCombo.setCurrentIndex(1), {}),
    (EventType.RETURNED, "{}1", "routed", False, lambda d, c, q: d.ui.textEdit.setPlainText("소관이 아닙니다"), {"reason": "소관이 아닙니다"}),
    (EventType.TRANSFERRED, "{}1", "in_progress", False, lambda d, c, q: (d.ui.toAgencyRadio.setChecked(True), d.ui.agencyEdit.setText("한빛시청 도로과"), d.ui.reasonEdit.setPlainText("시 관리 도로")), {"target": "agency", "agency": "한빛시청 도로과"}),
    (EventType.CONTACT_LOGGED, "{}1", "in_progress", False, lambda d, c, q: (_choose(d.ui.methodCombo, "phone"), d.ui.summaryEdit.setPlainText("현장 방문 일정 안내")), {"method": "phone", "summary": "현장 방문 일정 안내"}),
    (EventType.CLOSED, "{}1", "answered", False, lambda d, c, q: _choose(d.ui.reasonCombo, "answered"), {"reason": "answered"}),
    (EventType.REOPENED, "supervisor1", "answered", False, lambda d, c, q: d.ui.textEdit.setPlainText("답변 보완 필요"), {"reason": "답변 보완 필요"}),
    (EventType.WITHDRAWN, "clerk01", "received", False, lambda d, c, q: None, {}),
    (EventType.MERGED, "clerk01", "received", False, _merge, {}),
    (EventType.DECIDED, "{}1", "under_review", True, lambda d, c, q: (d.ui.adoptedRadio.setChecked(True), d.ui.reasonsEdit.setPlainText("예산 반영")), {"decision": "adopted", "reasons": "예산 반영"}),
    (EventType.SATISFACTION_RECORDED, "agent06", "answered", False, lambda d, c, q: d.ui.scoreSpin.setValue(4), {"score": 4}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("event_type", "user", "status", "proposal", "fill", "says"), EACH, ids=[str(e[0]) for e in EACH]
)
def test_each_action_is_recorded_with_what_its_dialog_asked(
    fresh_store: Path, guard: GuiThreadGuard, qtbot: Any, event_type: EventType, user: str, status: str,
    proposal: bool, fill: Any, says: dict[str, Any],
) -> None:  # fmt: skip
    officer = user == "{}1"
    case_id, department = find_case(
        fresh_store, status, proposal=proposal, department=None if proposal or not officer else "road"
    )
    client = open_client(fresh_store, guard, qtbot, user=user.format(department))
    try:
        show(client, qtbot, case_id)
        assert event_type in buttons(client)
        client.window.case_actions.open(event_type)
        qtbot.waitUntil(lambda: client.window.case_actions.dialog is not None, timeout=10_000)
        dialog = client.window.case_actions.dialog
        fill(dialog, client, qtbot)
        _ok = dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Ok)
        QTest.mouseClick(_ok, Qt.MouseButton.LeftButton)
        settle(client, qtbot)
        assert client.window.case_actions.dialog is None, dialog.error_text("form") or [
            dialog.error_text(n) for n in dialog._errors
        ]
        with transaction(_store(client)) as session:
            [entry] = [e.event for e in outbox.pending_batch(session, 50) if e.event.case_id == case_id]
        assert entry.type is event_type and says.items() <= dict(entry.payload).items()
        if event_type is EventType.MERGED:
            assert entry.payload["into_case_id"] != case_id and entry.payload["into_receipt_no"]
        if event_type is EventType.ASSIGNED:
            assert entry.payload["staff_id"]
        if event_type in (EventType.ROUTED, EventType.TRANSFERRED):
            assert entry.payload["transfer_due_at"] > entry.occurred_at.isoformat()[:10]
    finally:
        client.close()
    assert guard.offences == []


def test_stopping_and_resuming_the_clock_gives_the_new_due_date_the_law_computes(
    client: Client, qtbot: Any
) -> None:
    case_id = a_case(client.store.path, "in_progress", "road")
    show(client, qtbot, case_id)
    assert EventType.CLOCK_RESUMED not in buttons(client)
    before = client.window.ui.casePanel.data.state.due_at
    client.window.case_actions.open(EventType.CLOCK_STOPPED)
    stop = _dialog(client, qtbot, dialogs.ClockStopDialog)
    _choose(stop.ui.reasonCombo, "supplement")
    QTest.mouseClick(stop.ui.buttons.button(stop.ui.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(client, qtbot)
    shown = buttons(client)
    assert EventType.CLOCK_RESUMED in shown and EventType.CLOCK_STOPPED not in shown
    assert client.window.ui.casePanel.ui.remainingValue.text() == "처리기간 정지 중"
    client.window.case_actions.open(EventType.CLOCK_RESUMED)
    resume = _dialog(client, qtbot, dialogs.ClockResumeDialog)
    assert "보완 요청" in resume.ui.stoppedValue.text()
    QTest.mouseClick(resume.ui.buttons.button(resume.ui.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(client, qtbot)
    with transaction(_store(client)) as session:
        entries = [e.event for e in outbox.pending_batch(session, 50) if e.event.case_id == case_id]
        state = load_case(session, case_id)
    assert [e.type for e in entries] == [EventType.CLOCK_STOPPED, EventType.CLOCK_RESUMED]
    assert entries[0].payload == {"reason": "supplement"}
    assert state is not None and state.clock_stopped_at is None
    assert state.due_at == datetime.fromisoformat(entries[1].payload["new_due_at"]) >= before
