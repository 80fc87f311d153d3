"""The receipt (접수증), on A4 and on an 80 mm thermal roll, from the same facts.

What it shows is fixed by docs/rules.md ("Receipts"): receipt number, office, kind and title,
the petitioner masked, date and time of receipt, due date, the handling department and a phone to ask, and a
QR code with the address of the citizen status page. A reprint says 재발급; a voided receipt prints with 무효
across it; an intake the server has not confirmed yet says 동기화 대기 — 오프라인 발급."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..domain.deadlines import StopReason
from ..domain.masking import mask_name, mask_phone
from ..domain.periods import Period, PeriodUnit
from ..domain.report_data import OfficeInfo, ReceiptFacts
from .fonts import BOLD, REGULAR, printable, register_fonts
from .formatting import date_ko, datetime_ko, due_ko
from .layout import ACCENT, ALERT, INK, MUTED, RULE, SHADE, set_metadata, wrap
from .qr import draw_qr

PAPERS = ("a4", "thermal")
THERMAL_WIDTH = 80 * mm
PENDING_TITLE = "동기화 대기 — 오프라인 발급"
PENDING_TEXT = "서버 연결이 끊긴 상태에서 발급되었습니다. 연결되면 자동으로 등록되며 접수번호는 그대로 유효합니다."
VOID_TITLE = "무효"
FOOTER_CLEAR = 21 * mm  # the office's name (its baseline) stays clear of the footer line at 14 mm
# Row type size, leading, least row height and most lines a value may take: the usual set, then the tighter
# one for a receipt that carries everything at once.
_ROW_METRICS = ((11, 15, 8 * mm, 4), (9.5, 12, 6.5 * mm, 4), (9, 11, 6 * mm, 4))
EMBOLDEN = 0.04  # stroke width of the emboldened regular face, as a share of the type size


class _ReceiptCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
    """A canvas that sets the bold face as the regular face filled and stroked with a thin outline of the
    text colour (text render mode 2). A receipt is printed while the citizen waits: embedding a subset of a
    second 4 MB TrueType file doubled the font work of every receipt (subsetting and compressing it was a third
    of the time), for a few bold lines that the emboldened regular face renders almost identically."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Streams stay uncompressed: deflating the embedded font subset was a third of the remaining time
        # of a receipt, to make a file of 100 KB into one of 55 KB that goes to a local printer or disk.
        super().__init__(*args, pageCompression=0, **kwargs)
        self._strong = 0.0

    def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None:
        self._strong = size if psfontname == BOLD else 0.0
        super().setFont(REGULAR if psfontname == BOLD else psfontname, size, leading)

    def _emboldened(self, draw: Callable[..., None], x: float, y: float, text: str) -> None:
        if not self._strong:
            draw(x, y, text)
            return
        self.saveState()
        self.setStrokeColor(self._fillColorObj)
        self.setLineWidth(self._strong * EMBOLDEN)
        self.setLineJoin(1)  # round joins: no spikes at the sharp corners of Hangul strokes
        draw(x, y, text, mode=2)
        self.restoreState()

    def drawString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            super().drawString(x, y, text, *args, **kwargs)
        else:
            self._emboldened(super().drawString, x, y, text)

    def drawCentredString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            super().drawCentredString(x, y, text, *args, **kwargs)
        else:
            self._emboldened(super().drawCentredString, x, y, text)

    def drawRightString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            super().drawRightString(x, y, text, *args, **kwargs)
        else:
            self._emboldened(super().drawRightString, x, y, text)


@dataclass(frozen=True)
class ReceiptOptions:
    paper: str = "a4"
    reprint: bool | None = None  # None: a reprint when a receipt for this case was printed before
    issued_at: datetime | None = None


def change_lines(facts: ReceiptFacts) -> list[str]:
    """What happened since the receipt was first issued, as a reprint says it beside the original facts."""
    lines: list[str] = []
    for change in facts.changes:
        day = date_ko(change.at)
        if change.kind == "extended" and change.due_at is not None:
            lines.append(f"{day} 처리기한 연장 → {due_ko(change.due_at)}")
        elif change.kind == "stopped":
            try:
                why = StopReason(change.detail).korean
            except ValueError:
                why = change.detail or "사유 미기재"
            lines.append(f"{day}부터 처리기간 정지 ({why})")
        elif change.kind == "resumed" and change.due_at is not None:
            lines.append(f"{day} 처리기간 재개 → 새 기한 {due_ko(change.due_at)}")
        elif change.kind == "transferred_out":
            lines.append(f"{day} 타기관 이송" + (f" ({change.detail})" if change.detail else ""))
        elif change.kind == "withdrawn":
            lines.append(f"{day} 민원인 취하")
    return lines


