"""민원 신청 and 국민제안 신청: the form, and its submission filed as a case of the web channel (W01) by
store.central.online.file_online, with the attachments' bytes kept where every server process reads them.

A refused form comes back with everything typed (the files must be chosen again: a browser never lets a
page fill in a file input, and the page says so). The same form sent twice (a reload, a double click) files
one case: each form carries a random token, taken in once like a platform's event id."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session, sessionmaker
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse

from ...domain.attachments import MAX_FILE_BYTES, MAX_FILES, AttachmentRef
from ...domain.channels import Channel
from ...domain.errors import DomainError
from ...domain.ids import new_id
from ...domain.kinds import Kind
from ...domain.replies import receipt_message, receipt_route
from ...domain.web_form import COMPLAINT_KINDS, REPLY_CHOICES, WebForm, form_problems, normalized_phone
from ...store.attachments import store_bytes
from ...store.central import conversations, outbound, rate_limits
from ...store.central.citizen import WEB_FORM_PLATFORM, filed_by_form
from ...store.central.online import CitizenView, Contact, Filed, OnlineFiling, due_text, file_online
from .. import units
from ..deps import FactoryDep, SettingsDep
from ..logs import log
from . import security
from .files import ALLOWED_WORDS, CheckedFile, check_file, size_text
from .limits import WebSettings, web_settings
from .pages import office_of, render

router = APIRouter(tags=["citizens"], include_in_schema=False)
_FORM_ID = re.compile(r"^[A-Za-z0-9_-]{24,64}$")
FORM_FIELD_BYTES = 256 * 1024  # one text field of the form (the content: 20,000 characters of Hangul)


class RateLimited(Exception):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds:.0f} s")
        self.seconds = seconds


@dataclass
class FormPage:
    """What the form page shows: the values, the problems by field, and a notice above the form."""

    form: WebForm
    form_id: str
    errors: dict[str, str] = field(default_factory=dict)
    file_errors: list[str] = field(default_factory=list)
    files_dropped: bool = False  # files were chosen: they must be chosen again
    notice: str = ""

    def context(self) -> dict[str, Any]:
        return {
            "proposal": self.form.proposal,
            "form": self.form,
            "form_id": self.form_id,
            "errors": self.errors,
            "file_errors": self.file_errors,
            "files_dropped": self.files_dropped,
            "notice": self.notice,
            "kinds": [(kind.value, label, note) for kind, (label, note) in COMPLAINT_KINDS.items()],
            "replies": list(REPLY_CHOICES.items()),
            "max_files": MAX_FILES,
            "max_file_mb": MAX_FILE_BYTES // (1024 * 1024),
            "allowed_words": ALLOWED_WORDS,
            "action": "/minwon/proposal" if self.form.proposal else "/minwon/complaint",
        }


def blank_form(proposal: bool) -> WebForm:
    return WebForm(
        proposal=proposal,
        kind="" if proposal else Kind.GRIEVANCE.value,
        title="",
        body="",
        place="",
        name="",
        phone="",
        email="",
        reply="web",
        consent=False,
        public="no" if proposal else "",
    )


def _text(fields: FormData, name: str) -> str:
    value = fields.get(name)
    return value if isinstance(value, str) else ""


def typed_form(fields: FormData, proposal: bool) -> WebForm:
    return WebForm(
        proposal=proposal,
        kind="" if proposal else _text(fields, "kind"),
        title=_text(fields, "title"),
        body=_text(fields, "body"),
        place=_text(fields, "place"),
        name=_text(fields, "name"),
        phone=_text(fields, "phone"),
        email=_text(fields, "email"),
        reply=_text(fields, "reply"),
        consent=_text(fields, "consent") == "yes",
        public=_text(fields, "public") if proposal else "",
    )


async def _office(factory: sessionmaker[Session]) -> Any:
    return await office_of(factory)


async def _show(
    request: Request, factory: sessionmaker[Session], page: FormPage, status: int = 200, **headers: str
) -> HTMLResponse:
    return render(
        request,
        "minwon_form.html",
        page.context(),
        office=await _office(factory),
        status_code=status,
        headers=headers,
    )


@router.get("/minwon/complaint", response_class=HTMLResponse)
async def complaint_form(request: Request, factory: FactoryDep) -> HTMLResponse:
    return await _show(request, factory, FormPage(blank_form(False), secrets.token_urlsafe(24)))


@router.get("/minwon/proposal", response_class=HTMLResponse)
async def proposal_form(request: Request, factory: FactoryDep) -> HTMLResponse:
    return await _show(request, factory, FormPage(blank_form(True), secrets.token_urlsafe(24)))


@router.post("/minwon/complaint", response_class=HTMLResponse)
async def file_complaint(request: Request, factory: FactoryDep, settings: SettingsDep) -> HTMLResponse:
    return await _submit(request, factory, web_settings(settings.channels), proposal=False)


@router.post("/minwon/proposal", response_class=HTMLResponse)
async def file_proposal(request: Request, factory: FactoryDep, settings: SettingsDep) -> HTMLResponse:
    return await _submit(request, factory, web_settings(settings.channels), proposal=True)


async def _read_form(request: Request) -> FormData | None:
    try:
        return await request.form(max_files=MAX_FILES + 6, max_fields=40, max_part_size=FORM_FIELD_BYTES)
    except StarletteHTTPException as error:
        if error.status_code != 400:
            raise  # 413 from the body limit (server.middleware) is answered there
        return None


async def _submit(
    request: Request, factory: sessionmaker[Session], web: WebSettings, *, proposal: bool
) -> HTMLResponse:
    fields = await _read_form(request)
    if fields is None:
        page = FormPage(blank_form(proposal), secrets.token_urlsafe(24))
        page.notice = (
            "보내신 내용을 읽을 수 없습니다. 입력란이 너무 길거나 첨부파일이 너무 많습니다. 다시 작성해 주세요."
        )
        return await _show(request, factory, page, 400)
    try:
        return await _take(request, factory, web, fields, proposal=proposal)
    finally:
        await fields.close()


async def _take(
    request: Request, factory: sessionmaker[Session], web: WebSettings, fields: FormData, *, proposal: bool
) -> HTMLResponse:
    form = typed_form(fields, proposal)
    form_id = _text(fields, "form_id")
    form_id = form_id if _FORM_ID.match(form_id) else secrets.token_urlsafe(24)
    uploads = [item for item in fields.getlist("files") if isinstance(item, UploadFile) and item.filename]
    page = FormPage(form, form_id, files_dropped=bool(uploads))
    if not security.csrf_ok(request, _text(fields, security.FIELD)):
        log("web_form_refused", reason="csrf", client=security.client_address(request))
        page.notice = (
            "보안 확인에 실패해 접수하지 않았습니다. 이 페이지를 새로 열어 둔 지 오래되었거나 다른 사이트에서 보낸 "
            "요청입니다. 적으신 내용은 그대로 두었으니 확인하신 뒤 다시 신청해 주세요."
        )
        return await _show(request, factory, page, 403)
    page.errors = {error.field: error.ko for error in form_problems(form)}
    files = await _checked_files(uploads, page)
    if page.errors or page.file_errors:
        page.notice = "고칠 곳이 있어 접수하지 않았습니다. 아래에 표시된 항목을 확인해 주세요."
        return await _show(request, factory, page, 400)
    filing = _filing(form, form_id)
    try:
        filed = await run_in_threadpool(
            units.write,
            factory,
            partial(
                _file,
                filing=filing,
                files=files,
                form_id=form_id,
                address=security.client_address(request),
                web=web,
            ),
        )
    except RateLimited as limited:
        minutes = max(1, round(limited.seconds / 60))
        page.notice = (
            f"같은 곳에서 신청이 너무 잦아 잠시 받지 않습니다. 약 {minutes}분 뒤에 다시 신청해 주세요. "
            "적으신 내용은 그대로 두었습니다."
        )
        log("web_form_refused", reason="rate_limited", client=security.client_address(request))
        return await _show(request, factory, page, 429, **{"Retry-After": str(int(limited.seconds) + 1)})
    except DomainError as error:
        page.errors[error.field if error.field in _FIELDS else "body"] = error.ko
        page.notice = "고칠 곳이 있어 접수하지 않았습니다. 아래에 표시된 항목을 확인해 주세요."
        return await _show(request, factory, page, 400)
    if filed is None:  # the same form sent again (a reload, a double click): the receipt it got
        existing = await run_in_threadpool(units.read, factory, partial(filed_by_form, form_token=form_id))
        if existing is None:
            page.notice = "이 신청서는 이미 보내졌습니다. 접수번호는 처리 상황 조회에서 확인해 주세요."
            return await _show(request, factory, page, 409)
        return await _result(request, factory, _Receipt.of_view(existing))
    request.app.state.notifier.publish(filed.seq)
    request.app.state.outbox.wake()  # the receipt number by text, when the citizen asked for it
    log(
        "case_filed_online",
        channel="web",
        receipt_no=filed.receipt_no,
        routed=filed.department_code,
        attachments=len(files),
    )
    return await _result(
        request,
        factory,
        _Receipt(
            receipt_no=filed.receipt_no,
            kind=filing.kind,
            title=filing.title,
            due_at=filed.due_at,
            reply=REPLY_CHOICES.get(form.reply, ""),
            files=[f"{item.name} ({size_text(len(item.data))})" for item in files],
            public=filing.public,
        ),
    )


_FIELDS = frozenset({"kind", "title", "body", "place", "name", "phone", "email", "reply", "public", "consent"})


async def _checked_files(uploads: list[UploadFile], page: FormPage) -> list[CheckedFile]:
    if len(uploads) > MAX_FILES:
        page.file_errors.append(f"첨부파일은 {MAX_FILES}개까지 보낼 수 있습니다(고르신 파일 {len(uploads)}개).")
        return []
    checked = []
    for upload in uploads:
        data = await upload.read(MAX_FILE_BYTES + 1)
        try:
            checked.append(check_file(upload.filename or "", data))
        except DomainError as error:
            page.file_errors.append(error.ko)
    return checked


def _filing(form: WebForm, form_id: str) -> OnlineFiling:
    kind = form.chosen_kind
    assert kind is not None  # form_problems refused the form otherwise
    return OnlineFiling(
        channel=Channel.WEB,
        kind=kind,
        title=form.title.strip(),
        body=form.body.strip(),
        name=form.name.strip(),
        phone=normalized_phone(form),
        email=form.email.strip(),
        place=form.place.strip(),
        reply_channel=form.reply,
        privacy_consent=form.consent,
        contact=Contact(WEB_FORM_PLATFORM, form_id),
        public=(form.public == "yes") if form.proposal else None,
    )


def _file(
    session: Session,
    *,
    filing: OnlineFiling,
    files: list[CheckedFile],
    form_id: str,
    address: str,
    web: WebSettings,
) -> Any:
    """One transaction: the form's token taken in once (None: already filed), a filing token taken from the
    address's bucket (RateLimited rolls everything back), the bytes kept, the case filed."""
    if not conversations.first_delivery(session, WEB_FORM_PLATFORM, form_id):
        return None
    wait = rate_limits.take(session, f"filing:{address}", web.filing)
    if wait > 0:
        raise RateLimited(wait)
    refs = tuple(
        AttachmentRef(
            new_id(), item.name, item.content_type, len(item.data), _keep(session, web.attachments_dir, item)
        )
        for item in files
    )
    filed = file_online(session, replace(filing, attachments=refs))
    _text_the_receipt(session, filing, filed)
    return filed


