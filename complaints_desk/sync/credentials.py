"""Logging in: online against the server (token into the OS keyring, never a file), or offline with the argon2
verifier kept from an earlier online login on this workstation.

The workstation itself: a supervisor's or an administrator's online login enrols it (once; their later logins
check in), and the server's answer carries a secret that goes into the OS keyring beside the tokens (never a
file, never the database) and proves the workstation on every request (sync.transport). Every other online
login checks in with that proof, which tells the workstation where its receipt numbers continue: only then
is the counter range of receipt numbers safe (LoggedIn.counter_confirmed; domain.receipts).

Libraries: `keyring` (the OS credential store: Windows Credential Manager, macOS Keychain, Secret Service) and
`argon2-cffi` (argon2id, the verifier; its defaults are the RFC 9106 "low memory" profile).
"""

from __future__ import annotations

import contextlib
import socket
from dataclasses import dataclass
from datetime import UTC, date, datetime

import keyring
import keyring.errors
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session, sessionmaker

from ..domain.errors import DomainError
from ..domain.roles import Actor, Role
from ..store.db import transaction
from ..store.local import credentials, sync_state
from .protocol import ProblemDetail
from .transport import AuthRequired, Offline, ServerRefused, Transport

KEYRING_SERVICE = "complaints-desk"
MAX_FAILED_UNLOCKS = 5

_hasher = PasswordHasher()


@dataclass(frozen=True)
class LoggedIn:
    """Who is at the workstation, and whether the server vouched for it just now (online) or the local
    verifier did (offline: sync waits until an online login gives it a token)."""

    staff_id: str
    username: str
    name: str
    role: Role
    department_code: str | None
    phone: str
    online: bool
    station_code: str | None
    # True once this session's check-in (or enrolment) told the workstation where its numbers continue: the
    # desktop then numbers intakes from the counter range, otherwise from the clock range (domain.receipts).
    counter_confirmed: bool = False

    @property
    def offline_numbering(self) -> bool:
        """What to pass as store.local.outbox.record_local_intake(offline=…)."""
        return not self.counter_confirmed

    @property
    def actor(self) -> Actor:
        return Actor(self.staff_id, self.role, self.department_code, self.name)


def _account(server_url: str, username: str) -> str:
    return f"{server_url.rstrip('/')}#{username}"


def _workstation_account(server_url: str, workstation_id: str) -> str:
    return f"{server_url.rstrip('/')}#workstation:{workstation_id}"


def _no_keyring(error: Exception) -> DomainError:
    return DomainError(
        "keyring",
        "운영체제의 자격 증명 저장소(키링)를 사용할 수 없어 로그인 정보를 보관할 수 없습니다.",
        "The operating system's keyring is unavailable, so the login token cannot be kept.",
        code="no_keyring",
    )


ENROLLING_ROLES = (Role.SUPERVISOR, Role.ADMIN)


def _bad_password() -> DomainError:
    return DomainError(
        "password",
        "아이디 또는 비밀번호가 올바르지 않습니다.",
        "The username or password is wrong.",
        code="bad_credentials",
    )


