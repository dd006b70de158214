"""报表期: the days a daily, weekly, monthly or quarterly report covers, and how a report names them."""

from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases.workflow import InvalidInput
from civicgrid.dashboards.figures import Period

from .choices import PeriodKind


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def window(kind: str, day: date) -> tuple[date, date]:
    """The first and last day of the period of ``kind`` that ``day`` falls in."""
    if kind == PeriodKind.DAY:
        return day, day
    if kind == PeriodKind.WEEK:
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if kind == PeriodKind.MONTH:
        return day.replace(day=1), _month_end(day)
    start = _quarter_start(day)
    return start, _month_end(date(start.year, start.month + 2, 1))


def last_complete(kind: str, today: date | None = None) -> tuple[date, date]:
    """The latest period of ``kind`` that ended before today: what the schedule reports on."""
    start, _end = window(kind, today or timezone.localdate())
    return window(kind, start - timedelta(days=1))


def asked(kind: str, day: date) -> Period:
    """The period of ``kind`` around ``day`` that someone asks a report of: refused when it has not ended by
    today (it would reach into the future)."""
    start, end = window(kind, day)
    if end > timezone.localdate():
        raise InvalidInput(_("所选报表期（%(start)s 至 %(end)s）尚未结束，不能生成到今天以后的报表。")
                           % {"start": start, "end": end}, {"day": _("报表期尚未结束。")})
    return Period(start, end)


def title(kind: str, start: date) -> str:
    """How a report names its period: 2026年12月2日, 2026年第49周, 2026年11月, 2026年第4季度."""
    if kind == PeriodKind.DAY:
        return _("%(y)d年%(m)d月%(d)d日") % {"y": start.year, "m": start.month, "d": start.day}
    if kind == PeriodKind.WEEK:
        year, week, _weekday = start.isocalendar()
        return _("%(y)d年第%(w)d周") % {"y": year, "w": week}
    if kind == PeriodKind.MONTH:
        return _("%(y)d年%(m)d月") % {"y": start.year, "m": start.month}
    return _("%(y)d年第%(q)d季度") % {"y": start.year, "q": (start.month - 1) // 3 + 1}


def buckets(kind: str, period: Period) -> list[Period]:
    """The stretches a report's trend shows: the seven days up to a daily report's day, a week's or a
    month's days, a quarter's months."""
    if kind == PeriodKind.QUARTER:
        firsts = [date(period.start.year, period.start.month + i, 1) for i in range(3)]
        return [Period(first, _month_end(first)) for first in firsts]
    first = period.start - timedelta(days=6) if kind == PeriodKind.DAY else period.start
    return [Period(first + timedelta(days=i), first + timedelta(days=i))
            for i in range((period.end - first).days + 1)]


def bounds(period: Period) -> tuple[datetime, datetime]:
    """The instants the period runs between: local midnight of its first day and of the day after its last."""
    return _midnight(period.start), _midnight(period.end + timedelta(days=1))


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))
