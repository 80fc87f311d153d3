"""What the document commands (receipt, report, export) share: where the local store is, and how dates and
output paths given on the command line are read. Not a subcommand itself (cli.py lists subcommands by name)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from ..domain.errors import DomainError

from ..store.db import SERVER_STORE_FILE as LOCAL_STORE_NAME  # the store `start` serves and `demo` fills


def add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database-url",
        help=f"SQLAlchemy URL (기본/default: 데이터 폴더의 {LOCAL_STORE_NAME} / {LOCAL_STORE_NAME} in the data dir)",
    )


def store_url(args: argparse.Namespace) -> str:
    from ..store.db import resolve_data_dir, sqlite_url

    if getattr(args, "database_url", None):
        return str(args.database_url)
    path = resolve_data_dir(getattr(args, "data_dir", None)) / LOCAL_STORE_NAME
    if not path.exists():
        raise _error(
            "data_dir",
            f"저장소가 없습니다: {path} (먼저 'complaints-desk demo' 또는 프로그램을 실행하세요)",
            f"No store at {path} (run 'complaints-desk demo' or the program first)",
        )
    return sqlite_url(path)


def open_store(args: argparse.Namespace) -> sessionmaker[Session]:
    from ..store.db import make_engine, make_sessionmaker, migrate

    engine = make_engine(store_url(args))
    migrate(engine)
    return make_sessionmaker(engine)


def _error(field: str, ko: str, en: str) -> DomainError:
    from ..domain.errors import DomainError

    return DomainError(field, ko, en)


def parse_day(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise _error(
            field,
            f"날짜를 읽을 수 없거나 없는 날짜입니다: '{text}' (예: 2026-11-01)",
            f"Not a valid date: '{text}' (e.g. 2026-11-01)",
        ) from None


def output_path(text: str, suffixes: tuple[str, ...]) -> Path:
    path = Path(text).expanduser()
    if path.suffix.lower() not in suffixes:
        wanted = " 또는 ".join(suffixes)
        raise _error(
            "out",
            f"출력 파일은 {wanted} 파일이어야 합니다: '{text}'",
            f"--out must end in {', '.join(suffixes)}: '{text}'",
        )
    if not path.parent.exists():
        raise _error(
            "out", f"출력 폴더가 없습니다: {path.parent}", f"The output folder does not exist: {path.parent}"
        )
    return path