def receipt_rows(facts: ReceiptFacts, office: OfficeInfo) -> list[tuple[str, str]]:
    """The labelled lines of a receipt, masked (a receipt leaves the office in the citizen's hands). The due
    date is the one set at receipt; what changed since is its own row."""
    petitioner = mask_name(facts.petitioner_name)
    if facts.is_group and facts.signers > 1:
        petitioner += f" 외 {facts.signers - 1}명 (대표자)"
    kind = facts.kind.korean + (" · 다수인관련민원" if facts.is_group else "")
    try:
        period = Period(facts.period_amount, PeriodUnit(facts.period_unit)).korean()
    except ValueError:
        period = ""
    due = due_ko(facts.original_due_at or facts.due_at) + (f" (처리기간 {period})" if period else "")
    if facts.pending_sync:
        # The server computes the legal deadline itself (its calendar, its category table); until it has
        # confirmed the intake, the workstation's date is a forecast and must not read as a promise.
        due += " — 예정 (서버 확인 후 확정)"
    changes = change_lines(facts)
    clerk = facts.clerk_name or ("온라인 접수" if facts.channel.is_online else "-")
    rows = [
        ("민원 종류", kind),
        ("제목", printable(facts.title)),
        ("민원인", petitioner),
        ("연락처", mask_phone(facts.petitioner_phone) or "-"),
        ("접수 일시", datetime_ko(facts.received_at)),
        ("접수 경로", facts.channel.korean),
        ("처리 기한", due),
        ("처리 부서", facts.department_name or "배정 예정"),
        ("문의 전화", facts.department_phone or office.phone or "-"),
        ("접수자", clerk),
    ]
    if changes:
        rows.insert(7, ("변경 사항", "\n".join(changes)))
    return rows


def build_receipt_pdf(facts: ReceiptFacts, office: OfficeInfo, options: ReceiptOptions | None = None) -> bytes:
    """The receipt as PDF bytes: save them, or send the same bytes to the printer."""
    options = options or ReceiptOptions()
    if options.paper not in PAPERS:
        raise ValueError(f"paper must be one of {PAPERS}")
    register_fonts()
    reprint = facts.times_printed > 0 if options.reprint is None else options.reprint
    issued_at = options.issued_at or datetime.now(UTC)
    buffer = io.BytesIO()
    if options.paper == "a4":
        _a4(buffer, facts, office, reprint, issued_at)
    else:
        _thermal(buffer, facts, office, reprint, issued_at)
    return buffer.getvalue()


def _title(facts: ReceiptFacts, reprint: bool) -> str:
    return (
        f"민원 접수증 {facts.receipt_no}" + (" (재발급)" if reprint else "") + (" (무효)" if facts.voided else "")
    )


def _notes(facts: ReceiptFacts, office: OfficeInfo) -> list[str]:
    url = office.typeable_status_url(facts.receipt_no)
    ask = f"문의 전화 {facts.department_phone or office.phone}" if (facts.department_phone or office.phone) else ""
    where = (
        f"처리 상황은 QR 코드 또는 {url} 에서 확인할 수 있습니다 (조회할 때 휴대전화 번호 끝 4자리를 입력합니다)."
        if url
        else f"처리 상황은 {ask or '접수한 기관'}(으)로 문의해 주세요."
    )
    notes = [where]
    how = _counting_note(facts)
    if how:
        notes.append(how)
    notes.append("처리 기한이 연장되면 사유와 새 기한을 알려 드립니다.")
    return notes


def _counting_note(facts: ReceiptFacts) -> str:
    """How this receipt's period is counted (docs/rules.md, "How a deadline is computed"): each unit its own
    sentence, since a note about working days on a proposal's calendar month tells its reader a wrong date."""
    if facts.period_unit == PeriodUnit.MONTHS.value:
        return "심사 기한은 달력의 달로 계산하며, 보완 요청·외부 의견 조회 기간은 들어가지 않습니다."
    if facts.period_unit == PeriodUnit.HOURS.value or (
        facts.period_unit == PeriodUnit.DAYS.value and facts.period_amount <= 5
    ):
        return (
            "처리 기한은 근무시간으로 계산하며(토요일·공휴일 제외), 보완 요청·현장 조사 기간은 들어가지 않습니다."
        )
    if facts.period_unit == PeriodUnit.DAYS.value:
        return "처리 기한은 토요일·공휴일을 빼고 계산하며, 보완 요청·현장 조사 기간은 들어가지 않습니다."
    return ""


