"""Weighted draws for the demo generator, with the cumulative weights summed once instead of per draw."""

from __future__ import annotations

from bisect import bisect
from collections.abc import Iterable, Mapping
from itertools import accumulate
from random import Random
from typing import Generic, TypeVar

T = TypeVar("T")


class Weighted(Generic[T]):
    """One fixed weighted choice. A draw is the same as ``rng.choices(keys, weights)[0]`` for the same
    generator state (same formula as the standard library), so seeds keep giving the same data."""

    def __init__(self, keys: Iterable[T], weights: Iterable[float]) -> None:
        self.keys = list(keys)
        self.cumulative = list(accumulate(weights))
        if len(self.keys) != len(self.cumulative) or not self.keys:
            raise ValueError("one weight per key, and at least one key")
        self.total = self.cumulative[-1] + 0.0
        self.hi = len(self.keys) - 1

    @classmethod
    def of(cls, table: Mapping[T, float]) -> Weighted[T]:
        return cls(table.keys(), table.values())

    def __call__(self, rng: Random) -> T:
        return self.keys[bisect(self.cumulative, rng.random() * self.total, 0, self.hi)]
