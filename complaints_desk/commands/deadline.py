"""`complaints-desk deadline KIND RECEIVED_AT`: print when a case is due, as ISO 8601 in Asia/Seoul.

    complaints-desk deadline grievance 2026-02-13T10:00            → 2026-02-26T23:59:59+09:00
    complaints-desk deadline statutory 2026-05-21T14:30 --days 3
    complaints-desk deadline other 2026-07-10T16:30 --extend 2h
    complaints-desk deadline grievance 2026-02-13 --closed 2026-02-19T15:00 2026-02-23T10:00
    complaints-desk deadline inquiry-procedure 2026-08-07T23:30 --explain

An extension (--extend, at most twice, the second with --consent) is counted like the original period from
the due moment it extends, after any clock stop (--closed) has been added back (영 §21). Every error is one
line on stderr, in Korean and English, with exit status 2.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from datetime import date, datetime, tzinfo

    from complaints_desk.domain.calendar import Closure, WorkCalendar
    from complaints_desk.domain.deadlines import Stretch
    from complaints_desk.domain.errors import DomainError
    from complaints_desk.domain.kinds import Kind
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
    parser.add_argument(
        "--explain",
        action="store_true",
        help="계산 근거(1일째, 건너뛴 날, 말일)를 한 줄 더 출력 / one more line: day 1, days skipped, last day",
    )
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
    if explanation is not None:
        print(explanation)
    return 0


def _compute(args: argparse.Namespace) -> tuple[datetime, str | None]:
    from complaints_desk.domain.calendar import WorkCalendar
    from complaints_desk.domain.deadlines import ClockStop, StopReason, deadline_stretches, period_for
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
    stretches = deadline_stretches(received, period, calendar, stops, extensions)
    # Only on request: the explanation walks every day of the count.
    explanation = _explain(kind, received, stretches, len(stops), calendar) if args.explain else None
    return stretches[-1].due, explanation


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


_KO_WEEKDAYS = "월화수목금토일"
_EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _ko_day(day: date) -> str:
    return f"{day:%m-%d}({_KO_WEEKDAYS[day.weekday()]})"


def _en_day(day: date) -> str:
    return f"{_EN_WEEKDAYS[day.weekday()]} {day:%m-%d}"


def _en_period(period: Period) -> str:
    unit = period.unit.value.removesuffix("s")
    return f"{period.amount} {unit}" if period.amount == 1 else f"{period.amount} {unit}s"


def _explain(
    kind: Kind, received: datetime, stretches: tuple[Stretch, ...], stop_count: int, calendar: WorkCalendar
) -> str:
    """One line, Korean then English: for the period and each extension, where the count began and why, the
    days it skipped and where it ended."""
    ko = [kind.korean, f"접수 {received:%Y-%m-%d %H:%M}"]
    en = [kind.english, f"received {received:%Y-%m-%d %H:%M}"]
    for stretch in stretches:
        more_ko, more_en = _explain_stretch(stretch, calendar)
        ko += more_ko
        en += more_en
    if stop_count:
        ko.append(f"시계 정지 {stop_count}건은 세지 않음(영 §20)")
        en.append(f"{stop_count} clock stop{'s' if stop_count > 1 else ''} not counted (영 §20)")
    due = stretches[-1].due
    ko.append(f"처리기한 {due:%Y-%m-%d %H:%M:%S}")
    en.append(f"due {due:%Y-%m-%d %H:%M:%S}")
    return " · ".join(ko) + " / " + " · ".join(en)


def _explain_stretch(stretch: Stretch, calendar: WorkCalendar) -> tuple[list[str], list[str]]:
    from datetime import timedelta

    from complaints_desk.domain.deadlines import Counting
    from complaints_desk.domain.periods import PeriodUnit

    period, start, due = stretch.period, stretch.start, stretch.due
    first = stretch.begins.date()
    if stretch.number:
        ko = [f"연장 {stretch.number}회차 {period.korean()}(영 §21)"]
        en = [f"extension {stretch.number}: {_en_period(period)} (영 §21)"]
    else:
        ko = [f"처리기간 {period.korean()}"]
        en = [f"period {_en_period(period)}"]
    if stretch.counting is Counting.WORKING_DAYS:
        if stretch.number == 0:
            ko[-1] += ", 근무일로 셈, 첫날 산입(법 §19②)"
            en[-1] += ", counted in working days, the day of receipt included (법 §19②)"
        if stretch.number:
            ko.append(f"1일째 {_ko_day(first)}: 기존 기한 {_ko_day(start.date())} 다음 근무일")
            en.append(f"day 1 {_en_day(first)}: the next working day after the due day {_en_day(start.date())}")
        elif first == start.date():
            ko.append(f"1일째 {_ko_day(first)}: 접수일이 근무일이므로 접수 시각({start:%H:%M})과 관계없이 산입")
            en.append(
                f"day 1 {_en_day(first)}: the day of receipt is a working day, so it counts whatever the hour ({start:%H:%M})"
            )
        else:
            off_ko, off_en = _day_off(start.date(), calendar)
            ko.append(f"1일째 {_ko_day(first)}: 접수일 {_ko_day(start.date())}은 {off_ko}이라 다음 근무일")
            en.append(
                f"day 1 {_en_day(first)}: the day of receipt, {_en_day(start.date())}, is a {off_en}, so the next working day"
            )
        skipped_from = first + timedelta(days=1)
    elif stretch.counting is Counting.WORKING_HOURS:
        hours = (
            period.amount if period.unit is PeriodUnit.HOURS else period.amount * calendar.settings.hours_per_day
        )
        if stretch.number:
            ko[-1] += f", 근무시간 {hours}시간"
            en[-1] += f", {hours} working hours"
        else:
            office = ", ".join(f"{a:%H:%M}–{b:%H:%M}" for a, b in calendar.settings.working_periods)
            ko[-1] += f", 근무시간 {hours}시간으로 셈({office}, 법 §19①)"
            en[-1] += f", counted as {hours} working hours ({office}, 법 §19①)"
        begins = stretch.begins
        if stretch.number:
            ko.append(f"기존 기한 {_ko_day(start.date())} {start:%H:%M}부터 이어서")
            en.append(f"running on from the due moment {_en_day(start.date())} {start:%H:%M}")
        elif begins == start:
            ko.append(f"접수 시각 {_ko_day(start.date())} {start:%H:%M}부터")
            en.append(f"from the moment of receipt, {_en_day(start.date())} {start:%H:%M}")
        else:
            ko.append(f"근무시간 밖에 접수되어 다음 근무시간 {_ko_day(begins.date())} {begins:%H:%M}부터")
            en.append(
                f"received outside working hours, so from the next working hour, {_en_day(begins.date())} {begins:%H:%M}"
            )
        skipped_from = start.date() + timedelta(days=1)
    else:
        if stretch.number:
            ko.append(f"기존 기한 다음 날 {_ko_day(first)}부터(민법 §157)")
            en.append(f"from the day after the due day, {_en_day(first)} (민법 §157)")
        else:
            ko.append(f"초일 불산입, 기산일 {_ko_day(first)}(민법 §157)")
            en.append(f"the initial day not counted; counted from {_en_day(first)} (민법 §157)")
        ko.append("말일이 근무일이 아니면 다음 근무일(민법 §161)")
        en.append("an end on a day off moves to the next working day (민법 §161)")
        skipped_from = None
    if skipped_from is not None:
        skipped_ko, skipped_en = _skipped(skipped_from, due.date(), calendar)
        ko.append("건너뛴 날: " + skipped_ko if skipped_ko else "건너뛴 날 없음")
        en.append("skipped: " + skipped_en if skipped_en else "no days skipped")
    if stretch.stopped_days:
        unit_ko = "근무일" if stretch.counting is Counting.WORKING_DAYS else "일"
        unit_en = "working day" if stretch.counting is Counting.WORKING_DAYS else "day"
        plural = "s" if stretch.stopped_days > 1 else ""
        ko.append(f"시계 정지로 {unit_ko} {stretch.stopped_days}일 제외(영 §20)")
        en.append(f"{stretch.stopped_days} {unit_en}{plural} left out for the clock stop (영 §20)")
    if stretch.counting is Counting.WORKING_DAYS:
        ko.append(f"{period.amount}일째(말일) {_ko_day(due.date())}")
        en.append(f"day {period.amount}, the last day: {_en_day(due.date())}")
    elif stretch.counting is Counting.WORKING_HOURS:
        ko.append(f"끝 {_ko_day(due.date())} {due:%H:%M}")
        en.append(f"ends {_en_day(due.date())} {due:%H:%M}")
    else:
        ko.append(f"말일 {_ko_day(due.date())}")
        en.append(f"last day {_en_day(due.date())}")
    return ko, en


def _day_off(day: date, calendar: WorkCalendar) -> tuple[str, str]:
    """What kind of day off ``day`` is, in Korean and English ("주말"/"weekend", "설날"/"holiday 설날")."""
    from complaints_desk.domain.calendar import kr_holidays

    name = calendar.day_off_name(day) or ""
    if any(c.start <= day <= c.end for c in calendar.closures):
        return name, f"closure ({name})"
    if day in kr_holidays(day.year):
        return name, f"holiday ({name})"
    return "주말", "weekend"


def _skipped(first: date, last: date, calendar: WorkCalendar) -> tuple[str, str]:
    """The days off in [first, last], runs of the same kind of day joined ("02-14(토)–02-15(일) 주말")."""
    from datetime import timedelta

    runs: list[tuple[date, date, str, str]] = []
    day = first
    while day <= last:
        if not calendar.is_working_day(day):
            ko, en = _day_off(day, calendar)
            if runs and runs[-1][1] == day - timedelta(days=1) and runs[-1][2] == ko:
                runs[-1] = (runs[-1][0], day, ko, en)
            else:
                runs.append((day, day, ko, en))
        day += timedelta(days=1)
    ko_parts = [f"{_ko_day(a)}{'–' + _ko_day(b) if b != a else ''} {ko}" for a, b, ko, _ in runs]
    en_parts = [f"{_en_day(a)}{'–' + _en_day(b) if b != a else ''} {en}" for a, b, _, en in runs]
    return ", ".join(ko_parts), ", ".join(en_parts)