# --- A4 --------------------------------------------------------------------------------------------------


def _a4(buffer: io.BytesIO, facts: ReceiptFacts, office: OfficeInfo, reprint: bool, issued_at: datetime) -> None:
    width, height = A4
    margin = 22 * mm
    inner = width - 2 * margin
    c = _ReceiptCanvas(buffer, pagesize=A4)
    set_metadata(c, _title(facts, reprint), office.name, "민원 접수증")

    y = height - 26 * mm
    c.setFillColor(MUTED)
    c.setFont(REGULAR, 11)
    c.drawCentredString(width / 2, y, office.name)
    y -= 13 * mm
    c.setFillColor(INK)
    c.setFont(BOLD, 26)
    c.drawCentredString(width / 2, y, "민원 접수증")
    if reprint:
        _badge(c, width - margin - 24 * mm, height - 24 * mm, "재발급", ACCENT, 13)
    y -= 8 * mm
    c.setStrokeColor(INK)
    c.setLineWidth(1.2)
    c.line(margin, y, width - margin, y)

    if facts.voided:
        y -= 4 * mm
        # The reason goes under the banner's words, wrapped to two lines at most: drawn beside them, a long
        # one ran over the banner.
        reason = _cap(
            wrap("사유: " + printable(facts.void_reason or "사유 미기재"), REGULAR, 10, inner - 10 * mm), 2
        )
        box = 13 * mm + len(reason) * 5 * mm
        c.setStrokeColor(ALERT)
        c.setLineWidth(1.5)
        c.rect(margin, y - box, inner, box, stroke=1, fill=0)
        c.setFillColor(ALERT)
        c.setFont(BOLD, 15)
        c.drawString(margin + 5 * mm, y - 8.5 * mm, "무효 — 이 접수증은 효력이 없습니다")
        c.setFont(REGULAR, 10)
        for index, line in enumerate(reason):
            c.drawString(margin + 5 * mm, y - 14 * mm - index * 5 * mm, line)
        y -= box

    # Receipt number with the status QR code beside it.
    y -= 5 * mm
    block = 40 * mm
    qr_size = 36 * mm
    c.setFillColor(SHADE)
    c.setStrokeColor(RULE)
    c.setLineWidth(0.6)
    c.rect(margin, y - block, inner, block, stroke=1, fill=1)
    c.setFillColor(MUTED)
    c.setFont(REGULAR, 10.5)
    c.drawString(margin + 6 * mm, y - 10 * mm, "접수번호")
    c.setFillColor(INK)
    c.setFont(BOLD, 27)
    c.drawString(margin + 6 * mm, y - 22 * mm, facts.receipt_no)
    c.setFillColor(MUTED)
    c.setFont(REGULAR, 9)
    status_url = office.status_url(facts.receipt_no)
    if status_url:
        c.drawString(
            margin + 6 * mm, y - 30 * mm, "처리 상황 조회: 오른쪽 QR 코드를 휴대전화 카메라로 비춰 주세요."
        )
        draw_qr(c, status_url, width - margin - qr_size - 2 * mm, y - block + 2 * mm, qr_size)
    c.drawString(margin + 6 * mm, y - 35 * mm, "문의하실 때 접수번호를 알려 주시면 빠르게 안내해 드립니다.")
    y -= block + 6 * mm

    # The labelled rows; a long title wraps inside its cell. When everything a receipt may carry at once (a
    # void banner, a long title, several changes, the offline box) would push the office's name onto the
    # footer, the rows are set smaller and the closing lines closer, so the page still holds it all.
    label_w = 30 * mm
    pad = 3.5 * mm
    rows = receipt_rows(facts, office)
    notes = [wrap(note, REGULAR, 9.5, inner - 5 * mm) for note in _notes(facts, office)]
    rest = (20 * mm if facts.pending_sync else 0) + 8 * mm + sum(len(n) for n in notes) * 5 * mm
    for index, (size, leading, min_h, most) in enumerate(_ROW_METRICS):
        laid = [
            (label, _cap(wrap(value, REGULAR, size, inner - label_w - 2 * pad), most)) for label, value in rows
        ]
        rows_h = sum(max(min_h, len(lines) * leading + 9) for _label, lines in laid)
        # The tighter sets close in two lines, not three, and bring the footer line down to 9 mm.
        closing = 30 * mm if index == 0 else 13 * mm - 5 * mm
        if y - rows_h - rest - closing >= FOOTER_CLEAR:
            break
    # The rows may be set tighter and still leave room for the full closing lines: only then is it kept.
    compact = y - rows_h - rest - 30 * mm < FOOTER_CLEAR
    c.setLineWidth(0.5)
    c.setStrokeColor(RULE)
    top = y
    for label, lines in laid:
        row_h = max(min_h, len(lines) * leading + 9)
        c.setFillColor(SHADE)
        c.rect(margin, y - row_h, label_w, row_h, stroke=0, fill=1)
        c.setFillColor(INK)
        c.setFont(BOLD, 10.5)
        c.drawString(margin + pad, y - row_h / 2 - 3.6, label)
        c.setFont(REGULAR, size)
        text_top = y - row_h / 2 + (len(lines) - 1) * leading / 2 - 3.8
        for index, line in enumerate(lines):
            c.drawString(margin + label_w + pad, text_top - index * leading, line)
        c.line(margin, y - row_h, width - margin, y - row_h)
        y -= row_h
    c.setStrokeColor(INK)
    c.setLineWidth(1)
    c.line(margin, top, width - margin, top)
    c.line(margin, y, width - margin, y)
    c.setStrokeColor(RULE)
    c.setLineWidth(0.5)
    c.line(margin + label_w, top, margin + label_w, y)

    if facts.pending_sync:
        y -= 3 * mm if compact else 5 * mm
        box = 13 * mm if compact else 15 * mm
        c.setStrokeColor(INK)
        c.setDash(4, 2)
        c.rect(margin, y - box, inner, box, stroke=1, fill=0)
        c.setDash()
        c.setFillColor(INK)
        c.setFont(BOLD, 11.5)
        c.drawString(margin + 4 * mm, y - 5.5 * mm, PENDING_TITLE)
        c.setFont(REGULAR, 9)
        c.drawString(margin + 4 * mm, y - 10.5 * mm, PENDING_TEXT)
        y -= box

    y -= 6 * mm if compact else 8 * mm
    c.setFillColor(INK)
    c.setFont(REGULAR, 9.5)
    for note in notes:
        for index, line in enumerate(note):
            c.drawString(margin + (0 if index == 0 else 3 * mm), y, ("※ " if index == 0 else "") + line)
            y -= 4.5 * mm if compact else 5 * mm

    if compact:
        y -= 5 * mm
        c.setFont(REGULAR, 10.5)
        confirmed = f"위와 같이 민원을 접수하였음을 확인합니다.  {date_ko(facts.received_at)}"
        c.drawCentredString(width / 2, y, confirmed)
        c.setFont(BOLD, 15)
        c.drawCentredString(width / 2, y - 8 * mm, office.name)
    else:
        y -= 8 * mm
        c.setFont(REGULAR, 12)
        c.drawCentredString(width / 2, y, "위와 같이 민원을 접수하였음을 확인합니다.")
        c.drawCentredString(width / 2, y - 9 * mm, date_ko(facts.received_at))
        c.setFont(BOLD, 17)
        c.drawCentredString(width / 2, y - 22 * mm, office.name)

    c.setFillColor(MUTED)
    c.setFont(REGULAR, 8)
    footer = f"발행 {datetime_ko(issued_at)}" + (" · 재발급본" if reprint else "")
    footer_y = 9 * mm if compact else 14 * mm
    c.drawString(margin, footer_y, footer)
    c.drawRightString(width - margin, footer_y, facts.receipt_no)
    if facts.voided:
        _void_watermark(c, width / 2, height / 2 - 20 * mm, 150)
    c.showPage()
    c.save()


