"""Deterministic UUIDv7 for demo records: the timestamp is the record's own moment and the random bits
come from the seeded generator, so the same seed gives the same store, and ids sort like real ones."""

from __future__ import annotations

import random
from datetime import datetime

_LOW_62 = (1 << 62) - 1


def uuid7_at(moment: datetime, rng: random.Random) -> str:
    ms = int(moment.timestamp() * 1000)
    bits = rng.getrandbits(74)  # the 12 bits of rand_a above the 62 of rand_b
    value = (ms << 80) | (0x7 << 76) | ((bits >> 62) << 64) | (0b10 << 62) | (bits & _LOW_62)
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class IdMaker:
    """A callable for reference records (staff): UUIDv7 at a fixed moment, random bits from the seed."""

    def __init__(self, moment: datetime, rng: random.Random) -> None:
        self.moment, self.rng = moment, rng

    def __call__(self) -> str:
        return uuid7_at(self.moment, self.rng)
