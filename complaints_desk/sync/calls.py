"""Sending the desk's unsent call-log records (store.local.call_queue) to the server's POST /calls, oldest
first. The sync engine calls `send_unsent_calls` after each push, so a record taken while the server was away
goes out once it is back; nothing else needs to know the queue exists.

A repeat is harmless (the server keeps a record once, by id). A refusal (4xx) is kept beside the record with
the server's reason and not sent again; Offline and AuthRequired propagate, as from a push, so the engine's
loop pauses and retries."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from ..store.local import call_queue
from .store_writer import StoreWriter, direct_writer
from .transport import ServerRefused, Transport

CALLS_PATH = "/calls"
BATCH = 100


@dataclass(frozen=True)
class CallSendReport:
    sent: int = 0  # kept by the server now (new or a repeat)
    refused: int = 0
    left: int = 0  # still unsent afterwards


def send_unsent_calls(write: StoreWriter | sessionmaker[Session], transport: Transport) -> CallSendReport:
    """Send the queue, oldest first. `write`: how the sync side writes the local store (the engine's writer,
    so that on the desktop the one writer thread does it, a clerk's intake first), or a session factory."""
    writer = direct_writer(write) if isinstance(write, sessionmaker) else write
    sent = refused = 0
    while True:
        batch = writer(lambda session: call_queue.unsent(session, BATCH), background=True)
        if not batch:
            break
        for record in batch:
            writer(partial(_note_attempt, record_id=record.id), background=True)
            try:
                transport.post_json(CALLS_PATH, record.as_wire())
            except ServerRefused as error:
                problem = error.problem

                writer(partial(_mark_refused, record_id=record.id, problem=problem), background=True)
                refused += 1
                continue
            writer(partial(_mark_sent, record_id=record.id), background=True)
            sent += 1
    left = writer(call_queue.unsent_count, background=True)
    return CallSendReport(sent, refused, left)


def _note_attempt(session: Session, record_id: str) -> None:
    call_queue.note_attempt(session, record_id)


def _mark_sent(session: Session, record_id: str) -> None:
    call_queue.mark_sent(session, record_id)


def _mark_refused(session: Session, record_id: str, problem: Any) -> None:
    call_queue.mark_refused(session, record_id, problem.code, problem.message_ko, problem.message_en)
