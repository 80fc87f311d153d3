"""Sending the desk's unsent call-log records (store.local.call_queue) to the server's POST /calls, oldest
first. The sync engine calls `send_unsent_calls` after each push, so a record taken while the server was away
goes out once it is back; nothing else needs to know the queue exists.

A repeat is harmless (the server keeps a record once, by id). A refusal (4xx) is kept beside the record with
the server's reason and not sent again; Offline and AuthRequired propagate, as from a push, so the engine's
loop pauses and retries."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from ..store.db import transaction
from ..store.local import call_queue
from .transport import ServerRefused, Transport

CALLS_PATH = "/calls"
BATCH = 100


@dataclass(frozen=True)
class CallSendReport:
    sent: int = 0  # kept by the server now (new or a repeat)
    refused: int = 0
    left: int = 0  # still unsent afterwards


def send_unsent_calls(factory: sessionmaker[Session], transport: Transport) -> CallSendReport:
    sent = refused = 0
    while True:
        with transaction(factory) as session:
            batch = call_queue.unsent(session, BATCH)
        if not batch:
            break
        for record in batch:
            with transaction(factory) as session:
                call_queue.note_attempt(session, record.id)
            body = json.dumps(record.as_wire(), ensure_ascii=False).encode()
            try:
                # Transport has no public call for this path yet; _fetch is its one way to send and classify.
                transport._fetch("POST", CALLS_PATH, data=body)
            except ServerRefused as error:
                problem = error.problem
                with transaction(factory) as session:
                    call_queue.mark_refused(
                        session, record.id, problem.code, problem.message_ko, problem.message_en
                    )
                refused += 1
                continue
            with transaction(factory) as session:
                call_queue.mark_sent(session, record.id)
            sent += 1
    with transaction(factory) as session:
        left = call_queue.unsent_count(session)
    return CallSendReport(sent, refused, left)
