"""Notices to the petitioner: the result (with reasons and remedies for a rejection), a deadline extension,
the 30-day progress notice and a proposal's decision. Each says what docs/rules.md requires of it.

They share one letter layout (office, title, addressee, the case, the body, the officer to call, the issuing
office) set with platypus so that a long answer flows onto a second page. The addressee is masked unless the
caller asks for the full details (a notice put in an envelope needs the address)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..domain.kinds import Kind
from ..domain.masking import mask_address, mask_name
from ..domain.report_data import (
    ExtensionNoticeFacts,
    NoticeCase,
    OfficeInfo,
    Officer,
    ProgressNoticeFacts,
    ProposalDecisionFacts,
    ResultNoticeFacts,
)
from .fonts import REGULAR, printable
from .formatting import date_ko, datetime_ko, due_ko, keep_units
from .layout import INK, MUTED, RULE, SHADE, numbered_canvas, styles

RESULT_LABELS = {
    "accepted": "수용",
    "partially_accepted": "일부 수용",
    "rejected": "불수용(거부)",
    "informed": "설명·안내",
}
# The remedies a refusal names (docs/rules.md, "While a case is open"): each outcome carries its own.
OBJECTION = (
    "이의신청: 「민원 처리에 관한 법률」 제35조제1항에 따라 거부처분을 받은 날부터 60일 이내에 그 거부처분을 "
    "한 행정기관의 장에게 문서로 이의신청을 할 수 있습니다. 이의신청을 받은 날부터 10일 이내에 결정하여 "
    "알려 드리며, 부득이한 경우 10일 이내에서 한 번 연장할 수 있습니다."
)
DISCLOSURE_OBJECTION = (
    "이의신청: 「공공기관의 정보공개에 관한 법률」 제18조에 따라 비공개 또는 부분 공개 결정의 통지를 받은 "
    "날부터 30일 이내에 이 기관에 문서로 이의신청을 할 수 있습니다."
)
APPEAL = (
    "행정심판: 「행정심판법」 제27조에 따라 처분이 있음을 알게 된 날부터 90일 이내(처분이 있었던 날부터 "
    "180일 이내)에 행정심판을 청구할 수 있습니다."
)
LAWSUIT = (
    "행정소송: 「행정소송법」 제20조에 따라 처분 등이 있음을 안 날부터 90일 이내(처분 등이 있은 날부터 "
    "1년 이내)에 행정소송을 제기할 수 있습니다."
)
NOT_A_DISPOSITION = (
    "이 민원은 법정민원이 아니어서 「민원 처리에 관한 법률」 제35조의 이의신청 대상이 아닙니다. 답변에 "
    "궁금한 점은 아래 담당자에게 문의해 주시고, 새로운 사유가 있으면 다시 민원을 신청하실 수 있습니다."
)
NO_REASON = "(사유가 기재되지 않았습니다. 아래 담당자에게 사유를 요청하실 수 있습니다.)"
REFUSALS = ("rejected", "partially_accepted")


def remedies_for(facts: ResultNoticeFacts) -> list[str]:
    """What the petitioner may do against this answer: nothing for an acceptance or an explanation; for a
    refusal in whole or in part, the objection the law gives this kind of request (정보공개법 §18 for an
    information-disclosure request, 민원처리법 §35① for a 법정민원) and, both being administrative
    dispositions, 행정심판 and 행정소송; for any other kind, no statutory objection."""
    if facts.result not in REFUSALS:
        return []
    if facts.case.information_disclosure:
        remedies = [DISCLOSURE_OBJECTION, APPEAL, LAWSUIT]
    elif facts.case.kind is Kind.STATUTORY:
        remedies = [OBJECTION, APPEAL, LAWSUIT]
    else:
        remedies = [NOT_A_DISPOSITION]
    return [facts.remedies, *remedies] if facts.remedies else remedies


def _main_phone(office: OfficeInfo) -> str:
    return f"대표전화 {office.phone}" if office.phone else ""


def _esc(value: str) -> str:
    """Paragraph text is markup: petitioners' words must not become tags."""
    return (
        keep_units(printable(value))
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\n", "<br/>")
    )


