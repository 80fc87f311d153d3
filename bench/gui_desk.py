"""Parts 2 and 3 of bench.gui_bench (see its docstring): the client in this process, its GUI thread watched by
a heartbeat while a script scrolls, filters, searches and takes intakes, on a quiet desk and during a catch-up
pull on a thread of the same process. Everything the script does runs from the GUI thread's event loop (it
waits in the loop, never in a busy loop that would hold the GIL the catch-up needs)."""

from __future__ import annotations

import itertools
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from bench.common import Timing, measure
from bench.gui_bench import FILL_MS, INTAKE_P50, INTAKE_P99, PDF_P50, SEARCH, STALL_MS, STATION, _line, timing

Step = float | Callable[[], bool]  # a pause in ms, or a condition to wait for
WAIT_LIMIT_S = 60.0
PHASE = ["idle"]  # what the script is doing, for the report of the longest stalls
SEGMENTS, FRAMES = 6, 30  # the drag from top to bottom: six stretches of 30 frames, a stop after each


class GcWatch:
    """Every garbage collection in the process while it watches: how long it took, by generation, and when (a
    pass outside the scenarios, such as the bench making its canned events, holds no heartbeat gap that is
    reported). A pass holds the interpreter, so every thread, the GUI's too, waits for its CPU time; its wall
    time also holds the time the collecting thread was not scheduled (or ran a finalizer that let go of it)."""

    def __init__(self) -> None:
        import gc

        self.passes: list[tuple[int, float, float, float, str]] = []  # (generation, ms, CPU ms, began, thread)
        self._started = threading.local()
        self._gc = gc
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started.at = (time.perf_counter(), time.thread_time())
        else:
            began, cpu = self._started.at
            wall, cpu = (time.perf_counter() - began) * 1000, (time.thread_time() - cpu) * 1000
            self.passes.append((info["generation"], wall, cpu, began, threading.current_thread().name))

    def stop(self) -> None:
        self._gc.callbacks.remove(self._callback)

    def summary(self, spans: list[tuple[float, float]]) -> str:
        def part(passes: list[tuple[int, float, float, float, str]]) -> str:
            parts = []
            for generation in (0, 1, 2):
                times = [(ms, cpu, thread) for g, ms, cpu, _at, thread in passes if g == generation]
                if times:
                    longest, cpu, thread = max(times)
                    most_cpu = max(cpu for _ms, cpu, _thread in times)
                    parts.append(
                        f"gen {generation}: {len(times)} passes, longest {longest:.1f} ms ({cpu:.1f} ms CPU, on"
                        f" {thread}), most CPU {most_cpu:.1f} ms"
                    )
            return "; ".join(parts) or "none"

        inside = [p for p in self.passes if any(a <= p[3] <= b for a, b in spans)]
        return (
            f"garbage collection during the scenarios: {part(inside)}"
            f"\n  all the while the bench watched (its own set-up too): {part(self.passes)}"
        )