def _text_the_receipt(session: Session, filing: OnlineFiling, filed: Filed) -> None:
    """A citizen who asked to be answered by text is sent the receipt number that way too, through the outbox
    in the filing's own transaction (filed and told, or neither)."""
    route = receipt_route(reply_channel=filing.reply_channel, phone=filing.phone)
    if route is None:
        return
    body = receipt_message(
        receipt_no=filed.receipt_no,
        title=filing.title,
        proposal=filing.kind is Kind.PROPOSAL,
        due_text=due_text(filed.due_at),
    )
    outbound.enqueue(
        session,
        platform=route.platform,
        address=route.address,
        purpose="receipt",
        body=body,
        case_id=filed.case_id,
    )


def _keep(session: Session, folder: Path | None, item: CheckedFile) -> str:
    return store_bytes(session, folder, item.data)


@dataclass(frozen=True)
class _Receipt:
    receipt_no: str
    kind: Kind
    title: str
    due_at: datetime
    reply: str = ""
    files: list[str] = field(default_factory=list)
    public: bool | None = None

    @classmethod
    def of_view(cls, view: CitizenView) -> _Receipt:
        return cls(receipt_no=view.receipt_no, kind=view.kind, title=view.title, due_at=view.due_at)


async def _result(request: Request, factory: sessionmaker[Session], receipt: _Receipt) -> HTMLResponse:
    return render(
        request,
        "minwon_filed.html",
        {
            "receipt": receipt,
            "proposal": receipt.kind is Kind.PROPOSAL,
            "kind_label": COMPLAINT_KINDS.get(receipt.kind, ("국민제안", ""))[0],
        },
        office=await _office(factory),
    )
