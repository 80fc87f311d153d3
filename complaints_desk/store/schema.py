"""All tables of every part of the program, gathered so Alembic and tests see one metadata."""

from __future__ import annotations

from . import (  # noqa: F401  (client_tables: the sync client's tables)
    client_tables,
    models,
    server_tables,
)

metadata = models.Base.metadata