class Heartbeat:
    """A 2 ms timer on the GUI thread; the gaps between its ticks are the thread's stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[tuple[float, str]] = []  # (when, what the script was doing)
        self.cpu: list[float] = []  # the GUI thread's own CPU time at each tick (time.thread_time)
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.ticks.append((time.perf_counter(), PHASE[0]))
        self.cpu.append(time.thread_time())

    def cpu_gaps(self, start: float, end: float) -> list[float]:
        """The GUI thread's own CPU milliseconds between ticks: the work it did without coming back to its
        event loop, whatever else the machine ran meanwhile (a wall gap also holds the time the thread was not
        scheduled, or waited for the interpreter lock)."""
        return [gap for gap, _phase in self.labelled_cpu_gaps(start, end)]

    def labelled_cpu_gaps(self, start: float, end: float) -> list[tuple[float, str]]:
        inside = [(c, p) for (t, p), c in zip(self.ticks, self.cpu, strict=True) if start <= t <= end]
        return [((b[0] - a[0]) * 1000, a[1]) for a, b in itertools.pairwise(inside)]

    def gaps(self, start: float, end: float) -> list[float]:
        return [gap for gap, _phase in self.labelled_gaps(start, end)]

    def labelled_gaps(self, start: float, end: float) -> list[tuple[float, str]]:
        """Each gap in milliseconds, with the phase the script was in when the gap began."""
        inside = [tick for tick in self.ticks if start <= tick[0] <= end]
        return [((b[0] - a[0]) * 1000, a[1]) for a, b in itertools.pairwise(inside)]


class Script:
    """Runs a generator of Steps from the event loop until it is exhausted."""

    def __init__(self, steps: Iterator[Step]) -> None:
        from PySide6.QtCore import QEventLoop

        self.steps, self.loop = steps, QEventLoop()
        self.condition: Callable[[], bool] | None = None
        self.deadline = 0.0

    def run(self) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self._next)
        self.loop.exec()

    def _next(self) -> None:
        from PySide6.QtCore import QTimer

        try:
            step = next(self.steps)
        except StopIteration:
            self.loop.quit()
            return
        if callable(step):
            self.condition, self.deadline = step, time.monotonic() + WAIT_LIMIT_S
            self._poll()
        else:
            QTimer.singleShot(int(step), self._next)

    def _poll(self) -> None:
        from PySide6.QtCore import QTimer

        assert self.condition is not None
        if self.condition():
            QTimer.singleShot(0, self._next)
        elif time.monotonic() > self.deadline:
            raise SystemExit("a bench step never finished (a window that never filled?)")
        else:
            QTimer.singleShot(1, self._poll)


Sample = tuple[float, float]  # (when it started, perf_counter seconds; milliseconds)


@dataclass
class Samples:
    scroll_fill: list[Sample] = field(default_factory=list)
    filter_fill: list[Sample] = field(default_factory=list)
    search_fill: list[Sample] = field(default_factory=list)
    intake: list[Sample] = field(default_factory=list)
    pdf: list[Sample] = field(default_factory=list)
    spans: list[tuple[float, float]] = field(default_factory=list)  # when the scenario ran


def within(samples: list[Sample], span: tuple[float, float] | None = None) -> Timing:
    """The samples that started inside `span` (all when None)."""
    return timing([ms for at, ms in samples if span is None or span[0] <= at <= span[1]])


def _visible_filled(window: Any, counted: list[bool]) -> bool:
    model, view = window.model, window.ui.queueTable
    if not counted[0]:
        return False
    if model.rowCount() == 0:
        return True
    first = max(0, view.rowAt(0))
    last = view.rowAt(view.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    # The rows' own text on screen: fetched, and painted with it (the delegate may leave fresh cells blank for
    # the next turn of the event loop, see gui.queue_delegate).
    painter = view.itemDelegate()
    return all(model.item(row) is not None and painter.shows_text(row) for row in range(first, last + 1))


def scenario(window: Any, samples: Samples, counted: list[bool]) -> Iterator[Step]:
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from complaints_desk.gui.main_window import QUEUES, SEARCH_PAUSE_MS
    from complaints_desk.store.queue import Queue

    began = time.perf_counter()
    filled: Callable[[], bool] = lambda: _visible_filled(window, counted)  # noqa: E731
    counted[0] = False
    PHASE[0] = "queue: all"
    window.choose_queue(Queue.ALL)
    yield filled
    PHASE[0] = "scroll"
    bar = window.ui.queueTable.verticalScrollBar()
    bar.setValue(0)
    yield filled
    top = bar.maximum()
    for segment in range(SEGMENTS):
        low, high = segment * top // SEGMENTS, (segment + 1) * top // SEGMENTS
        for frame in range(1, FRAMES + 1):
            bar.setValue(low + (high - low) * frame // FRAMES)
            yield 16.0
        stopped = time.perf_counter()
        yield filled
        samples.scroll_fill.append((stopped, (time.perf_counter() - stopped) * 1000))
    for queue in (*QUEUES, Queue.ALL):
        counted[0] = False
        PHASE[0] = f"queue: {queue.value}"
        switched = time.perf_counter()
        window.choose_queue(queue)
        yield filled
        samples.filter_fill.append((switched, (time.perf_counter() - switched) * 1000))
    PHASE[0] = "search"
    window.focus_search()
    for char in SEARCH:
        # Hangul arrives from the input method as committed syllables (QTest's key clicks are ASCII only).
        typed_char = QInputMethodEvent()
        typed_char.setCommitString(char)
        QApplication.sendEvent(window.ui.searchEdit, typed_char)
        typed = time.perf_counter()
        yield 120.0  # a clerk's typing pace
    counted[0] = False
    yield lambda: window.model.query.search == SEARCH and filled()
    samples.search_fill.append((typed, (time.perf_counter() - typed) * 1000 - SEARCH_PAUSE_MS))
    counted[0] = False
    window.clear_search()
    yield filled
    samples.spans.append((began, time.perf_counter()))
    PHASE[0] = "between"


def intakes(client: Any, agent: Any, n: int, samples: Samples, pause_ms: float = 20.0) -> Iterator[Step]:
    from PySide6.QtWidgets import QLabel

    from complaints_desk.documents.receipt import build_receipt_pdf
    from complaints_desk.domain.channels import Channel
    from complaints_desk.domain.kinds import Kind
    from complaints_desk.store import reports
    from complaints_desk.store.intake import Intake
    from complaints_desk.store.local.outbox import record_local_intake

    label = QLabel(client.window)  # stands in for the intake form's receipt number
    context: list[Any] = []
    client.tasks.read(lambda s: (reports.receipt_context(s), reports.office_info(s)), context.append)
    yield lambda: bool(context)
    receipt_context, office = context[0]
    intake = Intake(
        Kind.GRIEVANCE, Channel.PHONE, "한빛로 123 앞 불법주차 단속 요청",
        "매일 저녁 한빛로 123 앞 인도에 차량이 주차되어 보행이 어렵습니다. 단속을 부탁드립니다.",
        "홍길동", "010-1234-5678", department_code="parking",
    )  # fmt: skip
    PHASE[0] = "intakes"
    for _ in range(n):
        moments: dict[str, float] = {}

        def saved(state: Any, moments: dict[str, float] = moments) -> None:
            label.setText(state.receipt_no)
            moments["shown"] = time.perf_counter()
            facts = reports.receipt_facts_from_state(state, receipt_context)
            client.tasks.read(
                lambda _s: build_receipt_pdf(facts, office),
                lambda _pdf: moments.__setitem__("pdf", time.perf_counter()),
            )

        moments["start"] = time.perf_counter()
        client.tasks.write(lambda s: record_local_intake(s, intake, actor=agent, station_code=STATION), saved)
        yield lambda moments=moments: "pdf" in moments  # type: ignore[misc]
        samples.intake.append((moments["start"], (moments["shown"] - moments["start"]) * 1000))
        samples.pdf.append((moments["start"], (moments["pdf"] - moments["start"]) * 1000))
        yield pause_ms


def _prepare(path: Path) -> tuple[str, str, int]:
    """The scratch store as a desk whose cursor is at its newest event, with the bench's station; an agent."""
    with sqlite3.connect(path) as db:
        (newest,) = db.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()
        db.execute("DELETE FROM sync_state")
        db.execute("INSERT INTO sync_state (id, cursor) VALUES (1, ?)", (newest,))
        db.execute(
            "INSERT OR IGNORE INTO stations (id, code, name, kind, last_receipt_seq, updated_seq)"
            " VALUES ('bench-station', ?, 'bench', 'workstation', 0, 0)",
            (STATION,),
        )
        agent_id, name = db.execute("SELECT id, name FROM staff WHERE username = 'agent06'").fetchone()
    return agent_id, name, newest


