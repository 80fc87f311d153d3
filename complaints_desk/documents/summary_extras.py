"""The summary's sections a supervisor compares with: the previous period of the same length, online filings
registered within 8 working hours, satisfaction scores, and (in one department's summary) its officers."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from ..domain.report_data import SummaryFigures
from .formatting import count_ko, date_ko, percent_ko


def _change(now: int, before: int) -> str:
    if before == 0:
        return "-" if now == 0 else "신규"
    delta = now - before
    return f"{'+' if delta >= 0 else ''}{count_ko(delta)} ({'+' if delta >= 0 else ''}{delta / before * 100:.1f}%)"


def _rate(part: int, whole: int) -> float | None:
    return part / whole * 100 if whole else None


def _rate_change(now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return "-"
    return f"{now - before:+.1f}%p"


def extra_sections(
    f: SummaryFigures,
    section: Callable[..., list[Flowable]],
    table: Callable[..., Table],
    width: float,
) -> list[Flowable]:
    x = f.extras
    if x is None:
        return []
    p = x.previous
    comparison = [
        ["접수", count_ko(f.total), count_ko(p.received), _change(f.total, p.received)],
        ["처리 완료", count_ko(f.answered), count_ko(p.answered), _change(f.answered, p.answered)],
        [
            "기한 내 처리율",
            percent_ko(f.answered_on_time, f.answered),
            percent_ko(p.answered_on_time, p.answered),
            _rate_change(_rate(f.answered_on_time, f.answered), _rate(p.answered_on_time, p.answered)),
        ],
    ]
    flow: list[Flowable] = section(
        f"4-2. 이전 기간과 비교 (같은 길이: {date_ko(p.first_day)} ~ {date_ko(p.last_day)})",
        table(
            ["항목", "이번 기간", "이전 기간", "증감"],
            comparison,
            [w * width for w in (0.28, 0.22, 0.22, 0.28)],
        ),
    )
    average = x.satisfaction_average
    answers = sum(r.count for r in x.satisfaction)
    satisfaction = [[r.label, f"{count_ko(r.count)}건", percent_ko(r.count, answers)] for r in x.satisfaction]
    satisfaction.append(
        ["평균", f"{average:.2f}점" if average is not None else "응답 없음", f"응답 {count_ko(answers)}건"]
    )
    flow += section(
        "4-3. 온라인 접수 등록과 만족도",
        table(
            ["온라인 접수", "8근무시간 내 등록", "비율"],
            [
                [
                    f"{count_ko(x.online)}건",
                    f"{count_ko(x.online_registered_in_time)}건",
                    percent_ko(x.online_registered_in_time, x.online),
                ]
            ],
            [width * 0.34, width * 0.33, width * 0.33],
            numeric_from=0,
        ),
        Spacer(0, 3 * mm),
        table(["만족도", "응답", "비율"], satisfaction, [width * 0.34, width * 0.33, width * 0.33]),
    )
    if f.department_code and x.officers:
        rows: list[Sequence[str]] = [
            [
                o.name,
                count_ko(o.assigned),
                count_ko(o.answered),
                percent_ko(o.answered_on_time, o.answered),
                count_ko(o.open),
                count_ko(o.overdue),
            ]
            for o in x.officers
        ]
        flow += section(
            "4-4. 담당자별 처리 현황 (기간 중 접수분, 현재 담당자 기준)",
            table(
                ["담당자", "배정", "처리 완료", "기한 내 처리율", "미처리", "기한 경과"],
                rows,
                [width * 0.24] + [width * 0.152] * 5,
            ),
        )
    return flow
