"""The issuing office is a setting of the server: the administrator sets it, every desktop pulls it as
reference data, every document prints it, and the QR code on a receipt leads to the office's public status
address, which the server answers (until the citizens' status page exists, with a page saying where to ask)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
from documents_support import NOW, make_samples, pdf_text

from complaints_desk.documents import notices
from complaints_desk.documents.receipt import ReceiptOptions, build_receipt_pdf
from complaints_desk.store import reports
from complaints_desk.store.db import make_engine, make_sessionmaker, migrate, sqlite_url, transaction
from complaints_desk.store.local.reference_pull import ReferenceRecord, upsert_reference

from .conftest import REPO, Team


def _settings(server_url: str) -> dict[str, str]:
    return {
        "name": "경기도 새빛시청",
        "address": "경기도 새빛시 새빛대로 1",
        "phone": "031-555-1200",
        "head_title": "경기도 새빛시장",
        "status_url_base": f"{server_url}/status",
    }


def _qr_payloads(pdf: bytes, tmp_path: Path) -> list[str]:
    from PIL import Image
    from pyzbar.pyzbar import decode

    (tmp_path / "r.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(tmp_path / "r.pdf"), str(tmp_path / "r")],
        check=True,
        timeout=60,
    )
    return [s.data.decode() for s in decode(Image.open(tmp_path / "r.png")) if s.type == "QRCODE"]


def test_office_settings_reach_a_desktop_and_every_document(shared_team: Team, tmp_path: Path) -> None:
    server = shared_team.server
    settings = _settings(server.base_url)
    with shared_team.client("admin") as admin:
        refused = admin.put("/admin/office", json={"status_url_base": "minwon dot go dot kr"})
        assert refused.status_code == 400 and "https://" in refused.json()["message_ko"]
        saved = admin.put("/admin/office", json=settings)
        assert saved.status_code == 200, saved.text
        assert admin.get("/admin/office").json()["status_url_base"] == f"{server.base_url}/status/"
    with shared_team.client("officer") as officer:
        pulled = officer.get("/sync/pull", params={"after": 0, "limit": 5000}).json()
    office_rows = [r for r in pulled["reference"] if r["table"] == "office_settings"]
    assert [r["record"]["name"] for r in office_rows] == ["경기도 새빛시청"]

    # A desktop's store (the documents' sample office, with the demo's settings) takes the server's.
    engine = make_engine(sqlite_url(tmp_path / "desk.sqlite3"))
    migrate(engine)
    factory = make_sessionmaker(engine)
    people, cases = make_samples(factory)
    from complaints_desk.store.demo.samples import intake

    with transaction(factory) as session:
        upsert_reference(session, [ReferenceRecord(r["seq"], r["table"], r["record"]) for r in office_rows])
        unrouted = intake(session, people, NOW, department=None, category=None, title="민원 분류 전 접수")
    with transaction(factory) as session:
        office = reports.office_info(session)
        receipt = reports.receipt_facts(session, unrouted.receipt_no)
        result = reports.result_notice(session, cases["rejected"].id)
        progress = reports.progress_notice(session, cases["progress"].id, as_of=NOW)
    assert office.name == "경기도 새빛시청" and office.signature == "경기도 새빛시장"

    typed = f"127.0.0.1:{server.port}/status/{unrouted.receipt_no}"  # as printed: no scheme to type
    for paper in ("a4", "thermal"):
        pdf = build_receipt_pdf(receipt, office, ReceiptOptions(paper=paper, issued_at=NOW))
        text = " ".join(pdf_text(pdf).split())
        for expected in ("경기도 새빛시청", "031-555-1200", "배정 예정", typed):
            assert expected in text, (paper, expected)
        assert "이송" not in text and "민원데스크" not in text
        assert _qr_payloads(pdf, tmp_path) == [f"{server.base_url}/status/{unrouted.receipt_no}"]
    for pdf in (
        notices.build_result_notice(result, office, issued_at=NOW),
        notices.build_progress_notice(progress, office, issued_at=NOW),
    ):
        text = " ".join(pdf_text(pdf).split())
        for expected in ("경기도 새빛시청", "경기도 새빛시 새빛대로 1", "031-555-1200", "경기도 새빛시장"):
            assert expected in text, expected
        assert "/status/" in text and "민원데스크" not in text

    # The QR code's address answers: a page in the office's name that says where to ask.
    page = httpx.get(_qr_payloads(build_receipt_pdf(receipt, office), tmp_path)[0], timeout=30)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert unrouted.receipt_no in page.text and "경기도 새빛시청" in page.text and "031-555-1200" in page.text
    wrong = httpx.get(f"{server.base_url}/status/not-a-number", timeout=30)
    assert wrong.status_code == 404 and "접수번호 형식이 아닙니다" in wrong.text


def test_the_office_command_sets_and_shows_the_settings(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    base = [sys.executable, "-m", "complaints_desk.cli", "admin", "office", "--database-url", url]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*base, *args], capture_output=True, text=True, cwd=REPO, timeout=120)

    done = run(
        "--name", "경기도 새빛시청", "--phone", "031-555-1200", "--status-url", "https://minwon.saebit.example/s"
    )
    assert done.returncode == 0, done.stderr
    shown: Any = run()
    assert shown.returncode == 0
    assert '"name": "경기도 새빛시청"' in shown.stdout
    assert '"status_url_base": "https://minwon.saebit.example/s/"' in shown.stdout
    refused = run("--status-url", "not a url")
    assert refused.returncode == 2 and "https://" in refused.stderr