def _canned_engine(tasks: Any, events: int, after: int) -> Any:
    """The sync engine as the desk builds it (gui.sync_desk: through the one writer, letting the clerk's writes
    in), pulling `events` canned events after cursor `after`."""

    from bench.sync_pull_bench import PULL_PAGE, _CannedPulls, _events, _pages
    from complaints_desk.sync.engine import SyncEngine
    from complaints_desk.sync.transport import Transport

    made = _events(events)
    for event in made:  # the demo store has its own 20261102-C… numbers: the pulled cases get station Z…
        if event["type"] == "received":
            event["payload"]["receipt_no"] = event["payload"]["receipt_no"].replace("-C", "-Z", 1)
        event["seq"] += after  # the server's history goes on from where this desk's cursor is
    pages = _pages(made, PULL_PAGE, after)
    return SyncEngine(
        None,
        Transport("http://bench.invalid", adapter=_CannedPulls(pages, PULL_PAGE)),
        writer=tasks.store_writer,
        others_waiting=tasks.foreground_waiting,
        screen_reading=tasks.reads_running,
        project_ahead=False,  # (as gui.sync_desk builds it)
    )


def _first_window_and_count(session: Any, query: Any) -> None:
    from complaints_desk.store.queue import queue_count, queue_window

    queue_window(session, query)
    queue_count(session, query)


