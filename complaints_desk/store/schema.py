"""All tables of every part of the program, gathered so Alembic and tests see one metadata."""

from __future__ import annotations

from . import models

metadata = models.Base.metadata
