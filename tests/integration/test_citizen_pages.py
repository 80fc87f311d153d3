"""The citizens' web pages against a real server process, on SQLite and PostgreSQL: a filing with its
attachments becomes a W01 case whose received event names them and whose bytes staff fetch (officers only
for their own department's cases); what a citizen typed is shown as text; every form is refused without its
CSRF token or from another site; a file whose content is not what its name says is refused and the form
keeps what was typed; bodies over the limit get 413; lookups answer the same "not found" for a number that
does not exist and for wrong digits; filings and lookups are rate-limited per address; the public list of
proposals respects the proposer's 공개 여부."""

from __future__ import annotations

import hashlib
import socket
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from complaints_desk.sync.transport import ServerRefused, Transport

from .citizen_support import (
    COMPLAINT,
    Citizen,
    decide,
    field_value,
    jpeg_bytes,
    notice_text,
    pdf_bytes,
    png_bytes,
    pulled_events,
    receipt_number,
    received_event,
)
from .conftest import DEPARTMENT, LiveServer, Team, push, wire_event, wire_received

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


_pull = pulled_events
_received = received_event


def test_a_filing_with_attachments_reaches_staff_who_fetch_the_bytes(live_server: LiveServer, team: Team) -> None:
    citizen = Citizen(live_server)
    photo, plan = jpeg_bytes(), pdf_bytes()
    filed = citizen.file(
        files=[("포트홀 사진.jpg", photo, "image/jpeg"), ("도면.pdf", plan, "application/octet-stream")],
        title=f"가로등 {HOSTILE}",
        body=f"내용에 태그 {HOSTILE} 가 있습니다.",
    )
    assert filed.status_code == 200, notice_text(filed.text)
    receipt_no = receipt_number(filed.text)
    assert receipt_no.split("-")[1] == "W01"
    assert "처리기한" in filed.text and "까지" in filed.text
    assert f"/minwon/status?no={receipt_no}" in filed.text
    assert "<script>alert" not in filed.text and "&lt;script&gt;alert" in filed.text
    assert "포트홀 사진.jpg" in filed.text

    received = _received(team, receipt_no)
    attachments = received["payload"]["attachments"]
    assert [(a["name"], a["content_type"], a["size"]) for a in attachments] == [
        ("포트홀 사진.jpg", "image/jpeg", len(photo)),
        ("도면.pdf", "application/pdf", len(plan)),
    ]
    assert attachments[0]["sha256"] == hashlib.sha256(photo).hexdigest()
    assert received["payload"]["title"] == f"가로등 {HOSTILE}"  # stored as typed: text, not markup
    case_id = received["case_id"]
    photo_url = f"/cases/{case_id}/attachments/{attachments[0]['id']}"

    with team.client("agent") as agent:
        fetched = agent.get(photo_url)
        assert fetched.status_code == 200 and fetched.content == photo
        assert fetched.headers["content-type"] == "image/jpeg"
        assert fetched.headers["x-content-type-options"] == "nosniff"
        assert "attachment" in fetched.headers["content-disposition"]
        assert agent.get(f"/cases/{case_id}/attachments/{'0' * 8}-0000-7000-8000-{'0' * 12}").status_code == 404
    assert httpx.get(live_server.api + photo_url, timeout=30).status_code == 401
    with team.client("officer") as officer:  # not routed yet: no department's officer sees it
        assert officer.get(photo_url).status_code == 403
    with team.client("agent") as agent:
        routed = wire_event(team, "agent", "routed", case_id, {"department_code": DEPARTMENT}, base_version=1)
        assert push(agent, [routed])[0]["status"] == "accepted"
    with team.client("officer") as officer:
        assert officer.get(photo_url).content == photo
    desk = Transport(live_server.base_url, token=lambda: team.tokens["officer"])  # what a desktop calls
    assert desk.attachment(case_id, attachments[1]["id"], sha256=attachments[1]["sha256"]) == plan
    with pytest.raises(ServerRefused):
        desk.attachment(case_id, attachments[1]["id"], sha256="0" * 64)
    desk.close()
    viewed = [e for e in _pull(team) if e["type"] == "details_viewed" and e["case_id"] == case_id]
    assert [(e["actor_id"], e["payload"]["attachment_id"]) for e in viewed] == [
        (team.staff["officer"]["id"], attachments[0]["id"]),
        (team.staff["officer"]["id"], attachments[1]["id"]),
        (team.staff["officer"]["id"], attachments[1]["id"]),
    ]  # the officer's look is on the record; the agent's is not (agents see petitioners in full anyway)
    with team.client("other_officer") as other:
        refused = other.get(photo_url)
        assert refused.status_code == 403 and "첨부파일" in refused.json()["message_ko"]

    # The citizen reads it back with the four digits; the title is text there too.
    found = citizen.lookup(receipt_no, "6789")
    assert found.status_code == 200
    assert "&lt;script&gt;alert" in found.text and "<script>alert" not in found.text
    assert "담당 부서로 넘겨졌습니다" in found.text and "도로과" in found.text
    citizen.close()