def store_baselines(path: Path, staff_id: str | None, department: str | None) -> dict[str, Timing]:
    from sqlalchemy import text

    from complaints_desk.store.db import make_engine, make_sessionmaker
    from complaints_desk.store.queue import Queue, QueueQuery, queue_count, queue_key_at, queue_window

    engine = make_engine(f"sqlite:///{path}", read_only=True)
    session = make_sessionmaker(engine)()
    viewer: dict[str, Any] = {"assignee_id": staff_id, "department_code": department, "now": datetime.now(UTC)}
    everything = QueueQuery(queue=Queue.ALL, **viewer)
    middle = queue_count(session, everything, cap=None).value // 2
    phone = session.execute(text("SELECT petitioner_phone FROM cases LIMIT 1")).scalar()
    figures = {
        "store: first window, all": measure(lambda: queue_window(session, everything), 20),
        "store: key at the middle (scroll-bar jump), all": measure(
            lambda: queue_key_at(session, everything, middle), 10
        ),
        "store: deepest window, all": measure(lambda: queue_window(session, everything, from_end=True), 20),
        "store: first window + quick count, each queue (worst)": max(
            (measure(partial(_first_window_and_count, session, QueueQuery(queue=q, **viewer)), 10) for q in Queue),
            key=lambda t: t.p50,
        ),
        f"store: search '{SEARCH}' first window + quick count": measure(
            lambda: (
                queue_window(session, QueueQuery(search=SEARCH, **viewer)),
                queue_count(session, QueueQuery(search=SEARCH, **viewer)),
            ),
            10,
        ),
        "store: search by phone digits (caller history's query)": measure(
            lambda: queue_window(session, QueueQuery(search=str(phone).replace("-", "")[-8:], **viewer)), 10
        ),
    }
    session.close()
    engine.dispose()
    return figures


