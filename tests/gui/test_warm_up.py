"""The intake's warm-up (gui.warm_up) runs without garbage collection, so that its imports set off no full pass
with every thread waiting; it must leave the collector as it found it, or the desk would never free a cycle."""

from __future__ import annotations

import gc

from complaints_desk.gui.warm_up import warm_up


def test_the_warm_up_leaves_garbage_collection_on_and_what_it_loaded_frozen() -> None:
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    warm_up()
    assert gc.isenabled()
    assert gc.get_freeze_count() > frozen  # what it loaded is kept out of later full passes


def test_the_warm_up_keeps_the_collector_off_where_it_was_off() -> None:
    gc.disable()
    try:
        warm_up()
        assert not gc.isenabled()
    finally:
        gc.enable()
