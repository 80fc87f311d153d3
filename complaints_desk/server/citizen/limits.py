"""The web pages' settings (settings.channels["web"], from `--channels FILE`), with their defaults:

[web]
attachments_dir = "/srv/minwon/attachments"  # a folder every server process shares; default: the database
filing_burst = "5"                  # filings per client address at once…
filing_refill_seconds = "600"       # …and one more every 10 minutes
lookup_burst = "10"                 # status lookups per client address at once…
lookup_refill_seconds = "30"        # …and one more every 30 seconds
wrong_lookup_burst = "10"           # wrong four digits for one receipt number (from any address)…
wrong_lookup_refill_seconds = "600" # …and one more every 10 minutes
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ...store.central.rate_limits import Bucket

CHANNEL = "web"
FILING = Bucket(5, 600.0)
LOOKUP = Bucket(10, 30.0)
WRONG_LOOKUP = Bucket(10, 600.0)


@dataclass(frozen=True)
class WebSettings:
    attachments_dir: Path | None = None
    filing: Bucket = field(default_factory=lambda: FILING)
    lookup: Bucket = field(default_factory=lambda: LOOKUP)
    wrong_lookup: Bucket = field(default_factory=lambda: WRONG_LOOKUP)


def _bucket(values: Mapping[str, str], name: str, default: Bucket) -> Bucket:
    try:
        burst = int(values.get(f"{name}_burst", default.burst))
        refill = float(values.get(f"{name}_refill_seconds", default.refill_seconds))
    except (TypeError, ValueError):
        return default
    return Bucket(max(1, burst), max(0.001, refill))


def web_settings(channels: Mapping[str, Mapping[str, str]]) -> WebSettings:
    values = channels.get(CHANNEL, {})
    folder = str(values.get("attachments_dir", "") or "").strip()
    return WebSettings(
        attachments_dir=Path(folder) if folder else None,
        filing=_bucket(values, "filing", FILING),
        lookup=_bucket(values, "lookup", LOOKUP),
        wrong_lookup=_bucket(values, "wrong_lookup", WRONG_LOOKUP),
    )