def desk_figures(path: Path, user: str, events: int, n_intakes: int, *, scenarios: bool = True) -> list[str]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")  # the offscreen plugin's size-hint notes
    from complaints_desk.domain.roles import Actor, Role
    from complaints_desk.gui.app import start

    agent_id, agent_name, cursor = _prepare(path)
    agent = Actor(agent_id, Role.AGENT, None, agent_name)
    client = start(path, username=user)
    client.window.resize(1600, 900)
    client.window.show()
    counted = [False]
    client.window.model.counted.connect(lambda _c: counted.__setitem__(0, True))
    Script(
        iter([lambda: client.window.viewer.staff_id is not None and _visible_filled(client.window, counted)])
    ).run()
    if not scenarios:
        try:
            return _intakes_only(client, path, agent, n_intakes)
        finally:
            client.close()
    staff_id, department = client.window.viewer.staff_id, client.window.viewer.department_code
    baselines = store_baselines(path, staff_id, department)
    heart = Heartbeat()
    collections = GcWatch()
    idle_start = time.perf_counter()
    Script(iter([3000.0])).run()  # the baseline: the heartbeat on an idle desk (the machine's own jitter)
    idle = (idle_start, time.perf_counter())

    quiet = Samples()
    Script(scenario(client.window, quiet, counted)).run()
    Script(intakes(client, agent, n_intakes, quiet)).run()

    busy = Samples()
    sync = _canned_engine(client.tasks, events, cursor)
    pull_span: list[float] = []
    pulled: list[Any] = []

    def pull() -> None:
        pull_span.append(time.perf_counter())
        pulled.append(sync.pull_once())
        pull_span.append(time.perf_counter())

    worker = threading.Thread(target=pull, name="catch-up")
    worker.start()

    idle_busy: list[float] = []

    def during() -> Iterator[Step]:
        yield lambda: bool(pull_span)
        PHASE[0] = "catch-up, desk idle"
        idle_busy.append(time.perf_counter())
        yield 1500.0  # the GIL alone: the heartbeat while only the catch-up runs
        idle_busy.append(time.perf_counter())
        while worker.is_alive():
            yield from scenario(client.window, busy, counted)
            yield from intakes(client, agent, 20, busy)

    Script(during()).run()
    worker.join()
    heart.timer.stop()
    collections.stop()
    client.close()

    def stall(spans: list[tuple[float, float]], cpu: bool = False) -> Timing:
        gaps = [g for span in spans for g in (heart.cpu_gaps(*span) if cpu else heart.gaps(*span))]
        return Timing(timing(gaps).p50, max(gaps, default=float("nan")), len(gaps))

    span = (pull_span[0], pull_span[1])
    idle_t = stall([idle])
    report = pulled[0]
    rate = report.events / (span[1] - span[0])
    lines = [
        _line("GUI stall, quiet desk (heartbeat gap; 2nd column = max)", stall(quiet.spans), STALL_MS, idle_t),
        _line("GUI stall during the catch-up (2nd column = max)", stall([span]), STALL_MS, idle_t),
        _line("  GUI thread's own CPU between ticks, quiet (max)", stall(quiet.spans, cpu=True), STALL_MS, None),
        _line("  GUI thread's own CPU between ticks, catch-up (max)", stall([span], cpu=True), STALL_MS, None),
        _line(
            "  of which the first 1.5 s, desk idle (the catch-up alone)",
            stall([(idle_busy[0], idle_busy[1])]),
            STALL_MS,
            idle_t,
        ),
        _line("scroll stop -> visible rows filled, quiet", within(quiet.scroll_fill), FILL_MS, None),
        _line("scroll stop -> visible rows filled, catch-up", within(busy.scroll_fill, span), FILL_MS, None),
        _line("queue switch -> visible rows filled, quiet", within(quiet.filter_fill), None, None),
        _line("queue switch -> visible rows filled, catch-up", within(busy.filter_fill, span), None, None),
        _line("search pause -> visible rows filled, quiet", within(quiet.search_fill), None, None),
        _line("search pause -> visible rows filled, catch-up", within(busy.search_fill, span), None, None),
    ]
    lines += [_line(name, t, None, None) for name, t in baselines.items()]
    base_intake, base_pdf = _direct_intake(path, agent)
    quiet_intake, busy_intake = within(quiet.intake), within(busy.intake, span)
    lines += [
        _line("intake saved -> receipt number on screen, quiet (p99)", quiet_intake, INTAKE_P99, base_intake),
        _line("  the same, p50 against its budget", quiet_intake, INTAKE_P50, base_intake, on_p50=True),
        _line("intake saved -> receipt number, catch-up (p99)", busy_intake, INTAKE_P99, base_intake),
        _line("  the same, p50 against its budget", busy_intake, INTAKE_P50, base_intake, on_p50=True),
        _line("intake saved -> receipt PDF ready, quiet", within(quiet.pdf), PDF_P50, base_pdf, on_p50=True),
        _line(
            "intake saved -> receipt PDF ready, catch-up", within(busy.pdf, span), PDF_P50, base_pdf, on_p50=True
        ),
        f"\ncatch-up: {report.events:,} events in {span[1] - span[0]:.1f} s ({rate:,.0f} events/s) while the"
        f" script ran {len(busy.spans)} scenario(s) and {len(busy.intake)} intakes; load average"
        f" {os.getloadavg()[0]:.1f}; idle-desk heartbeat gap max {idle_t.p99:.1f} ms (the base p50 column of the stall rows"
        " is the idle desk's median gap)",
        _worst("longest stalls, quiet desk", [g for s in quiet.spans for g in heart.labelled_gaps(*s)]),
        _worst("longest stalls, catch-up", heart.labelled_gaps(*span)),
        _worst(
            "most GUI-thread CPU between ticks, quiet",
            [g for s in quiet.spans for g in heart.labelled_cpu_gaps(*s)],
        ),
        _worst("most GUI-thread CPU between ticks, catch-up", heart.labelled_cpu_gaps(*span)),
        collections.summary([*quiet.spans, span]),
    ]
    return lines