def _cap(lines: list[str], most: int) -> list[str]:
    """A 200-character title would push the receipt off its page; the number identifies the case anyway."""
    if len(lines) <= most:
        return lines
    return [*lines[: most - 1], lines[most - 1][:-1] + "…"]


def _badge(c: Canvas, x: float, y: float, text: str, color: object, size: float) -> None:
    w = stringWidth(text, REGULAR, size) + 5 * mm
    h = size + 3 * mm
    c.saveState()
    c.setStrokeColor(color)
    c.setFillColor(color)
    c.setLineWidth(1.4)
    c.roundRect(x, y - h, w, h, 2 * mm, stroke=1, fill=0)
    c.setFont(BOLD, size)
    c.drawCentredString(x + w / 2, y - h + 1.6 * mm + size * 0.12, text)
    c.restoreState()


def _void_watermark(c: Canvas, cx: float, cy: float, size: float) -> None:
    c.saveState()
    c.setFillColor(ALERT)
    c.setFillAlpha(0.28)
    c.translate(cx, cy)
    c.rotate(30)
    c.setFont(REGULAR, size)
    c.drawCentredString(0, -size / 3, VOID_TITLE)
    c.restoreState()


# --- 80 mm thermal roll ----------------------------------------------------------------------------------

Op = Callable[[Canvas, float], None]


