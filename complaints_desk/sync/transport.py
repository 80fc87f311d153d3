"""HTTP to the central server: `requests` with timeouts on every call and urllib3's `Retry` (through requests'
HTTPAdapter) for connection failures and 502/503/504, with exponential backoff. Retrying a push is safe: event
ids are idempotency keys and the server answers a repeat with `duplicate`.

Failures become three exceptions the engine understands: Offline (the server cannot be reached or is down),
AuthRequired (the token is missing, expired or revoked) and ServerRefused (a 4xx with the server's problem).
"""

from __future__ import annotations

import hashlib
import json as json_module
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import requests
from pydantic import BaseModel, ValidationError
from requests.adapters import BaseAdapter, HTTPAdapter
from urllib3.util.retry import Retry

from ..domain.events import Event
from .errors import AuthRequired as AuthRequired  # (in sync.errors, so that catching them needs no `requests`)
from .errors import Offline as Offline
from .errors import ServerRefused as ServerRefused
from .errors import TransportError as TransportError
from .protocol import (
    API_PREFIX,
    DEFAULT_PULL_PAGE,
    WORKSTATION_HEADER,
    WORKSTATION_PROOF_HEADER,
    CheckInRequest,
    EnrolRequest,
    EnrolResponse,
    ProblemDetail,
    PullResponse,
    PushRequest,
    PushResponse,
    TokenRequest,
    TokenResponse,
    WaitResponse,
    WireEvent,
)
from .pull_codec import PageError, PulledPage, parse_pull_page

CONNECT_TIMEOUT = 3.0
READ_TIMEOUT = 30.0
WAIT_SECONDS = 25.0
PUSH_SECONDS_PER_EVENT = 0.2

M = TypeVar("M", bound=BaseModel)


def _retry(total: int, backoff: float) -> Retry:
    return Retry(
        total=total,
        connect=total,
        read=0,  # a read timeout may mean the server is working on it: let the engine decide, not urllib3
        status=total,
        backoff_factor=backoff,
        backoff_max=5.0,
        status_forcelist=(502, 503, 504),
        allowed_methods=frozenset({"GET", "POST"}),  # POSTs here are idempotent (ids are keys)
        raise_on_status=False,
        respect_retry_after_header=True,
    )