def _intakes_only(client: Any, path: Path, agent: Any, n_intakes: int) -> list[str]:
    """The quiet desk's intakes alone (--starts-and-intakes-only), once the desk's warm-up after its first
    window is over, as it is by the time the full run's scenarios end (the warm-up thread, then a moment for
    the writer's rehearsal)."""
    from complaints_desk.gui.warm_up import warm_up_in_background

    quiet = Samples()
    began = time.perf_counter()
    Script(iter([3000.0])).run()
    warming = warm_up_in_background()  # (started by the desk by now: this only finds its thread)
    Script(iter([lambda: not warming.is_alive(), 500.0])).run()
    warmed_s = time.perf_counter() - began - 0.5
    Script(intakes(client, agent, n_intakes, quiet)).run()
    base_intake, base_pdf = _direct_intake(path, agent)
    quiet_intake = within(quiet.intake)
    slowest = sorted(enumerate(ms for _at, ms in quiet.intake), key=lambda x: -x[1])[:3]
    return [
        _line("intake saved -> receipt number on screen, quiet (p99)", quiet_intake, INTAKE_P99, base_intake),
        _line("  the same, p50 against its budget", quiet_intake, INTAKE_P50, base_intake, on_p50=True),
        _line("intake saved -> receipt PDF ready, quiet", within(quiet.pdf), PDF_P50, base_pdf, on_p50=True),
        f"\nfirst intakes (ms): {', '.join(f'{ms:.1f}' for _at, ms in quiet.intake[:5])}; slowest:"
        f" {', '.join(f'{ms:.1f} (#{n + 1})' for n, ms in slowest)}; the warm-up ended"
        f" {warmed_s:.1f} s after the first window; load average {os.getloadavg()[0]:.1f}",
    ]


def _worst(title: str, gaps: list[tuple[float, str]]) -> str:
    top = sorted(gaps, reverse=True)[:5]
    return f"{title}: " + ", ".join(f"{gap:.0f} ms ({phase})" for gap, phase in top)


def _direct_intake(path: Path, agent: Any) -> tuple[Timing, Timing]:
    """The baseline: the same intake (and its PDF) called directly on this thread, no Qt in between."""
    from complaints_desk.documents.receipt import build_receipt_pdf
    from complaints_desk.domain.channels import Channel
    from complaints_desk.domain.kinds import Kind
    from complaints_desk.store import reports
    from complaints_desk.store.db import make_engine, make_sessionmaker, transaction
    from complaints_desk.store.intake import Intake
    from complaints_desk.store.local.outbox import record_local_intake

    engine = make_engine(f"sqlite:///{path}")
    factory = make_sessionmaker(engine)
    with factory() as session:
        context, office = reports.receipt_context(session), reports.office_info(session)
    intake = Intake(
        Kind.GRIEVANCE, Channel.PHONE, "기준선 접수", "한빛로 123 앞 불법주차", "홍길동", "010-1234-5678"
    )
    states: list[Any] = []

    def save() -> None:
        with transaction(factory) as session:
            states.append(record_local_intake(session, intake, actor=agent, station_code=STATION))

    saved = measure(save, 50)
    pdf = measure(lambda: build_receipt_pdf(reports.receipt_facts_from_state(states[-1], context), office), 50)
    engine.dispose()
    return saved, Timing(saved.p50 + pdf.p50, saved.p99 + pdf.p99, pdf.runs)