def _build(
    title: str,
    office: OfficeInfo,
    case: NoticeCase,
    officer: Officer,
    body: Sequence[Flowable],
    *,
    issued_at: datetime | None,
    full_details: bool,
) -> bytes:
    s = styles()
    issued_at = issued_at or datetime.now(UTC)
    name = case.petitioner_name if full_details else mask_name(case.petitioner_name)
    address = case.petitioner_address if full_details else mask_address(case.petitioner_address)
    story: list[Flowable] = [
        Paragraph(_esc(office.name), s["small"]),
        *(
            [
                Paragraph(
                    _esc(" · ".join(part for part in (office.address, _main_phone(office)) if part)), s["small"]
                )
            ]
            if office.address or office.phone
            else []
        ),
        Spacer(0, 4 * mm),
        Paragraph(_esc(title), s["title"]),
        Spacer(0, 6 * mm),
        _pairs(
            [
                ("수신", f"{name} 님" + (f" ({address})" if address else "")),
                ("제목", f"{title} — {case.title}"),
            ],
            label_width=22 * mm,
            shaded=False,
        ),
        Spacer(0, 4 * mm),
        Paragraph("민원 내용", s["h2"]),
        _pairs(
            [
                ("접수번호", case.receipt_no),
                ("민원 종류", case.kind.korean),  # the title is in the heading's 제목 line already
                ("접수 일시", datetime_ko(case.received_at)),
                ("처리 기한", due_ko(case.due_at)),
            ]
        ),
        *body,
        Spacer(0, 4 * mm),
        Paragraph("문의하실 곳", s["h2"]),
        _pairs(
            [
                ("담당 부서", officer.department_name or "-"),
                ("담당자", officer.name or "-"),
                ("전화", officer.phone or office.phone or "-"),
                ("처리 상황 조회", office.typeable_status_url(case.receipt_no) or office.phone or "-"),
            ]
        ),
        Spacer(0, 8 * mm),
        KeepTogether(
            [
                Paragraph(date_ko(issued_at), _centered(s["base"], 11)),
                Spacer(0, 5 * mm),
                Paragraph(_esc(office.signature), _centered(s["title"], 17)),
            ]
        ),
    ]

    def decorate(canvas: Canvas, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(20 * mm, 12 * mm, f"{case.receipt_no} · {title}")
        canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, f"{number} / {total} 쪽")
        canvas.restoreState()

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=20 * mm,
        title=f"{title} {case.receipt_no}",
        author=office.name,
        subject=title,
        creator="민원데스크 Complaints Desk",
    )
    document.build(story, canvasmaker=numbered_canvas(decorate))
    return buffer.getvalue()


def _centered(style: ParagraphStyle, size: float) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-c{size}", parent=style, fontSize=size, leading=size * 1.4, alignment=1)


def _pairs(rows: Sequence[tuple[str, str]], *, label_width: float = 30 * mm, shaded: bool = True) -> Table:
    s = styles()
    data = [[Paragraph(_esc(label), s["cell_bold"]), Paragraph(_esc(value), s["cell"])] for label, value in rows]
    table = Table(data, colWidths=[label_width, A4[0] - 40 * mm - label_width])
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.9, INK),
    ]
    if shaded:
        commands.append(("BACKGROUND", (0, 0), (0, -1), SHADE))
    table.setStyle(TableStyle(commands))
    return table


def _section(heading: str, text: str) -> list[Flowable]:
    s = styles()
    return [Paragraph(_esc(heading), s["h2"]), Paragraph(_esc(text) if text else "-", s["base"])]


def _numbered(heading: str, items: Sequence[str]) -> list[Flowable]:
    s = styles()
    flow: list[Flowable] = [Paragraph(_esc(heading), s["h2"])]
    for index, item in enumerate(items, start=1):
        flow.append(Paragraph(f"{index}. {_esc(item)}", s["item"]))
    return flow


# --- the four notices ------------------------------------------------------------------------------------


def build_result_notice(
    facts: ResultNoticeFacts, office: OfficeInfo, *, issued_at: datetime | None = None, full_details: bool = False
) -> bytes:
    """민원 처리결과 통지서. A rejection states its reasons and the remedies (법 §27, 행정절차법 §26)."""
    result = RESULT_LABELS.get(facts.result, facts.result)
    body: list[Flowable] = [
        *_section("처리 결과", f"{result} ({datetime_ko(facts.answered_at)} 처리)"),
        *_section("답변 내용", facts.answer),
    ]
    if facts.result in REFUSALS:
        heading = "거부 사유" if facts.result == "rejected" else "수용하지 않은 부분과 그 사유"
        body += _section(heading, facts.reasons or NO_REASON)
        body += _numbered("불복 절차 안내", remedies_for(facts))
    return _build(
        "민원 처리결과 통지서",
        office,
        facts.case,
        facts.officer,
        body,
        issued_at=issued_at,
        full_details=full_details,
    )


