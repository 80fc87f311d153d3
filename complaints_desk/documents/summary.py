"""The supervisor's summary for a period and a department (or all): intake by channel, kind and day, the
departments' open/answered/overdue figures, the share answered within the deadline, handling times, extensions
and their reasons, the top categories, repeat filers (masked) and the list of overdue cases.

Every page carries the title, the period, the time the summary was made and "n / N 쪽"."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta

from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.kinds import Kind
from ..domain.masking import mask_name, mask_phone
from ..domain.report_data import SummaryFigures
from .charts import daily_line, horizontal_bars, vertical_bars
from .fonts import BOLD, REGULAR, printable
from .formatting import (
    count_ko,
    date_ko,
    datetime_ko,
    keep_units,
    local,
    minutes_ko,
    percent_ko,
    short_date,
    short_moment,
)
from .layout import ACCENT, INK, MUTED, RULE, SHADE, numbered_canvas, styles
from .summary_extras import extra_sections

TITLE = "민원 처리 현황 요약"
SHORT_KIND = {
    Kind.STATUTORY: "법정",
    Kind.INQUIRY_LAW: "질의(법령)",
    Kind.INQUIRY_PROCEDURE: "질의(제도)",
    Kind.SUGGESTION: "건의",
    Kind.OTHER: "기타",
    Kind.GRIEVANCE: "고충",
    Kind.PROPOSAL: "제안",
}
MARGIN = 18 * mm
CONTENT_WIDTH = A4[0] - 2 * MARGIN


def _esc(value: str) -> str:
    return keep_units(printable(value)).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def period_label(figures: SummaryFigures) -> str:
    return f"{date_ko(figures.first_day)} ~ {date_ko(figures.last_day)}"


def scope_label(figures: SummaryFigures) -> str:
    return figures.department_name or "전체 부서"


def _table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    numeric_from: int = 1,
    plain: Sequence[int] = (),
) -> Table:
    """A ruled table whose header repeats on every page; numbers are right-aligned so their digits line up.
    Columns in ``plain`` never wrap (a receipt number broken over two lines cannot be read back)."""
    s = styles()
    data: list[list[object]] = [list(header)]
    for row in rows:
        data.append(
            [
                Paragraph(_esc(value), s["cell"]) if i < numeric_from and i not in plain else value
                for i, value in enumerate(row)
            ]
        )
    table = Table(data, colWidths=list(widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("FONTNAME", (0, 0), (-1, 0), BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("ALIGN", (numeric_from, 0), (-1, 0), "RIGHT"),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEABOVE", (0, 0), (-1, 0), 0.9, INK),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _key_figures(f: SummaryFigures) -> Table:
    s = styles()
    backlog = f.backlog
    cells = [
        ("기간 중 접수", f"{count_ko(f.total)}건"),
        ("그중 처리 완료", f"{count_ko(f.answered)}건"),
        ("그중 미처리", f"{count_ko(f.open)}건"),
        ("그중 그 밖의 종결", f"{count_ko(_ended(f))}건"),
        ("기간 말 미처리(전체)", f"{count_ko(backlog.open)}건" if backlog else "-"),
        ("기간 말 기한 경과", f"{count_ko(backlog.overdue)}건" if backlog else "-"),
        ("기한 내 처리율", percent_ko(f.answered_on_time, f.answered)),
        ("처리시간 중앙값", minutes_ko(f.median_minutes)),
    ]
    value_style = s["h1"].clone("kf", alignment=1, spaceBefore=0, spaceAfter=0, textColor=ACCENT)
    label_style = s["small"].clone("kl", alignment=1)
    grid = []
    for start in (0, 4):
        grid.append([Paragraph(_esc(value), value_style) for _label, value in cells[start : start + 4]])
        grid.append([Paragraph(_esc(label), label_style) for label, _value in cells[start : start + 4]])
    table = Table(grid, colWidths=[CONTENT_WIDTH / 4] * 4)
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("LINEBELOW", (0, 1), (-1, 1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def intake_series(
    by_day: Sequence[tuple[date, int]],
) -> tuple[str, list[tuple[date, int]], Callable[[date], str]]:
    """Days for a period up to a quarter; weeks (from Monday) up to about a year; months beyond: a year of
    days is 365 zigzags nobody can read."""
    if len(by_day) <= 92:
        return "일별", list(by_day), short_date
    buckets: dict[date, int] = {}
    if len(by_day) <= 400:
        for day, count in by_day:
            week = day - timedelta(days=day.weekday())
            buckets[week] = buckets.get(week, 0) + count
        return "주별(월요일부터)", sorted(buckets.items()), short_date
    for day, count in by_day:
        month = day.replace(day=1)
        buckets[month] = buckets.get(month, 0) + count
    return "월별", sorted(buckets.items()), lambda d: f"{d.year % 100:02d}. {d.month}."


def due_label(due: datetime, with_year: bool) -> str:
    """The due date as the overdue list prints it; with the year when the list spans two years."""
    text = short_moment(due)
    return f"{local(due).year}. {text}" if with_year else text


def elapsed_ko(late: timedelta) -> str:
    """How long past the due date: days, or hours on the first day ("경과 0일" told nothing)."""
    if late >= timedelta(days=1):
        return f"{late.days}일"
    hours = int(late.total_seconds() // 3600)
    return f"{hours}시간" if hours >= 1 else "1시간 미만"


def _ended(f: SummaryFigures) -> int:
    return sum(r.count for r in f.ended_otherwise)


def reconciliation_line(f: SummaryFigures) -> str:
    """The intake's sum, written out: received = answered + open + ended otherwise (each kind named)."""
    parts = ", ".join(f"{r.label} {count_ko(r.count)}" for r in f.ended_otherwise)
    line = (
        f"기간 중 접수 {count_ko(f.total)}건 = 처리 완료 {count_ko(f.answered)} + 미처리 {count_ko(f.open)}"
        f" + 그 밖의 종결 {count_ko(_ended(f))}"
    )
    return line + (f" ({parts})" if parts else "")


