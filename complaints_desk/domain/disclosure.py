"""Whether a proposal's content may be shown to the public (the citizens' list of proposals, Open311's public
requests). The proposer chooses on the proposal form (공개 여부); the choice is the `received` event's
payload key "public" (true: title, content, decision and its reasons are shown; false: title and decision
only). A case that carries no choice (taken in at a desk, where nobody was asked) is treated as private."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

PAYLOAD_KEY = "public"


def is_public(received_payload: Mapping[str, Any]) -> bool:
    return received_payload.get(PAYLOAD_KEY) is True
