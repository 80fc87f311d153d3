"""The citizens' pages in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright for
Python; never `playwright install`), against a real server process: at a phone's width a citizen files a
complaint with a photo (after a PDF named .jpg is refused and the form keeps what was typed), reads the
receipt number, looks it up with the four digits, and, once an officer's answer has been pushed through the
sync API, reads the answer; then the same pages at a desktop's width. No page may log an error (a refused
script or style under the Content-Security-Policy would). Screenshots go to tests/artifacts/citizen/ (the
path is printed) for people to look at."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .citizen_support import Citizen, answer, decide, pdf_bytes, png_bytes, receipt_number
from .conftest import REPO, LiveServer, Team, make_team

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--lang=ko-KR",
]
ARTIFACTS = REPO / "tests" / "artifacts" / "citizen"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
ANSWER = "가로등 전구를 12월 3일에 교체했습니다.\n<b>불편을 드려 죄송합니다.</b> 다시 꺼지면 알려 주세요."

pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed (dev.sh installs it)"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def artifacts() -> Path:
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    print(f"\nscreenshots of the citizens' pages: {ARTIFACTS}")
    return ARTIFACTS


def _office(team: Team) -> None:
    with team.client("admin") as admin:
        saved = admin.put(
            "/admin/office",
            json={
                "name": "서울특별시 한빛구청",
                "address": "서울특별시 한빛구 한빛로 1",
                "phone": "02-2100-1234",
                "head_title": "서울특별시 한빛구청장",
                "status_url_base": f"{team.server.base_url}/status",
            },
        )
        assert saved.status_code == 200, saved.text


def _proposals(server: LiveServer, team: Team) -> None:
    """Three proposals for the public list: one published and adopted, one private and not adopted, one
    published and still under review."""
    citizen = Citizen(server)
    for title, body, public, decision, reasons in (
        (
            "공공자전거 대여소를 역 앞에 더 놓아 주세요",
            "한빛역 2번 출구 앞 대여소는 출근 시간마다 자전거가 모자랍니다.\n맞은편 공원 입구에도 대여소가 있으면 좋겠습니다.",
            "yes",
            "adopted",
            "내년 상반기에 한빛역 주변에 대여소 두 곳을 더 놓겠습니다. 좋은 제안 고맙습니다.",
        ),
        (
            "민원실 운영시간을 저녁 8시까지 늘려 주세요",
            "퇴근 뒤에도 서류를 뗄 수 있게 해 주세요.",
            "no",
            "not_adopted",
            "인력 사정으로 어렵습니다.",
        ),
        (
            "어린이 보호구역에 노란 발자국을 그려 주세요",
            "한빛초등학교 앞 횡단보도에 대기 위치 표시가 없습니다.",
            "yes",
            None,
            "",
        ),
    ):
        filed = citizen.file("/minwon/proposal", title=title, body=body, public=public)
        decide(team, receipt_number(filed.text), decision, reasons)
    citizen.close()


def _page(browser: Any, viewport: dict[str, int], errors: list[str]) -> Any:
    context = browser.new_context(
        viewport=viewport, locale="ko-KR", is_mobile=viewport is PHONE, has_touch=viewport is PHONE
    )
    page = context.new_page()
    # A refused form is answered 400 and a failed lookup 404 on purpose (Chromium logs those documents'
    # statuses as errors); anything else logged as an error (a script or style the CSP refused, a failing
    # script), and any sub-resource that does not load, is counted.
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and not message.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "response",
        lambda response: (
            errors.append(f"{response.status} {response.url}")
            if response.request.resource_type != "document" and response.status >= 400
            else None
        ),
    )
    return page


def _shot(page: Any, folder: Path, name: str) -> None:
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def _fill(page: Any, *, title: str) -> None:
    page.get_by_label("불편·고충").check()
    page.fill("#title", title)
    page.fill(
        "#body",
        "한빛로 123 앞 가로등이 사흘째 꺼져 있습니다. 밤에 지나다니기 무섭습니다. <script>alert(1)</script>",
    )
    page.fill("#place", "한빛로 123 앞 버스정류장")
    page.fill("#name", "홍길동")
    page.fill("#phone", "010-2345-6789")
    page.fill("#email", "hong@example.kr")
    page.get_by_label("이 누리집에서 확인", exact=False).check()
    page.locator("input[name=consent]").check()


def test_a_citizen_files_checks_and_reads_the_answer_on_a_phone_and_a_desktop(
    browser: Any, artifacts: Path, live_server_factory: Callable[..., LiveServer], tmp_path: Path
) -> None:
    live_server = live_server_factory()  # SQLite: the pages' behaviour on PostgreSQL is test_citizen_pages'
    team = make_team(live_server)
    _office(team)
    _proposals(live_server, team)
    photo = tmp_path / "가로등 사진.png"
    photo.write_bytes(png_bytes((800, 600)))
    disguised = tmp_path / "가로등 사진.jpg"
    disguised.write_bytes(pdf_bytes())
    errors: list[str] = []
    receipts: dict[str, str] = {}
    for size, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = _page(browser, viewport, errors)
        page.goto(live_server.base_url + "/minwon/")
        assert page.locator("header .office").inner_text() == "서울특별시 한빛구청"
        _shot(page, artifacts, f"{size}-1-home")
        page.get_by_role("link", name="민원 신청").first.click()
        page.wait_for_url("**/minwon/complaint")
        title = f"가로등이 꺼져 있어요 ({size})"
        _fill(page, title=title)
        page.set_input_files("#files", str(disguised))
        assert "가로등 사진.jpg" in page.locator("#file-list").inner_text()
        page.get_by_role("button", name="신청하기").click()
        page.wait_for_load_state()
        notice = page.locator(".notice.is-error").inner_text()
        assert "내용이 이름과 다른 파일은 받을 수 없습니다" in notice, notice
        assert page.input_value("#title") == title  # kept
        assert "<script>alert(1)</script>" in page.input_value("#body")
        assert page.locator("input[name=consent]").is_checked()
        assert page.locator(".warn").inner_text().startswith("고르셨던 파일은")
        _shot(page, artifacts, f"{size}-2-refused-file")

        page.set_input_files("#files", str(photo))
        page.get_by_role("button", name="신청하기").click()
        page.wait_for_selector("#receipt-no")
        receipt_no = page.locator("#receipt-no").inner_text().strip()
        assert receipt_no.split("-")[1] == "W01"
        assert "까지" in page.locator("#due").inner_text()
        assert "가로등 사진.png" in page.locator(".receipt").inner_text()
        receipts[size] = receipt_no
        _shot(page, artifacts, f"{size}-3-receipt")

        page.get_by_role("link", name="처리 상황 조회하기").click()
        assert page.input_value("#receipt_no") == receipt_no  # filled in; the digits are still asked
        page.fill("#last4", "0000")
        page.get_by_role("button", name="조회하기").click()
        page.wait_for_load_state()
        assert "찾지 못했습니다" in page.locator(".notice").inner_text()
        page.fill("#last4", "6789")
        page.get_by_role("button", name="조회하기").click()
        page.wait_for_selector("#status-words")
        assert "담당 부서를 정하고 있습니다" in page.locator("#status-words").inner_text()
        assert page.locator("h1").inner_text() == title
        _shot(page, artifacts, f"{size}-4-status-received")

        answer(team, receipt_no, ANSWER)
        page.goto(f"{live_server.base_url}/status/{receipt_no}")  # the receipt's QR code
        assert page.input_value("#receipt_no") == receipt_no
        _shot(page, artifacts, f"{size}-5-lookup-from-qr")
        page.fill("#last4", "6789")
        page.get_by_role("button", name="조회하기").click()
        page.wait_for_selector("#answer-text")
        shown = page.locator("#answer-text").inner_text()
        assert "가로등 전구를 12월 3일에 교체했습니다." in shown
        assert "<b>불편을 드려 죄송합니다.</b>" in shown  # the officer's markup shown as text
        assert page.locator("#answer-text b").count() == 0
        assert "답변을 드렸습니다" in page.locator("#status-words").inner_text()
        assert "도로과" in page.locator(".status-box").inner_text()
        _shot(page, artifacts, f"{size}-6-answer")

        page.goto(live_server.base_url + "/minwon/proposal")
        _shot(page, artifacts, f"{size}-7-proposal-form")
        page.goto(live_server.base_url + "/minwon/proposals")
        page.get_by_text("내용과 심사 이유 보기").click()
        assert "대여소 두 곳을 더 놓겠습니다" in page.locator(".proposals").inner_text()
        assert "인력 사정으로" not in page.locator(".proposals").inner_text()  # private: title and decision
        _shot(page, artifacts, f"{size}-8-proposals")
        page.context.close()
    assert receipts["phone"] != receipts["desktop"]
    assert errors == []
    assert sorted(p.name for p in artifacts.glob("*.png")) == sorted(
        f"{size}-{step}.png"
        for size in ("phone", "desktop")
        for step in (
            "1-home",
            "2-refused-file",
            "3-receipt",
            "4-status-received",
            "5-lookup-from-qr",
            "6-answer",
            "7-proposal-form",
            "8-proposals",
        )
    )