def _section(title: str, *flowables: Flowable) -> list[Flowable]:
    # A heading never sits alone at the bottom of a page, and a chart is never cut from its heading.
    first = flowables[0] if flowables else None
    needed = 45 * mm
    if isinstance(first, Drawing):
        needed = max(needed, first.height + 14 * mm)
    return [CondPageBreak(needed), Paragraph(_esc(title), styles()["h2"]), *flowables]


def _backlog_moment(f: SummaryFigures) -> str:
    """The period's last instant is midnight after its last day: said as that day's close, not as the next
    day's 00:00; a period not over yet is taken at the report's moment."""
    assert f.backlog is not None
    return f"{date_ko(f.last_day)} 마감" if f.backlog.at < f.as_of else f"{datetime_ko(f.backlog.at)} 현재"


def _backlog_section(f: SummaryFigures) -> list[Flowable]:
    b = f.backlog
    assert b is not None
    w = CONTENT_WIDTH
    age_rows = [[r.label, f"{count_ko(r.count)}건", percent_ko(r.count, b.open)] for r in b.by_age]
    age_rows.append(["합계", f"{count_ko(b.open)}건", percent_ko(b.open, b.open)])
    department_rows = [[name, count_ko(n), count_ko(late)] for name, n, late in b.departments]
    department_rows.append(["합계", count_ko(b.open), count_ko(b.overdue)])
    return _section(
        f"4-1. 기간 말 미처리 현황 ({_backlog_moment(f)} 기준, 접수 시기와 관계없이)",
        _table(["접수 후 경과", "미처리", "비율"], age_rows, [w * 0.5, w * 0.25, w * 0.25]),
        Spacer(0, 3 * mm),
        _table(
            ["부서", "미처리", "그중 기한 경과"],
            department_rows or [["미처리 민원이 없습니다", "0", "0"]],
            [w * 0.5, w * 0.25, w * 0.25],
        ),
    )