class Transport:
    """One server. Thread-safe: each thread gets its own `requests.Session` (sessions are not shareable)."""

    def __init__(
        self,
        base_url: str,
        *,
        token: Callable[[], str | None] = lambda: None,
        workstation: Callable[[], tuple[str, str] | None] = lambda: None,
        retries: int = 2,
        backoff: float = 0.2,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
        adapter: BaseAdapter | None = None,
    ) -> None:
        """`workstation`: this workstation's (id, secret) from its enrolment (sync.credentials), sent with
        every request in the proof headers; `adapter`: a requests transport adapter to use instead of HTTP
        (benches answer from memory)."""
        self.base_url = base_url.rstrip("/")
        self._adapter = adapter
        self._token = token
        self._workstation = workstation
        self._retries, self._backoff = retries, backoff
        self.connect_timeout, self.read_timeout = connect_timeout, read_timeout
        self._local = threading.local()

    def workstation_proof(self) -> tuple[str, str] | None:
        """The proof this transport sends now (None before enrolment)."""
        return self._workstation()

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            adapter = self._adapter or HTTPAdapter(max_retries=_retry(self._retries, self._backoff))
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            self._local.session = session
        return session

    def close(self) -> None:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is not None:
            session.close()
            self._local.session = None

    def _call(
        self,
        method: str,
        path: str,
        model: type[M],
        *,
        json: Any = None,
        data: bytes | None = None,
        params: dict[str, Any] | None = None,
        read_timeout: float | None = None,
        auth: bool = True,
        token: str | None = None,
    ) -> M:
        content = self._fetch(
            method, path, json=json, data=data, params=params, read_timeout=read_timeout, auth=auth, token=token
        )
        try:
            return model.model_validate_json(content)
        except ValidationError as error:
            raise Offline(f"unexpected answer from {path}: {error}") from error

    def _fetch(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        data: bytes | None = None,
        params: dict[str, Any] | None = None,
        read_timeout: float | None = None,
        auth: bool = True,
        token: str | None = None,
    ) -> bytes:
        """The body of a 2xx answer; the failures as the engine's exceptions. `token`: this person's instead
        of the signed-in one's (a push of someone else's waiting changes)."""
        headers = {"Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        if auth and token is None:
            token = self._token()
        if not auth:
            token = None
        if token:
            headers["Authorization"] = f"Bearer {token}"
            proof = self._workstation()
            if proof is not None:  # every signed-in request: the server checks it where it matters
                headers[WORKSTATION_HEADER], headers[WORKSTATION_PROOF_HEADER] = proof
        try:
            response = self._session().request(
                method,
                f"{self.base_url}{API_PREFIX}{path}",
                json=json,
                data=data,
                params=params,
                headers=headers,
                timeout=(self.connect_timeout, read_timeout or self.read_timeout),
            )
        except (requests.ConnectionError, requests.Timeout) as error:
            raise Offline(str(error)) from error
        except requests.RequestException as error:  # retries exhausted and the like
            raise Offline(str(error)) from error
        if response.status_code == 401:
            raise AuthRequired(response.text[:200])
        if response.status_code >= 500:
            raise Offline(f"server error {response.status_code}")
        if response.status_code >= 400:
            raise ServerRefused(response.status_code, _problem(response))
        return response.content

    # --- endpoints -------------------------------------------------------------------------------------

    def token(self, username: str, password: str) -> TokenResponse:
        body = TokenRequest(username=username, password=password).model_dump(mode="json")
        return self._call("POST", "/auth/token", TokenResponse, json=body, auth=False)

    def enrol(
        self,
        name: str,
        *,
        code: str | None = None,
        workstation_id: str | None = None,
        last_receipt_no: str | None = None,
    ) -> EnrolResponse:
        body = EnrolRequest(
            name=name, code=code, workstation_id=workstation_id, last_receipt_no=last_receipt_no
        ).model_dump(mode="json")
        return self._call("POST", "/stations/enrol", EnrolResponse, json=body)

    def check_in(self, last_receipt_no: str | None = None) -> EnrolResponse:
        """A proven workstation's check-in (whoever is logged in): where its receipt numbers continue."""
        body = CheckInRequest(last_receipt_no=last_receipt_no).model_dump(mode="json")
        return self._call("POST", "/stations/check-in", EnrolResponse, json=body)

    def push(self, events: Sequence[Event], *, token: str | None = None) -> PushResponse:
        """`token`: whose events these are (each person's run is pushed with their own token)."""
        request = PushRequest(events=[WireEvent.from_domain(event) for event in events])
        # The server applies each event in its own transaction: a full batch takes a while on a busy server.
        seconds = max(self.read_timeout, 10.0 + PUSH_SECONDS_PER_EVENT * len(events))
        return self._call(
            "POST",
            "/sync/push",
            PushResponse,
            data=request.model_dump_json().encode(),
            read_timeout=seconds,
            token=token,
        )

    def revoke(self, token: str) -> None:
        """Sign out at the server: the token is refused from now on."""
        self._fetch("POST", "/auth/revoke", token=token)

    def pull(self, after: int, limit: int = DEFAULT_PULL_PAGE) -> PullResponse:
        """The page as the protocol's pydantic model (convenient, slow on big pages: the engine uses pull_page)."""
        return self._call("GET", "/sync/pull", PullResponse, params={"after": after, "limit": limit})

    def pull_page(self, after: int, limit: int = DEFAULT_PULL_PAGE) -> PulledPage:
        """The same request, read fast into the store's form (sync.pull_codec)."""
        return self.read_page(self.pull_raw(after, limit))

    def pull_raw(self, after: int, limit: int = DEFAULT_PULL_PAGE) -> bytes:
        """The same request's body as fetched (a catch-up's second process reads it: sync.projector)."""
        return self._fetch("GET", "/sync/pull", params={"after": after, "limit": limit})

    @staticmethod
    def read_page(content: bytes) -> PulledPage:
        try:
            return parse_pull_page(content)
        except PageError as error:
            raise Offline(f"unexpected answer from /sync/pull: {error}") from error

    def wait(self, after: int, seconds: float = WAIT_SECONDS) -> WaitResponse:
        return self._call(
            "GET",
            "/sync/wait",
            WaitResponse,
            params={"after": after, "timeout": seconds},
            read_timeout=seconds + 10.0,
        )

    def get_json(
        self, path: str, params: dict[str, Any] | None = None, *, read_timeout: float | None = None
    ) -> Any:
        """GET an API path's JSON answer (the failures as the engine's exceptions)."""
        return json_module.loads(self._fetch("GET", path, params=params, read_timeout=read_timeout))

    def post_json(self, path: str, body: Any) -> bytes:
        """POST one JSON document to an API path; the answer's body."""
        return self._fetch("POST", path, data=json_module.dumps(body, ensure_ascii=False).encode())

    def cti_calls(self, since: str | None, wait: float) -> list[dict[str, Any]]:
        """The signed-in agent's calls changed after `since` (server/calls/cti.py), waiting up to `wait` s."""
        params: dict[str, Any] = {"wait": wait}
        if since:
            params["since"] = since
        answer = self.get_json("/cti/calls", params, read_timeout=wait + 10.0)
        calls: list[dict[str, Any]] = answer.get("calls", []) if isinstance(answer, dict) else []
        return calls

    def case(self, case_id: str, *, details: bool = False) -> dict[str, Any]:
        """GET /cases/{id}: the case as the server shows this role; `details`: the petitioner in full for a
        role that may see it (the server records an officer's view as `details_viewed`)."""
        content = self._fetch("GET", f"/cases/{case_id}", params={"details": "true"} if details else None)
        answer: dict[str, Any] = json_module.loads(content)
        return answer

    def attachment(self, case_id: str, attachment_id: str, *, sha256: str | None = None) -> bytes:
        """GET /cases/{id}/attachments/{attachment_id}: a file a citizen attached (the received event names
        it: domain.attachments), fetched when it is opened, never through pull; with `sha256` (the event's),
        bytes that do not match are refused (ServerRefused, code `damaged`)."""
        content = self._fetch("GET", f"/cases/{case_id}/attachments/{attachment_id}")
        if sha256 is not None and hashlib.sha256(content).hexdigest() != sha256:
            raise ServerRefused(
                200,
                ProblemDetail(
                    code="damaged",
                    field="attachment_id",
                    message_ko="내려받은 첨부파일이 접수 때의 파일과 다릅니다.",
                    message_en="The attachment received differs from the one filed.",
                ),
            )
        return content


def _problem(response: requests.Response) -> ProblemDetail:
    try:
        return ProblemDetail.model_validate_json(response.content)
    except ValidationError:
        return ProblemDetail(
            code=f"http_{response.status_code}",
            message_ko=f"서버가 요청을 거절했습니다 ({response.status_code}).",
            message_en=f"The server refused the request ({response.status_code}): {response.text[:200]}",
        )
