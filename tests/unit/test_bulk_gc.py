"""Bulk work inside the desktop (a catch-up) collects garbage lightly while it runs and leaves the collector as
it found it: in particular, what the client's start froze stays frozen (gui/app.py), so no later full pass
walks everything the session made before the catch-up at once."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest

from complaints_desk.store.bulk_gc import LIGHT_THRESHOLDS, light_garbage_collection


def collected_generations_hold(thing: object) -> bool:
    """Whether `thing` is in a generation the collector walks (not frozen)."""
    return any(found is thing for generation in range(3) for found in gc.get_objects(generation))


@pytest.fixture
def frozen_start() -> Iterator[list[object]]:
    """A heap frozen as the desktop's start freezes it, holding this object; the test process's own freeze
    comes back after."""
    had = gc.get_freeze_count()
    thresholds = gc.get_threshold()
    built_at_start: list[object] = [object()]
    gc.freeze()
    yield built_at_start
    gc.set_threshold(*thresholds)
    if not had:
        gc.unfreeze()


def test_a_catch_up_leaves_what_the_start_froze_frozen(frozen_start: list[object]) -> None:
    assert not collected_generations_hold(frozen_start)
    before = gc.get_threshold()
    with light_garbage_collection():
        assert gc.get_threshold()[:2] == LIGHT_THRESHOLDS
        made = [[n] for n in range(200_000)]  # the work's own objects
        del made
    assert gc.get_threshold() == before
    assert not collected_generations_hold(frozen_start)  # no later full pass walks it


def test_nested_and_overlapping_uses_restore_the_thresholds_once(frozen_start: list[object]) -> None:
    before = gc.get_threshold()
    with light_garbage_collection():
        with light_garbage_collection():
            pass
        assert gc.get_threshold() != before  # still inside the outer one
    assert gc.get_threshold() == before


def test_the_catch_ups_second_process_collects_nothing_and_leaves_its_start_out_of_any_pass() -> None:
    """The second process (sync.projector_child) turns the collector off for good: its data holds no cycles,
    and a young pass there only walked the case rows it keeps."""
    probe = (
        "import gc; built = [object()];"
        " from complaints_desk.store.bulk_gc import collect_nothing_for_bulk_work;"
        " collect_nothing_for_bulk_work();"
        " made = [[n] for n in range(100_000)];"
        " print(gc.isenabled(), gc.get_freeze_count() > 0, gc.get_count()[0] > 90_000)"
    )
    answer = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert answer.split() == ["False", "True", "True"]  # off, the start frozen, no pass since