class Credentials:
    """The login state of one workstation against one server. `token()` is what the Transport calls."""

    def __init__(self, factory: sessionmaker[Session], server_url: str) -> None:
        self._factory = factory
        self.server_url = server_url.rstrip("/")
        self.current: LoggedIn | None = None
        self._proof: tuple[str, str] | None = None
        self._proof_loaded = False

    def workstation_proof(self) -> tuple[str, str] | None:
        """(workstation id, secret) for the proof headers, or None before enrolment. What the Transport calls
        (read once from the database and the keyring, then kept in memory)."""
        if not self._proof_loaded:
            with transaction(self._factory) as session:
                installation = sync_state.workstation_id(session)
            try:
                secret = keyring.get_password(KEYRING_SERVICE, _workstation_account(self.server_url, installation))
            except keyring.errors.KeyringError:
                secret = None
            self._proof = None if secret is None else (installation, secret)
            self._proof_loaded = True
        return self._proof

    def token(self) -> str | None:
        if self.current is None:
            return None
        try:
            return keyring.get_password(KEYRING_SERVICE, _account(self.server_url, self.current.username))
        except keyring.errors.KeyringError:
            return None

    def login(
        self, transport: Transport, username: str, password: str, *, station_name: str | None = None
    ) -> LoggedIn:
        """Online when the server answers; offline unlock when it cannot be reached. A wrong password is
        refused either way (the server's "no" is never overridden by the local verifier)."""
        try:
            answer = transport.token(username, password)
        except Offline:
            return self.unlock_offline(username, password)
        except (AuthRequired, ServerRefused) as error:
            raise _bad_password() from error
        try:
            keyring.set_password(KEYRING_SERVICE, _account(self.server_url, username), answer.access_token)
        except keyring.errors.KeyringError as error:
            raise _no_keyring(error) from error
        staff = answer.staff
        now = datetime.now(UTC)
        with transaction(self._factory) as session:
            credentials.save_credential(
                session,
                credentials.StoredCredential(
                    staff.id,
                    staff.username,
                    _hasher.hash(password),
                    staff.name,
                    staff.role.value,
                    staff.department_code,
                    staff.phone,
                    self.server_url,
                    now,
                    0,
                ),
            )
            sync_state.set_server_url(session, self.server_url)
        self.current = LoggedIn(
            staff.id, staff.username, staff.name, staff.role, staff.department_code, staff.phone, True, None
        )
        code, confirmed = self._station_at_login(
            transport, staff.role, station_name or socket.gethostname()[:100] or "workstation"
        )
        self.current = LoggedIn(**{**self.current.__dict__, "station_code": code, "counter_confirmed": confirmed})
        return self.current

    def _station_at_login(self, transport: Transport, role: Role, station_name: str) -> tuple[str | None, bool]:
        """Check in with the workstation's proof; enrol it when that fails and the role may (the first login
        of a supervisor or an administrator). Any other role on an unproven workstation gets no station:
        it can work on cases but takes no intakes until a supervisor enrols the workstation."""
        if self.workstation_proof() is not None:
            try:
                return self.check_in(transport), True
            except ServerRefused as error:
                if error.problem.code != "workstation_unproven":
                    raise
            except Offline:
                with transaction(self._factory) as session:
                    return sync_state.sync_state(session).station_code, False
        if role not in ENROLLING_ROLES:
            return None, False
        try:
            return self.ensure_enrolled(transport, station_name), True
        except ServerRefused as error:
            if error.status != 403:
                raise
            # a supervisor may not re-enrol a workstation whose proof is lost (an administrator may): the
            # login goes on without a station, and the server logged why
            return None, False

    def check_in(self, transport: Transport) -> str:
        """Tell the server our newest receipt number (a workstation restored from an old backup is caught)
        and continue after the newest number either side has seen. Needs the workstation's proof."""
        with transaction(self._factory) as session:
            known = sync_state.sync_state(session)
            last_no = sync_state.last_receipt_no(session, known.station_code) if known.station_code else None
        answer = transport.check_in(last_no)
        self._record(answer.station_id, answer.code, answer.name, answer.last_receipt_day, answer.last_receipt_seq)
        return answer.code

    def ensure_enrolled(self, transport: Transport, station_name: str) -> str:
        """Enrol this workstation (the logged-in staff member must be a supervisor or an administrator): a new
        one gets its code, a known one keeps it; either way a new secret, kept in the OS keyring."""
        with transaction(self._factory) as session:
            known = sync_state.sync_state(session)
            installation = sync_state.workstation_id(session)
            last_no = sync_state.last_receipt_no(session, known.station_code) if known.station_code else None
        answer = transport.enrol(
            known.station_name or station_name,
            workstation_id=installation,
            last_receipt_no=last_no,
        )
        if answer.secret is None:
            raise ServerRefused(
                502,
                ProblemDetail(
                    code="no_secret",
                    message_ko="서버가 단말 등록 증명을 보내지 않았습니다.",
                    message_en="The server's enrolment answer carries no secret.",
                ),
            )
        try:
            keyring.set_password(
                KEYRING_SERVICE, _workstation_account(self.server_url, installation), answer.secret
            )
        except keyring.errors.KeyringError as error:
            raise _no_keyring(error) from error
        self._proof, self._proof_loaded = (installation, answer.secret), True
        self._record(answer.station_id, answer.code, answer.name, answer.last_receipt_day, answer.last_receipt_seq)
        return answer.code

    def _record(self, station_id: str, code: str, name: str, last_day: str | None, last_seq: int) -> None:
        day = date.fromisoformat(last_day) if last_day else None
        with transaction(self._factory) as session:
            sync_state.record_enrolment(
                session,
                station_id=station_id,
                code=code,
                name=name,
                last_receipt_day=day,
                last_receipt_seq=last_seq,
                now=datetime.now(UTC),
            )

    def unlock_offline(self, username: str, password: str) -> LoggedIn:
        with transaction(self._factory) as session:
            stored = credentials.credential_for(session, username)
            station = sync_state.sync_state(session).station_code
        if stored is None:
            raise DomainError(
                "username",
                "서버에 연결할 수 없습니다. 이 단말에서 한 번 이상 온라인으로 로그인한 직원만 오프라인으로 사용할 수 있습니다.",
                "The server cannot be reached. Only staff who have logged in online on this workstation "
                "before can unlock it offline.",
                code="offline_unknown_user",
            )
        if stored.failed_unlocks >= MAX_FAILED_UNLOCKS:
            raise DomainError(
                "password",
                "오프라인 잠금 해제에 여러 번 실패했습니다. 서버에 연결된 뒤 다시 로그인해 주세요.",
                "Too many failed offline unlocks: log in again once the server can be reached.",
                code="offline_locked",
            )
        try:
            _hasher.verify(stored.verifier, password)
        except (VerificationError, InvalidHashError) as error:
            with transaction(self._factory) as session:
                credentials.note_failed_unlock(session, username)
            raise _bad_password() from error
        with transaction(self._factory) as session:
            credentials.reset_failed_unlocks(session, username)
        self.current = LoggedIn(
            stored.staff_id,
            stored.username,
            stored.name,
            Role(stored.role),
            stored.department_code,
            stored.phone,
            False,
            station,
        )
        return self.current

    def logout(self, *, forget_token: bool = True) -> None:
        if self.current is not None and forget_token:
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                keyring.delete_password(KEYRING_SERVICE, _account(self.server_url, self.current.username))
        self.current = None
