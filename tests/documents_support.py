"""Helpers for the documents' tests: a small known store, PDF text, and PNG renders for people to look at
(out/documents/, git-ignored)."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdf

SEOUL = ZoneInfo("Asia/Seoul")
NOW = datetime(2026, 11, 22, 14, 5, tzinfo=SEOUL)  # a Sunday: the receipt must say (일)
OUT = Path(__file__).resolve().parents[1] / "out" / "documents"


def pdf_pages(data: bytes) -> list[str]:
    import io

    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_pages(data))


def render(data: bytes, name: str, dpi: int = 110) -> list[Path]:
    """Write ``name``.pdf and one PNG per page under out/documents/ (pdftoppm, poppler-utils)."""
    OUT.mkdir(parents=True, exist_ok=True)
    pdf = OUT / f"{name}.pdf"
    pdf.write_bytes(data)
    for old in OUT.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(OUT / name)], check=True, timeout=60)
    return sorted(OUT.glob(f"{name}-*.png"))


def make_samples(factory):  # type: ignore[no-untyped-def]
    from complaints_desk.store.db import transaction
    from complaints_desk.store.demo import samples

    with transaction(factory) as session:
        office = samples.seed_office(session)
        cases = samples.sample_cases(session, office, NOW)
    return office, cases
