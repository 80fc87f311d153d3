"""What the transport (sync.transport) raises, in a module of its own: a screen that only catches them (the
case panel, its attachments) then does not import `requests` and pydantic, which a desk without a server
never needs (about a tenth of a second of the client's start)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .protocol import ProblemDetail


class TransportError(Exception):
    """Base of what the transport raises."""


class Offline(TransportError):
    """The server cannot be reached (connection refused, timeout, 5xx after retries)."""


class AuthRequired(TransportError):
    """401: log in again (online) to get a new token."""


class ServerRefused(TransportError):
    def __init__(self, status: int, problem: ProblemDetail) -> None:
        super().__init__(f"{status} {problem.code}: {problem.message_en}")
        self.status = status
        self.problem = problem
