"""Tables of the Open311 GeoReport v2 endpoint (server/open311/): the API keys the administrator issues (only
their SHA-256 is kept) and what an Open311 client sent with each request it filed, beside the case.
(The client's database has them too, empty: one migration history for both.)"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..models import ID, Base
from ..types import JSONType, UTCDateTime


class Open311Key(Base):
    """An API key for POST requests. The key itself is shown once, when it is issued; `key_hash` is its
    SHA-256 (the keys are 256 random bits, so a fast hash is enough), `key_prefix` its first characters so
    the administrator can tell keys apart."""

    __tablename__ = "open311_keys"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    key_prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Open311Request(Base):
    """What the client sent with a request it filed (the case itself is the case row and its events): the
    description as sent (the case's body adds the coordinates and links for the officer), the location, the
    attributes, and the token the specification's `tokens/{token}` answers."""

    __tablename__ = "open311_requests"
    case_id: Mapped[str] = mapped_column(ID, primary_key=True)
    token: Mapped[str] = mapped_column(String(40), unique=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    service_code: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    address_string: Mapped[str] = mapped_column(String(300), default="")
    address_id: Mapped[str] = mapped_column(String(100), default="")
    zipcode: Mapped[str] = mapped_column(String(10), default="")
    lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    long: Mapped[float | None] = mapped_column(Float, nullable=True)
    media_url: Mapped[str] = mapped_column(String(500), default="")
    disclosure: Mapped[str] = mapped_column(String(20), default="full")
    attributes: Mapped[dict[str, list[str]]] = mapped_column(JSONType, default=dict)
    api_key_id: Mapped[str | None] = mapped_column(ID, nullable=True)
    device_id: Mapped[str] = mapped_column(String(100), default="")
    account_id: Mapped[str] = mapped_column(String(100), default="")