def test_a_pushed_intake_may_not_name_attachments_the_server_does_not_hold(
    live_server: LiveServer, team: Team
) -> None:
    ghost = {
        "id": "01890000-0000-7000-8000-000000000001",
        "name": "a.png",
        "content_type": "image/png",
        "size": 3,
        "sha256": "a" * 64,
    }
    with team.client("agent") as agent:
        refused = push(agent, [wire_received(team, attachments=[ghost])])[0]
        assert refused["status"] == "rejected" and refused["reason"] == "unknown_attachment", refused
        malformed = agent.post("/sync/push", json={"events": [wire_received(team, attachments=[{"id": "x"}])]})
        assert malformed.status_code in (400, 422) or malformed.json()["results"][0]["status"] == "rejected"


def test_forms_without_their_token_or_from_another_site_are_refused(live_server: LiveServer, team: Team) -> None:
    citizen = Citizen(live_server)
    hidden = citizen.form()
    no_token = citizen.file(hidden={"form_id": hidden["form_id"]}, title="토큰 없는 신청")
    assert no_token.status_code == 403 and "보안 확인" in notice_text(no_token.text)
    assert field_value(no_token.text, "title") == "토큰 없는 신청"  # kept

    wrong = citizen.file(hidden={**hidden, "csrf_token": "A" * 43}, title="틀린 토큰")
    assert wrong.status_code == 403

    elsewhere = citizen.file(hidden=hidden, headers={"Origin": "https://evil.example"}, title="다른 사이트")
    assert elsewhere.status_code == 403

    stranger = httpx.post(  # a forged form from a page that never had our cookie
        live_server.base_url + "/minwon/complaint",
        data={**COMPLAINT, "csrf_token": hidden["csrf_token"]},
        timeout=30,
    )
    assert stranger.status_code == 403

    lookup = citizen.lookup("20261201-W01-0001", "1234", token="B" * 43)
    assert lookup.status_code == 403
    assert [e for e in _pull(team) if e["type"] == "received"] == []  # nothing was filed

    page = citizen.client.get("/minwon/complaint")
    policy = page.headers["content-security-policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"):
        assert directive in policy
    assert "unsafe-inline" not in policy and "http" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in page.text and " style=" not in page.text  # no inline script or style
    cookie = httpx.get(live_server.base_url + "/minwon/status", timeout=30).headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    citizen.close()


