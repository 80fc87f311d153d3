"""Korean full-text search over title, body and petitioner.

Why bigrams: Korean words are short (소음, 도로, 주차 are two syllables) and carry particles (주차를, 주차가),
so neither whitespace tokens nor SQLite's trigram tokenizer (three characters at least) find them. Every
run of Hangul is indexed as its overlapping two-syllable pieces, and a query becomes the phrase of its
pieces, which matches exactly the texts that contain the query as a substring. Runs of Latin letters
and digits are indexed as whole words (and phone numbers also as their bare digits, whole and the last 8).

SQLite: a contentless FTS5 table keyed by the case's rowid (searchable text never changes after intake, so
no updates are needed; newest-first is rowid order). PostgreSQL: a tsvector with a GIN index and the
same pieces, queried with the phrase operator <->.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from operator import add

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from ..domain.case import CaseState

_RUNS = re.compile(r"[가-힣]+|[0-9a-z]+")
_HANGUL = re.compile(r"[가-힣]")
_NOT_DIGITS = re.compile(r"\D")

FTS_TABLE = "case_fts"
SQLITE_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS case_fts USING fts5("
    "doc, content='', columnsize=0, tokenize='unicode61 remove_diacritics 0')",
)
POSTGRES_DDL = (
    "CREATE TABLE IF NOT EXISTS case_search (case_id VARCHAR(36) PRIMARY KEY REFERENCES cases(id), doc tsvector NOT NULL)",
    "CREATE INDEX IF NOT EXISTS ix_case_search_doc ON case_search USING gin (doc)",
)


def _runs(value: str) -> list[str]:
    return _RUNS.findall(unicodedata.normalize("NFC", value).casefold())


def pieces(run: str) -> list[str]:
    if _HANGUL.match(run) and len(run) > 1:
        return [run[i : i + 2] for i in range(len(run) - 1)]
    return [run]


@lru_cache(maxsize=65536)
def _indexed_run(run: str) -> str:
    """A run as the document holds it: a Hangul run as its overlapping pairs of syllables, anything else whole.
    Cached: the words of complaints repeat (place names, 주차, 소음, 요청, surnames), and a word seen before
    costs a lookup instead of its pairs (half of document_for's time on a fresh client's pull)."""
    if len(run) > 1 and "가" <= run[0] <= "힣":
        return " ".join(map(add, run, run[1:]))
    return run


def document_for(title: str, body: str, name: str, phone: str) -> str:
    # One pass over the four fields (a newline ends a run, so no piece spans two fields): a fresh client indexes
    # every case it pulls, and this runs once per case.
    parts = list(map(_indexed_run, _runs(f"{title}\n{body}\n{name}\n{phone}")))
    digits = _NOT_DIGITS.sub("", phone)
    if digits:
        parts.append(digits)
        if len(digits) > 8:
            parts.append(digits[-8:])  # what people read out without the 010 or the area code
    return " ".join(parts)


def fts_query(query: str) -> str | None:
    """The FTS5 MATCH expression for a query, or None when it has nothing searchable."""
    return _fts5_query(query)


def _fts5_query(query: str) -> str | None:
    parts = []
    for run in _runs(query):
        if _HANGUL.match(run) and len(run) == 1:
            parts.append(f"{run}*")  # one syllable: any piece that starts with it
        else:
            parts.append('"' + " ".join(pieces(run)) + '"')
    return " AND ".join(parts) if parts else None


def _tsquery(query: str) -> str | None:
    parts = []
    for run in _runs(query):
        grams = pieces(run)
        if _HANGUL.match(run) and len(run) == 1:
            parts.append(f"{run}:*")
        else:
            parts.append("(" + " <-> ".join(f"'{g}'" for g in grams) + ")")
    return " & ".join(parts) if parts else None


def create_index(connection: Connection) -> None:
    statements = POSTGRES_DDL if connection.dialect.name == "postgresql" else SQLITE_DDL
    for statement in statements:
        connection.exec_driver_sql(statement)


def index_case(session: Session, state: CaseState) -> None:
    doc = document_for(state.title, state.body, state.petitioner_name, state.petitioner_phone)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text(
                "INSERT INTO case_search (case_id, doc) VALUES (:id, to_tsvector('simple', :doc)) "
                "ON CONFLICT (case_id) DO UPDATE SET doc = excluded.doc"
            ),
            {"id": state.id, "doc": doc},
        )
    else:
        session.execute(
            text("INSERT INTO case_fts (rowid, doc) SELECT rowid, :doc FROM cases WHERE id = :id"),
            {"id": state.id, "doc": doc},
        )


def index_cases(session: Session, states: Sequence[CaseState]) -> None:
    """Index many new cases at once (one executemany): the demo builder's plain path."""
    if not states:
        return
    rows = [
        {"id": s.id, "doc": document_for(s.title, s.body, s.petitioner_name, s.petitioner_phone)} for s in states
    ]
    if session.get_bind().dialect.name == "postgresql":
        statement = "INSERT INTO case_search (case_id, doc) VALUES (:id, to_tsvector('simple', :doc))"
    else:
        statement = "INSERT INTO case_fts (rowid, doc) SELECT rowid, :doc FROM cases WHERE id = :id"
    session.execute(text(statement), rows)


def match_clause(dialect: str, query: str) -> tuple[str, dict[str, str]] | None:
    """A SQL condition on the `cases` table (aliased c) that keeps the cases matching the query, or None
    when the query has nothing searchable in it."""
    if dialect == "postgresql":
        tsquery = _tsquery(query)
        if tsquery is None:
            return None
        return (
            "c.id IN (SELECT case_id FROM case_search WHERE doc @@ to_tsquery('simple', :search_q))",
            {"search_q": tsquery},
        )
    fts = _fts5_query(query)
    if fts is None:
        return None
    return "c.rowid IN (SELECT rowid FROM case_fts WHERE case_fts MATCH :search_q)", {"search_q": fts}