def build_extension_notice(
    facts: ExtensionNoticeFacts,
    office: OfficeInfo,
    *,
    issued_at: datetime | None = None,
    full_details: bool = False,
) -> bytes:
    """처리기간 연장 통지서: reason, the new due date, and the officer's department, name and phone (영 §21)."""
    reason = facts.reason.korean + (f" — {facts.reason_text}" if facts.reason_text else "")
    which = (
        "1차 연장"
        if facts.number == 1
        else "2차 연장 (민원인 동의)"
        if facts.consent
        else f"{facts.number}차 연장"
    )
    body: list[Flowable] = [
        Paragraph("처리기간 연장", styles()["h2"]),
        _pairs(
            [
                ("연장 사유", reason),
                ("당초 처리 기한", due_ko(facts.previous_due_at)),
                ("연장된 처리 기한", due_ko(facts.new_due_at)),
                ("연장 구분", which),
                ("연장 결정일", datetime_ko(facts.extended_at)),
            ]
        ),
        Spacer(0, 3 * mm),
        Paragraph(
            "「민원 처리에 관한 법률 시행령」 제21조에 따라 위와 같이 처리기간을 연장하게 되었음을 알려 드립니다. "
            "연장된 기한 안에 처리하도록 최선을 다하겠습니다.",
            styles()["base"],
        ),
    ]
    return _build(
        "처리기간 연장 통지서",
        office,
        facts.case,
        facts.officer,
        body,
        issued_at=issued_at,
        full_details=full_details,
    )


def build_progress_notice(
    facts: ProgressNoticeFacts,
    office: OfficeInfo,
    *,
    issued_at: datetime | None = None,
    full_details: bool = False,
) -> bytes:
    """민원 처리 진행상황 통지: sent when a case is still open 30 days after receipt, and every 30 days (영 §23)."""
    body: list[Flowable] = [
        Paragraph("진행 상황", styles()["h2"]),
        _pairs(
            [
                ("경과 일수", f"접수 후 {facts.days_open}일 (제{facts.notice_number}차 진행상황 통지)"),
                ("현재 상태", facts.case.status.korean),
                ("처리 부서", facts.officer.department_name or "-"),
                ("처리 기한", due_ko(facts.case.due_at)),
                ("기준 시각", datetime_ko(facts.as_of)),
            ]
        ),
        Spacer(0, 3 * mm),
        Paragraph(
            "접수하신 민원이 30일이 지나도록 처리가 끝나지 않아 「민원 처리에 관한 법률 시행령」 제23조에 따라 "
            "진행 상황을 알려 드립니다. "
            + (
                f"처리 상황은 다음 주소에서 언제든 확인하실 수 있습니다: {_esc(facts.status_url)}"
                if facts.status_url
                else "처리 상황은 아래 담당자에게 문의해 주십시오."
            ),
            styles()["base"],
        ),
    ]
    return _build(
        "민원 처리 진행상황 통지서",
        office,
        facts.case,
        facts.officer,
        body,
        issued_at=issued_at,
        full_details=full_details,
    )


def build_proposal_decision_notice(
    facts: ProposalDecisionFacts,
    office: OfficeInfo,
    *,
    issued_at: datetime | None = None,
    full_details: bool = False,
) -> bytes:
    """국민제안 심사결과 통지서: 채택 with the planned implementation date; 불채택 with its reasons and the right
    to ask for a re-review within 15 days (국민 제안 규정)."""
    s = styles()
    if facts.adopted:
        planned = date_ko(facts.implementation_date) if facts.implementation_date else "추후 안내"
        body: list[Flowable] = [
            *_section("심사 결과", f"채택 ({datetime_ko(facts.decided_at)} 결정)"),
            *_section("채택 사유", facts.reasons),
            *_section("실시 예정일", planned),
        ]
    else:
        until = f" ({due_ko(facts.rereview_until)})" if facts.rereview_until else ""
        body = [
            *_section("심사 결과", f"불채택 ({datetime_ko(facts.decided_at)} 결정)"),
            *_section("불채택 사유", facts.reasons),
            Paragraph("재심사 요청 안내", s["h2"]),
            Paragraph(
                "이 결정에 이의가 있으시면 「국민 제안 규정」에 따라 불채택 통지를 받은 날부터 15일 이내에 "
                f"재심사를 요청하실 수 있습니다{_esc(until)}. 재심사 요청은 담당 부서 또는 처리 상황 조회 "
                "페이지에서 하실 수 있습니다.",
                s["base"],
            ),
        ]
    return _build(
        "국민제안 심사결과 통지서",
        office,
        facts.case,
        facts.officer,
        body,
        issued_at=issued_at,
        full_details=full_details,
    )