def test_a_file_whose_content_is_not_its_name_is_refused_and_the_form_keeps_what_was_typed(
    live_server: LiveServer, team: Team
) -> None:
    citizen = Citizen(live_server)
    cases = [
        ("영수증.jpg", pdf_bytes(), "이름은 JPG 사진이지만 내용은 PDF 문서입니다"),
        ("민원서류.pdf", png_bytes(), "이름은 PDF 문서이지만 내용은 PNG 그림입니다"),
        ("setup.exe", b"MZ\x90\x00" + b"\x00" * 100, "PDF 파일만 첨부할 수 있습니다"),
        ("사진.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "그림 파일이 손상되었거나"),
        ("잘린 문서.pdf", pdf_bytes()[:-200], "PDF 파일이 손상되었거나"),
        ("큰 사진.jpg", b"\xff\xd8\xff" + b"\x00" * (10 * 1024 * 1024), "10.0MB보다 큽니다"),
    ]
    for name, content, message in cases:
        refused = citizen.file(
            files=[(name, content, "image/jpeg")],
            title="첨부가 잘못된 신청",
            body="내용은 <b>그대로</b> 남아야 합니다.",
        )
        assert refused.status_code == 400, name
        assert message in refused.text, (name, notice_text(refused.text))
        assert field_value(refused.text, "title") == "첨부가 잘못된 신청"
        assert field_value(refused.text, "body") == "내용은 <b>그대로</b> 남아야 합니다."
        assert "&lt;b&gt;그대로" in refused.text
        assert "다시 골라 주세요" in refused.text  # the files must be chosen again
    too_many = citizen.file(files=[(f"{n}.png", png_bytes(), "image/png") for n in range(5)])
    assert too_many.status_code == 400 and "4개까지" in too_many.text

    missing = citizen.file(title="", phone="123", reply="sms", consent="no")
    assert missing.status_code == 400
    for expected in ("제목을 입력해 주세요", "전화번호 형식이 올바르지 않습니다", "동의하셔야"):
        assert expected in missing.text
    assert [e for e in _pull(team) if e["type"] == "received"] == []
    citizen.close()


def test_a_body_over_the_form_limit_is_answered_413(live_server: LiveServer) -> None:
    """Declared larger than the limit (45 MB): refused before a byte of it is read, with a page in Korean."""
    with socket.create_connection(("127.0.0.1", live_server.port), timeout=30) as sock:
        sock.sendall(
            b"POST /minwon/complaint HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 60000000\r\n\r\n"
        )
        received = b""
        while chunk := sock.recv(65536):  # headers and the page may come in separate packets; the server closes
            received += chunk
        answer = received.decode("utf-8", "replace")
    assert answer.startswith("HTTP/1.1 413")
    assert "text/html" in answer and "너무 큽니다" in answer
    with httpx.Client(base_url=live_server.base_url, timeout=60) as client:  # the sync routes keep theirs
        assert client.post("/api/v1/sync/push", content=b"x" * (3 * 1024 * 1024)).status_code == 413


def test_lookups_say_the_same_for_a_missing_number_and_wrong_digits(live_server: LiveServer, team: Team) -> None:
    citizen = Citizen(live_server)
    receipt_no = receipt_number(citizen.file().text)
    missing_no = receipt_no[:-4] + "9999"
    answers = [citizen.lookup(missing_no, "6789"), citizen.lookup(receipt_no, "1111")]
    assert [a.status_code for a in answers] == [404, 404]
    assert notice_text(answers[0].text) == notice_text(answers[1].text) != ""
    assert citizen.lookup(receipt_no, "67").status_code == 400  # not four digits: said so, nothing looked up
    assert citizen.lookup("12345", "6789").status_code == 400

    found = citizen.lookup(receipt_no, "6789")
    assert found.status_code == 200 and COMPLAINT["title"] in found.text
    assert "접수되어 담당 부서를 정하고 있습니다" in found.text

    # The receipt's QR: the number filled in, the digits still asked for; a malformed number says so.
    qr = citizen.client.get(f"/status/{receipt_no}")
    assert qr.status_code == 200 and field_value(qr.text, "receipt_no") == receipt_no
    assert 'name="last4"' in qr.text and COMPLAINT["title"] not in qr.text
    assert citizen.client.get("/status/not-a-number").status_code == 404
    citizen.close()


def test_filings_and_lookups_are_rate_limited_per_address(
    live_server_factory: Callable[..., LiveServer], server_db_url: str, tmp_path: Path
) -> None:
    settings = tmp_path / "channels.toml"
    settings.write_text(
        "[web]\nfiling_burst = 2\nfiling_refill_seconds = 3600\nlookup_burst = 3\nlookup_refill_seconds = 3600\n"
        "wrong_lookup_burst = 100\n",
        encoding="utf-8",
    )
    server = live_server_factory(server_db_url, "--channels", str(settings))
    citizen = Citizen(server)
    first_form = citizen.form()
    first, second = citizen.file(hidden=first_form, title="첫째"), citizen.file(title="둘째")
    assert [first.status_code, second.status_code] == [200, 200]
    third = citizen.file(title="셋째 신청")
    assert third.status_code == 429 and int(third.headers["retry-after"]) > 0
    assert "잠시 받지 않습니다" in notice_text(third.text) and field_value(third.text, "title") == "셋째 신청"
    receipt_no = receipt_number(first.text)
    again = citizen.file(hidden=first_form, title="첫째")  # a reload of a filed form: its receipt, no token taken
    assert again.status_code == 200 and receipt_number(again.text) == receipt_no

    statuses = [citizen.lookup(receipt_no, "0000").status_code for _ in range(3)]
    assert statuses == [404, 404, 404]
    limited = citizen.lookup(receipt_no, "6789")  # even the right digits wait now
    assert limited.status_code == 429 and "조회가 너무 잦아" in limited.text
    citizen.close()


def test_the_same_form_sent_twice_files_one_case(live_server: LiveServer, team: Team) -> None:
    citizen = Citizen(live_server)
    hidden = citizen.form()
    once = citizen.file(hidden=hidden, files=[("a.png", png_bytes(), "image/png")])
    twice = citizen.file(hidden=hidden, files=[("a.png", png_bytes(), "image/png")])
    assert receipt_number(once.text) == receipt_number(twice.text)
    assert len([e for e in _pull(team) if e["type"] == "received"]) == 1
    citizen.close()


def test_the_public_list_of_proposals_respects_the_proposers_choice(live_server: LiveServer, team: Team) -> None:
    citizen = Citizen(live_server)
    public = citizen.file(
        "/minwon/proposal",
        title="공공자전거 대여소를 늘려 주세요",
        body="역 앞에 대여소가 <i>하나</i>뿐입니다.",
        public="yes",
    )
    private = citizen.file(
        "/minwon/proposal", title="민원실 운영시간 연장", body="퇴근 뒤에도 갈 수 있게 해 주세요.", public="no"
    )
    unchosen = citizen.file("/minwon/proposal", title="공개 여부 미선택", public="")
    assert [public.status_code, private.status_code, unchosen.status_code] == [200, 200, 400]
    assert "공개 여부를 골라 주세요" in unchosen.text

    for receipt, decision, reasons in (
        (receipt_number(public.text), "adopted", "내년 예산에 반영해 대여소 3곳을 늘립니다."),
        (receipt_number(private.text), "not_adopted", "인력 사정으로 당장은 어렵습니다."),
    ):
        assert _received(team, receipt)["payload"]["public"] is (decision == "adopted")
        decide(team, receipt, decision, reasons)

    listing = citizen.client.get("/minwon/proposals")
    assert listing.status_code == 200
    text = listing.text
    assert "공공자전거 대여소를 늘려 주세요" in text and "민원실 운영시간 연장" in text
    assert "역 앞에 대여소가 &lt;i&gt;하나&lt;/i&gt;뿐입니다." in text and "내년 예산에 반영해" in text
    assert "퇴근 뒤에도" not in text and "인력 사정으로" not in text  # private: title and decision only
    assert "채택" in text and "불채택" in text and "내용 비공개를 요청했습니다" in text
    assert "홍길동" not in text and "010-2345-6789" not in text
    answer = citizen.lookup(receipt_number(private.text), "6789")
    assert "불채택" in answer.text and "인력 사정으로" in answer.text  # the proposer reads the reasons
    citizen.close()