def build_summary_pdf(figures: SummaryFigures, office_name: str, *, made_at: datetime | None = None) -> bytes:
    s = styles()
    made_at = made_at or datetime.now(UTC)
    f = figures
    story: list[Flowable] = [
        Paragraph(_esc(f"{TITLE} — {scope_label(f)}"), s["title"]),
        Paragraph(
            _esc(f"{office_name} · 기간 {period_label(f)} · 기준 {datetime_ko(f.as_of)}"),
            s["small"].clone("sub", alignment=1),
        ),
        Spacer(0, 5 * mm),
        _key_figures(f),
        Paragraph(_esc(reconciliation_line(f)), s["base"].clone("sum", spaceBefore=4)),
        Paragraph(
            "윗줄은 기간 중 접수된 민원을 기준 시각 현재의 상태로 나눈 것입니다. 기간 말 미처리는 접수 시기와 관계없이 "
            "기간 마지막 시각에 처리 중이던 모든 민원이며, 그때까지의 처리 기록으로 셉니다. 처리시간은 접수부터 "
            f"답변(제안은 심사 결정)까지이며 90%는 {minutes_ko(f.p90_minutes)} 안에 처리되었습니다.",
            s["small"].clone("note", spaceBefore=2),
        ),
    ]
    channel_rows = [(r.label, r.count) for r in f.by_channel if r.count] or [
        (r.label, r.count) for r in f.by_channel
    ]
    kind_rows = [(r.label, r.count) for r in f.by_kind]
    story += _section(
        "1. 접수 경로별 접수",
        vertical_bars(channel_rows, CONTENT_WIDTH, 55 * mm),
    )
    story += _section("2. 민원 종류별 접수", horizontal_bars(kind_rows, CONTENT_WIDTH, 52 * mm, label_width=100))
    unit, points, label = intake_series(f.by_day)
    story += _section(f"3. {unit} 접수 추이", daily_line(points, CONTENT_WIDTH, 55 * mm, label))

    department_rows = [
        [
            d.name,
            count_ko(d.received),
            count_ko(d.answered),
            count_ko(d.open),
            count_ko(d.ended_otherwise),
            percent_ko(d.answered_on_time, d.answered),
            count_ko(d.overdue),
        ]
        for d in f.departments
    ]
    department_rows.append(
        [
            "합계",
            count_ko(f.total),
            count_ko(f.answered),
            count_ko(f.open),
            count_ko(_ended(f)),
            percent_ko(f.answered_on_time, f.answered),
            count_ko(f.overdue_total),
        ]
    )
    w = CONTENT_WIDTH
    story += _section(
        "4. 부서별 처리 현황 (기간 중 접수분, 접수 = 처리 완료 + 미처리 + 그 밖의 종결)",
        _table(
            ["부서", "접수", "처리 완료", "미처리", "그 밖의 종결", "기한 내 처리율", "현재 기한 경과"],
            department_rows,
            [w * 0.23] + [w * 0.11] * 3 + [w * 0.13, w * 0.14, w * 0.13],
        ),
    )
    if f.backlog is not None:
        story += _backlog_section(f)
    story += extra_sections(f, _section, _table, w)
    extension_rows = [[r.label, f"{count_ko(r.count)}건"] for r in f.extensions]
    extension_rows.append(["연장된 민원 수", f"{count_ko(f.extended_cases)}건"])
    story += _section(
        "5. 처리기간 연장과 사유", _table(["연장 사유", "연장 횟수"], extension_rows, [w * 0.6, w * 0.4])
    )
    category_rows = [
        [str(i), r.label, f"{count_ko(r.count)}건", percent_ko(r.count, f.total)]
        for i, r in enumerate(f.top_categories, 1)
    ]
    story += _section(
        "6. 주요 민원 분야 (상위 10)",
        _table(
            ["순위", "분야", "접수", "비율"],
            category_rows or [["-", "분류된 민원이 없습니다", "", ""]],
            [w * 0.1, w * 0.5, w * 0.2, w * 0.2],
            numeric_from=2,
        ),
    )
    filer_rows = [[mask_name(r.name), mask_phone(r.phone), f"{count_ko(r.count)}건"] for r in f.repeat_filers]
    story += _section(
        "7. 반복 민원인 (기간 중 3건 이상, 개인정보 가림)",
        _table(
            ["민원인", "연락처", "접수"],
            filer_rows or [["없음", "", ""]],
            [w * 0.35, w * 0.4, w * 0.25],
            numeric_from=2,
        ),
    )
    years = {local(c.due_at).year for c in f.overdue} | {local(f.as_of).year}
    spans_years = len(years) > 1
    overdue_rows = [
        [
            c.receipt_no,
            SHORT_KIND[c.kind],
            c.title,
            c.department_name,
            due_label(c.due_at, spans_years),
            elapsed_ko(f.as_of - c.due_at),
        ]
        for c in f.overdue
    ]
    more = f.overdue_total - len(f.overdue)
    story += _section(
        f"8. 처리기한 경과 민원 ({count_ko(f.overdue_total)}건)",
        _table(
            ["접수번호", "종류", "제목", "부서", "처리 기한", "경과"],
            overdue_rows,
            [w * 0.21, w * 0.1, w * 0.3, w * 0.14, w * 0.16, w * 0.09],
            numeric_from=5,
            plain=(0, 1, 4),
        )
        if overdue_rows
        else Paragraph("기한이 지난 미처리 민원이 없습니다.", s["base"]),
        *(
            [Paragraph(f"외 {count_ko(more)}건은 화면 또는 내보내기 파일에서 확인하십시오.", s["small"])]
            if more > 0
            else []
        ),
    )

    header = f"{TITLE} · {scope_label(f)} · {period_label(f)}"
    made = f"작성 {datetime_ko(made_at)}"

    def decorate(canvas: Canvas, number: int, total: int) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 8)
        canvas.drawString(MARGIN, height - 11 * mm, header)
        canvas.drawRightString(width - MARGIN, height - 11 * mm, made)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, height - 12.5 * mm, width - MARGIN, height - 12.5 * mm)
        canvas.drawString(MARGIN, 10 * mm, office_name)
        canvas.setFont(BOLD, 8.5)
        canvas.drawRightString(width - MARGIN, 10 * mm, f"{number} / {total} 쪽")
        canvas.restoreState()

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=18 * mm,
        bottomMargin=17 * mm,
        title=f"{TITLE} {scope_label(f)} {period_label(f)}",
        author=office_name,
        subject=TITLE,
        creator="민원데스크 Complaints Desk",
    )
    document.build(story, canvasmaker=numbered_canvas(decorate))
    return buffer.getvalue()
