"""All tables of both programs, gathered so Alembic and tests see one metadata. The one module of the shared
store that imports both `central` and `local` (the layering test names it as the exception)."""

from __future__ import annotations

from . import calls, models  # noqa: F401  (calls registers the call log's table)
from .central import (
    channel_tables,  # noqa: F401  (the online channels' contacts, conversations, outbox)
    open311_tables,  # noqa: F401  (the Open311 endpoint's API keys and requests)
)
from .central import tables as central_tables  # noqa: F401  (registers the server's tables on the metadata)
from .local import call_queue  # noqa: F401  (the desktop's queue of unsent call-log records)
from .local import tables as local_tables  # noqa: F401  (registers the desktop's tables on the metadata)

metadata = models.Base.metadata
