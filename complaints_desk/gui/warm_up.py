"""What the first intake of the day would otherwise pay, paid once on a thread of its own after the window is
up: the Korean holidays its deadline counts (the holidays package imports some 280 modules on first use), the
phone number package that reads a number typed as digits, reportlab with the Hangul faces parsed (half a second
or more) and one receipt of each paper built and thrown away, and the counter form's receipt preview with
QtPdf. Without it the first intake's receipt number waited about half a second,
and its PDF most of a second more.

Nothing here touches the database or a widget: it imports, parses and builds in memory.
"""

from __future__ import annotations

import gc
import logging
import threading
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..domain.report_data import ReceiptFacts

log = logging.getLogger(__name__)

_started: list[threading.Thread] = []


def warm_up_in_background() -> threading.Thread:
    """Start the warm-up (once per process) on a daemon thread; the thread, for whoever wants to wait."""
    if not _started:
        thread = threading.Thread(target=warm_up, name="warm-up", daemon=True)
        _started.append(thread)
        thread.start()
    return _started[0]


def warm_up() -> None:
    # No garbage collection while it runs: its imports and parsed fonts (some 140,000 objects) would otherwise
    # set off a full pass over them, ~22 ms with every thread waiting (a clerk's first queue switch among them),
    # though they are all alive but about twenty. They are frozen at the end instead (below).
    collecting = gc.isenabled()
    gc.disable()
    try:
        _warm(now=datetime.now(UTC))
    finally:
        # What this loaded lives as long as the process: kept out of the full passes, as the start's heap is.
        gc.freeze()
        if collecting:
            gc.enable()


def _warm(now: datetime) -> None:
    # (Imported here, on this thread: importing them is part of what the warm-up pays for the start's sake.)
    from ..documents.fonts import FontNotFoundError
    from ..documents.receipt import PAPERS, ReceiptOptions, build_receipt_pdf
    from ..domain.calendar import kr_holidays
    from ..domain.masking import normalize_phone
    from ..domain.report_data import OfficeInfo

    try:
        # What the receipt number waits for first (the writer's rehearsal of the intake, running meanwhile,
        # needs the holidays too), then the receipt's PDF.
        for year in (now.year, now.year + 1):  # an intake's deadline may fall in next year
            kr_holidays(year)
        normalize_phone("01000000000")  # a number typed as digits alone: the phone number package's tables
        # Not the intake form's or the dialogs' modules: importing widget modules here, beside the GUI thread
        # building widgets, hung two fresh-clone test runs inside Qt (a QPushButton's and a progress dialog's
        # C++ code, this thread in C++ too). They load on the GUI thread at the first F2/F3 or case action.
        facts = _throw_away_facts(now)
        for paper in PAPERS:
            build_receipt_pdf(
                facts, OfficeInfo(status_url_base="https://example.invalid/s"), ReceiptOptions(paper)
            )
        from . import receipt_preview  # noqa: F401  (QtPdf and the print support, for the counter's preview)
    except FontNotFoundError:
        pass  # no Hangul font: the intake says so when it makes its receipt
    except Exception:  # a warm-up must never take the desk down; the real call will meet the same failure
        log.exception("warming up the intake failed")


def _throw_away_facts(now: datetime) -> ReceiptFacts:
    from ..domain.channels import Channel
    from ..domain.kinds import Kind
    from ..domain.periods import PeriodUnit
    from ..domain.report_data import ReceiptFacts

    return ReceiptFacts(
        receipt_no="20260101-B01-0001",
        kind=Kind.GRIEVANCE,
        channel=Channel.PHONE,
        title="민원 접수증 준비",
        petitioner_name="홍길동",
        petitioner_phone="010-0000-0000",
        received_at=now,
        due_at=now + timedelta(days=7),
        period_unit=PeriodUnit.DAYS.value,
        period_amount=7,
        department_name="민원여권과",
        department_phone="02-000-0000",
        clerk_name="민원인",
        pending_sync=True,
    )
