"""`complaints-desk deadline KIND RECEIVED_AT`: print when a case is due, as ISO 8601 in Asia/Seoul.

    complaints-desk deadline grievance 2026-02-13T10:00            → 2026-02-26T23:59:59+09:00
    complaints-desk deadline statutory 2026-05-21T14:30 --days 3
    complaints-desk deadline other 2026-07-10T16:30 --extend 2h
    complaints-desk deadline grievance 2026-02-13 --closed 2026-02-19T15:00 2026-02-23T10:00

Every error is one line on stderr, in Korean and English, with exit status 2.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from datetime import datetime, tzinfo

    from complaints_desk.domain.calendar import Closure, WorkCalendar
    from complaints_desk.domain.errors import DomainError
    from complaints_desk.domain.periods import Period

EXIT_ERROR = 2

_HELP = "처리기한 계산 / compute the due moment of a complaint"
_EPILOG = (
    "종류 / kinds: statutory, inquiry-law, inquiry-procedure, suggestion, other, grievance, proposal. "
    "시각에 시간대가 없으면 Asia/Seoul로 봅니다 / times without a zone are taken as Asia/Seoul."
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("deadline", help=_HELP, description=_HELP, epilog=_EPILOG)
    # Values are parsed in run(), not by argparse, so that a bad one gets the same bilingual one-line error
    # (naming the field) as every other rule.
    parser.add_argument("kind", metavar="KIND", help="민원 종류 코드 / kind code, e.g. grievance")
    parser.add_argument("received_at", metavar="RECEIVED_AT", help="접수 시각 / received, e.g. 2026-02-13T10:00")
    parser.add_argument("--days", metavar="N", help="법정민원의 처리기간(일) / a statutory application's period")
    parser.add_argument(
        "--extend",
        metavar="AMOUNT",
        action="append",
        default=[],
        help="연장 기간, 두 번까지 (7 = 7일, 2h = 2시간, 1mo = 1개월) / extension, at most twice",
    )
    parser.add_argument("--consent", action="store_true", help="두 번째 연장에 대한 민원인 동의 / consent")
    parser.add_argument(
        "--reason",
        default="cooperation",
        help="연장 사유 / extension reason: cooperation, fact_check, force_majeure, equivalent",
    )
    parser.add_argument("--reason-text", default="", help="'equivalent' 사유의 설명 / explanation")
    parser.add_argument(
        "--closed",
        nargs=2,
        metavar=("FROM", "TO"),
        action="append",
        default=[],
        help="시계 정지 구간(보완·현장조사·장애), 날짜면 그날 전체 / clock stop; whole days when dates",
    )
    parser.add_argument(
        "--closure",
        metavar="DATE[..DATE]",
        action="append",
        default=[],
        help="임시 휴무일 / an ad-hoc office closure",
    )
    parser.add_argument("--explain", action="store_true", help="계산 근거를 한 줄 더 출력 / explain")
    parser.set_defaults(func=run)
    # argparse would print a usage block and a second line; the rest of this command speaks in one line.
    parser.error = _one_line_error  # type: ignore[method-assign]


def _one_line_error(message: str) -> NoReturn:
    print(
        f"오류: 명령줄 인자가 올바르지 않습니다 ({message}). 도움말: complaints-desk deadline --help"
        f" / error: {message} (see complaints-desk deadline --help)",
        file=sys.stderr,
    )
    raise SystemExit(EXIT_ERROR)


def run(args: argparse.Namespace) -> int:
    from complaints_desk.commands import fail
    from complaints_desk.domain.errors import DomainError

    try:
        due, explanation = _compute(args)
    except DomainError as exc:
        return fail(exc, EXIT_ERROR)
    print(due.isoformat(timespec="seconds"))
    if args.explain:
        print(explanation)
    return 0


def _compute(args: argparse.Namespace) -> tuple[datetime, str]:
    from complaints_desk.domain.calendar import WorkCalendar
    from complaints_desk.domain.deadlines import ClockStop, StopReason, due_at, period_for
    from complaints_desk.domain.extensions import check_extension, parse_extension_reason
    from complaints_desk.domain.kinds import parse_kind

    kind = parse_kind(args.kind)
    calendar = WorkCalendar(closures=[_parse_closure(text) for text in args.closure])
    received = _parse_moment(args.received_at, "received_at", calendar.tz)
    period = period_for(kind, _parse_days(args.days))
    extensions = [_parse_extension(text) for text in args.extend]
    if extensions:
        reason = parse_extension_reason(args.reason)
        for count, extension in enumerate(extensions):
            check_extension(
                previous_count=count,
                original=period,
                extension=extension,
                consent=args.consent,
                reason=reason,
                reason_text=args.reason_text,
            )
    stops = []
    for start_text, end_text in args.closed:
        start = _parse_moment(start_text, "closed", calendar.tz)
        # Checked before a bare TO date is widened to its whole day, or "--closed 02-20 02-19" would pass.
        ClockStop(start, _parse_moment(end_text, "closed", calendar.tz), StopReason.SUPPLEMENT)
        end = _parse_moment(end_text, "closed", calendar.tz, end_of_date=True)
        stops.append(ClockStop(start, end, StopReason.SUPPLEMENT))
    due = due_at(received, period, calendar, stops, extensions)
    return due, _explain(kind.korean, received, due, period, extensions, len(stops), calendar)


def _domain_error(field: str, ko: str, en: str) -> DomainError:
    from complaints_desk.domain.errors import DomainError

    return DomainError(field, ko, en)


def _parse_moment(text: str, field: str, zone: tzinfo, end_of_date: bool = False) -> datetime:
    """An ISO date or date-time; a bare date means its start, or with ``end_of_date`` the start of the next
    day, so that ``--closed 2026-02-19 2026-02-20`` stops both days in full."""
    from datetime import date, datetime, time, timedelta

    value = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = date.fromisoformat(value)
            moment = datetime.combine(day + timedelta(days=1) if end_of_date else day, time(0))
        else:
            moment = datetime.fromisoformat(value)
    except ValueError:
        raise _domain_error(
            field,
            f"날짜·시각을 읽을 수 없거나 없는 날짜입니다: '{text}' (예: 2026-02-13T10:00)",
            f"Not a valid date or time: '{text}' (e.g. 2026-02-13T10:00)",
        ) from None
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


def _parse_days(text: str | None) -> int | None:
    if text is None:
        return None
    if not re.fullmatch(r"\s*\d+\s*", text) or int(text) < 1:
        raise _domain_error(
            "days",
            f"처리기간은 1 이상의 정수(일)여야 합니다: '{text}'",
            f"The period must be a whole number of days, at least 1: '{text}'",
        )
    return int(text)


_UNITS = {"": "days", "d": "days", "일": "days", "h": "hours", "시간": "hours", "mo": "months", "개월": "months"}


def _parse_extension(text: str) -> Period:
    from complaints_desk.domain.periods import Period, PeriodUnit

    match = re.fullmatch(r"\s*(\d+)\s*([a-z가-힣]*)\s*", text.lower())
    if not match or match.group(2) not in _UNITS or int(match.group(1)) < 1:
        raise _domain_error(
            "extend",
            f"연장 기간을 읽을 수 없습니다: '{text}' (예: 7 = 7일, 2h = 2시간, 1mo = 1개월)",
            f"Cannot read the extension: '{text}' (e.g. 7 = 7 days, 2h = 2 hours, 1mo = 1 month)",
        )
    return Period(int(match.group(1)), PeriodUnit(_UNITS[match.group(2)]))


def _parse_closure(text: str) -> Closure:
    from datetime import date

    from complaints_desk.domain.calendar import Closure

    first, _, last = text.partition("..")
    try:
        start = date.fromisoformat(first.strip())
        end = date.fromisoformat(last.strip()) if last else start
    except ValueError:
        raise _domain_error(
            "closure",
            f"휴무일을 읽을 수 없습니다: '{text}' (예: 2026-05-04 또는 2026-05-04..2026-05-06)",
            f"Cannot read the closure: '{text}' (e.g. 2026-05-04 or 2026-05-04..2026-05-06)",
        ) from None
    return Closure(start, end, "임시 휴무")


def _explain(
    kind_korean: str,
    received: datetime,
    due: datetime,
    period: Period,
    extensions: list[Period],
    stop_count: int,
    calendar: WorkCalendar,
) -> str:
    from complaints_desk.domain.periods import PeriodUnit

    settings = calendar.settings
    amount = period.amount + sum(e.amount for e in extensions)
    if period.unit is PeriodUnit.MONTHS:
        rule = "민법에 따라 초일 불산입, 말일이 휴일이면 다음 근무일"
    elif period.unit is PeriodUnit.HOURS or amount <= settings.max_days_counted_in_hours:
        hours = amount if period.unit is PeriodUnit.HOURS else amount * settings.hours_per_day
        hours_text = ", ".join(f"{a:%H:%M}–{b:%H:%M}" for a, b in settings.working_periods)
        rule = f"근무시간 {hours}시간({hours_text}) 기준"
    else:
        rule = "근무일 기준, 접수일 포함"
    parts = [kind_korean, f"처리기간 {period.korean()}"]
    if extensions:
        parts[-1] += " + 연장 " + " + ".join(e.korean() for e in extensions)
    parts += [rule, f"접수 {received:%Y-%m-%d %H:%M}", f"기한 {due:%Y-%m-%d %H:%M:%S}"]
    days_off = calendar.days_off_between(received.date(), due.date())
    if days_off:
        parts.append("제외된 휴일: " + ", ".join(f"{d:%m-%d} {name}" for d, name in days_off))
    if stop_count:
        parts.append(f"시계 정지 {stop_count}건 제외")
    return " · ".join(parts)
