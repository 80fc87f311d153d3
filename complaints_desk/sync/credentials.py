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
import logging
import socket
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial

import keyring
import keyring.errors
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session, sessionmaker

from ..domain.errors import DomainError
from ..domain.roles import Actor, Role
from ..store.local import credentials, outbox, sync_state
from .protocol import ProblemDetail
from .store_writer import StoreWriter, direct_writer
from .transport import AuthRequired, Offline, ServerRefused, Transport

KEYRING_SERVICE = "complaints-desk"
MAX_FAILED_UNLOCKS = 5

_hasher = PasswordHasher()
log = logging.getLogger(__name__)


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
    """The login state of one workstation against one server. `token()` is what the Transport calls; the
    engine asks `token_for(staff_id)` whose token pushes whose events (sync.push.PushTokens).

    Signing out keeps the person's token (in the keyring) while changes of theirs wait, so they still go with
    their own token; once none are left it is revoked at the server and forgotten (`after_push`)."""

    def __init__(
        self, factory: sessionmaker[Session] | None, server_url: str, *, writer: StoreWriter | None = None
    ) -> None:
        if writer is None:
            if factory is None:
                raise ValueError("Credentials need a writer or a session factory")
            writer = direct_writer(factory)
        self._write = writer
        self.server_url = server_url.rstrip("/")
        self.current: LoggedIn | None = None
        self._proof: tuple[str, str] | None = None
        self._proof_loaded = False
        self._usernames: dict[str, str] = {}
        self._refused: set[str] = set()  # staff whose kept token the server refused: theirs wait for them
        self._lock = threading.Lock()

    def workstation_proof(self) -> tuple[str, str] | None:
        """(workstation id, secret) for the proof headers, or None before enrolment. What the Transport calls
        (read once from the database and the keyring, then kept in memory)."""
        if not self._proof_loaded:
            installation = self._write(sync_state.workstation_id)
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
        return self._kept_token(self.current.username)

    def _kept_token(self, username: str) -> str | None:
        try:
            return keyring.get_password(KEYRING_SERVICE, _account(self.server_url, username))
        except keyring.errors.KeyringError:
            return None

    def _forget_token(self, username: str) -> None:
        with contextlib.suppress(keyring.errors.KeyringError):
            keyring.delete_password(KEYRING_SERVICE, _account(self.server_url, username))

    # --- whose token pushes whose events (sync.push.PushTokens) ----------------------------------------------

    def current_staff_id(self) -> str | None:
        current = self.current
        return None if current is None else current.staff_id

    def token_for(self, staff_id: str | None) -> str | None:
        current = self.current
        if staff_id is None or (current is not None and current.staff_id == staff_id):
            with self._lock:  # the signed-in person's own token, unless the server refused it
                if current is not None and current.staff_id in self._refused:
                    return None
            return self.token()
        with self._lock:
            if staff_id in self._refused:
                return None
            username = self._usernames.get(staff_id)
        if username is None:
            stored = self._write(lambda s: credentials.credential_of_staff(s, staff_id), background=True)
            if stored is None:
                return None
            username = stored.username
            with self._lock:
                self._usernames[staff_id] = username
        return self._kept_token(username)

    def token_refused(self, staff_id: str | None) -> None:
        """`staff_id`'s token was refused (None: the signed-in person's, which pushes everyone's unnamed
        events): theirs wait until they sign in online again (`login`)."""
        staff_id = staff_id or self.current_staff_id()
        if staff_id is not None:
            with self._lock:
                self._refused.add(staff_id)

    def after_push(self, transport: Transport) -> None:
        """Revoke and forget the kept token of everyone who signed out and has nothing waiting any more."""
        current = self.current_staff_id()

        def done_people(session: Session) -> list[credentials.StoredCredential]:
            return [
                person
                for person in credentials.signed_out_waiting(session)
                if person.staff_id != current and outbox.pending_count(session, staff_id=person.staff_id) == 0
            ]

        for person in self._write(done_people, background=True):
            token = self._kept_token(person.username)
            if token is not None:
                try:
                    transport.revoke(token)
                except AuthRequired:
                    pass  # already refused: nothing to revoke
                except (Offline, ServerRefused):
                    log.info("could not revoke %s's token yet; retried after the next push", person.username)
                    continue
                self._forget_token(person.username)
            self._write(partial(credentials.clear_signed_out, staff_id=person.staff_id), background=True)

    def pending_of_current(self) -> int:
        current = self.current_staff_id()
        if current is None:
            return 0
        return self._write(lambda s: outbox.pending_count(s, staff_id=current))

    def sign_out(self, transport: Transport) -> int:
        """Sign out whoever is signed in; returns how many changes of theirs still wait. With none, the token is
        revoked now (or after the next push when the server cannot be reached); otherwise it is kept until the
        engine has pushed them, then revoked (`after_push`). Makes a network call: not on the GUI thread."""
        current = self.current
        if current is None:
            return 0
        waiting = self.pending_of_current()
        token = self.token()
        self.current = None
        if waiting == 0 and token is not None:
            try:
                transport.revoke(token)
            except (Offline, ServerRefused):
                pass  # revoked after a later push (below: marked as signed out)
            except AuthRequired:
                self._forget_token(current.username)
                return 0
            else:
                self._forget_token(current.username)
                return 0
        if token is not None:
            now = datetime.now(UTC)
            self._write(lambda s: credentials.mark_signed_out(s, current.staff_id, now))
        return waiting

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
        stored = credentials.StoredCredential(
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
        )

        def remember(session: Session) -> None:
            credentials.save_credential(session, stored)
            sync_state.set_server_url(session, self.server_url)

        self._write(remember)
        with self._lock:
            self._refused.discard(staff.id)
            self._usernames[staff.id] = staff.username
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
                return self._write(sync_state.sync_state).station_code, False
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
        last_no = self._write(_last_receipt_no)
        answer = transport.check_in(last_no)
        self._record(answer.station_id, answer.code, answer.name, answer.last_receipt_day, answer.last_receipt_seq)
        return answer.code

    def ensure_enrolled(self, transport: Transport, station_name: str) -> str:
        """Enrol this workstation (the logged-in staff member must be a supervisor or an administrator): a new
        one gets its code, a known one keeps it; either way a new secret, kept in the OS keyring."""
        known = self._write(sync_state.sync_state)
        installation = self._write(sync_state.workstation_id)
        last_no = self._write(_last_receipt_no)
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
        self._write(
            lambda session: sync_state.record_enrolment(
                session,
                station_id=station_id,
                code=code,
                name=name,
                last_receipt_day=day,
                last_receipt_seq=last_seq,
                now=datetime.now(UTC),
            )
        )

    def unlock_offline(self, username: str, password: str) -> LoggedIn:
        stored, station = self._write(
            lambda s: (credentials.credential_for(s, username), sync_state.sync_state(s).station_code)
        )
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
            self._write(lambda s: credentials.note_failed_unlock(s, username))
            raise _bad_password() from error

        def unlocked(session: Session) -> None:
            credentials.reset_failed_unlocks(session, username)
            credentials.clear_signed_out(session, stored.staff_id)

        self._write(unlocked)
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


def _last_receipt_no(session: Session) -> str | None:
    known = sync_state.sync_state(session)
    return sync_state.last_receipt_no(session, known.station_code) if known.station_code else None
