"""Garbage-collector settings for bulk work: the demo build's workers and the desktop's catch-up pull both make
millions of short-lived, acyclic objects, and each young-generation collection would rescan them (or the whole
program's heap, the GUI's included): measured, about a tenth of either job's CPU time. The thresholds for
both, kept here."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

BULK_GC_THRESHOLDS = (50_000, 20, 100)  # young objects collected every 50,000 allocations instead of 700
# Inside a long-lived process, no full pass while the work runs: a full pass walks the whole heap while every
# thread waits (the GUI's too). A million middle-generation passes is a billion allocations: never, in one job.
HELD_FULL_PASSES = 1_000_000
# Inside a long-lived process, smaller passes than a worker's: a young pass walks every young object still alive,
# a catch-up's page of parsed events among them, and holds the interpreter meanwhile, every thread (the GUI's too)
# waiting. Measured in bench.gui_bench's catch-up: with 50,000 the longest pass took 13 to 16 ms of CPU on the
# catch-up's thread; with these, the longest of any thread 8 to 9 (once 18, a middle pass at load 5), at the same
# catch-up rate. A middle pass every other young pass walks what the young passes since the last one kept.
LIGHT_THRESHOLDS = (10_000, 2)

_lock = threading.Lock()
_depth = 0
_previous: tuple[int, int, int] = (700, 10, 10)


def freeze_for_bulk_work() -> None:
    """For a process that does nothing but bulk work from here on (a demo worker): leave what it has already
    made out of every collection and collect young objects less often, for good."""
    gc.freeze()
    gc.set_threshold(*BULK_GC_THRESHOLDS)


def collect_nothing_for_bulk_work() -> None:
    """For a short-lived process that does nothing but bulk work over acyclic data from here on (the catch-up's
    second process, sync.projector_child): no collection at all. Decoded pages, projected rows and their
    tuples hold no cycles, so reference counting frees all of them; a young pass only walks the rows the
    process keeps (50,000 objects a pass, some 30 ms), a tenth of its time on a fresh client's pull, where it is
    the slower of the two processes. What a rare error leaves in a cycle (an exception and its frames) lives
    until the process ends with its catch-up."""
    gc.freeze()
    gc.disable()


@contextmanager
def light_garbage_collection() -> Iterator[None]:
    """For bulk work inside a long-lived process (a catch-up in the desktop): young objects collected less often
    and no full pass until the work ends, then the previous thresholds come back. Nothing is frozen or unfrozen:
    `gc.unfreeze()` cannot tell what this froze from what the program froze before (the desktop freezes what
    its start built, gui/app.py), and unfreezing that would hand one later full pass everything the session had
    made and dropped since its start, at once. Nested or concurrent uses share one setting."""
    global _depth, _previous
    young, middle = LIGHT_THRESHOLDS
    with _lock:
        if _depth == 0:
            _previous = gc.get_threshold()
            gc.set_threshold(young, middle, HELD_FULL_PASSES)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.set_threshold(*_previous)