def _thermal(
    buffer: io.BytesIO, facts: ReceiptFacts, office: OfficeInfo, reprint: bool, issued_at: datetime
) -> None:
    """Laid out top-down as (height, drawing) steps first, so the page is exactly as long as its content.
    All in black: a 1-bit thermal head dithers grey text into broken dots."""
    margin = 4 * mm
    width = THERMAL_WIDTH
    inner = width - 2 * margin
    steps: list[tuple[float, Op]] = []

    def add_text(
        value: str, font: str, size: float, *, align: str = "center", gap: float = 1.5, color: object = INK
    ) -> None:
        for line in wrap(value, font, size, inner):

            def draw(c: Canvas, top: float, line: str = line) -> None:
                c.setFillColor(color)
                c.setFont(font, size)
                base = top - size
                if align == "center":
                    c.drawCentredString(width / 2, base, line)
                else:
                    c.drawString(margin, base, line)

            steps.append((size + gap, draw))

    def rule(dashed: bool = True) -> None:
        def draw(c: Canvas, top: float) -> None:
            c.setStrokeColor(INK)
            c.setLineWidth(0.6)
            if dashed:
                c.setDash(2, 2)
            c.line(margin, top - 2 * mm, width - margin, top - 2 * mm)
            c.setDash()

        steps.append((4 * mm, draw))

    add_text(office.name, REGULAR, 9)
    add_text("민원 접수증", BOLD, 15, gap=3)
    if reprint:
        add_text("[ 재발급 ]", BOLD, 11)
    if facts.voided:
        add_text("*** 무효 ***", BOLD, 18, gap=2)
        add_text(
            "이 접수증은 효력이 없습니다. 사유: " + printable(facts.void_reason or "사유 미기재"), REGULAR, 8.5
        )
    rule()
    add_text("접수번호", REGULAR, 8.5)
    add_text(facts.receipt_no, BOLD, 15, gap=3)
    qr_size = 30 * mm
    status_url = office.status_url(facts.receipt_no)

    def qr(c: Canvas, top: float) -> None:
        draw_qr(c, status_url, (width - qr_size) / 2, top - qr_size, qr_size)

    if status_url:
        steps.append((qr_size, qr))
        add_text("QR 코드로 처리 상황을 조회할 수 있습니다", REGULAR, 7.5, gap=2)
    rule()
    label_w = 15 * mm
    for label, value in receipt_rows(facts, office):
        lines = _cap(wrap(value, REGULAR, 8.5, inner - label_w), 4)
        for index, line in enumerate(lines):

            def draw(
                c: Canvas, top: float, line: str = line, first: bool = index == 0, label: str = label
            ) -> None:
                base = top - 8.5
                if first:
                    c.setFillColor(INK)
                    c.setFont(REGULAR, 8)
                    c.drawString(margin, base, label)
                c.setFillColor(INK)
                c.setFont(REGULAR, 8.5)
                c.drawString(margin + label_w, base, line)

            steps.append((8.5 + (2.2 if index == len(lines) - 1 else 1.2), draw))
    if facts.pending_sync:
        rule(dashed=False)
        add_text(PENDING_TITLE, BOLD, 9.5)
        add_text(PENDING_TEXT, REGULAR, 7.5)
    rule()
    for note in _notes(facts, office):
        add_text("※ " + note, REGULAR, 7, align="left", gap=1.2, color=INK)
    rule()
    add_text("위와 같이 민원을 접수하였습니다.", REGULAR, 8.5)
    add_text(office.name, BOLD, 10.5, gap=2)
    add_text(f"발행 {datetime_ko(issued_at)}" + (" · 재발급본" if reprint else ""), REGULAR, 7)

    height = sum(h for h, _draw in steps) + 2 * margin + 4 * mm  # the cutter needs a little tail
    c = _ReceiptCanvas(buffer, pagesize=(width, height))
    set_metadata(c, _title(facts, reprint), office.name, "민원 접수증 (감열지 80mm)")
    top = height - margin
    for step_height, draw_step in steps:
        draw_step(c, top)
        top -= step_height
    if facts.voided:
        _void_watermark(c, width / 2, height / 2, 64)
    c.showPage()
    c.save()
