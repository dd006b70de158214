"""Working-time calendar for case deadlines (DESIGN.md, "The one loop": deadlines rule).

Time limits come in 工作时 (working hours), 工作日 (working days) and 自然日
(natural days). A day is a workday by the default week (Monday–Friday) unless a
``CalendarDay`` row says otherwise; a workday's working time is its
``WorkingHours`` periods (08:30–12:00 and 14:00–18:00 by default). Everything is
computed in settings.TIME_ZONE (Asia/Shanghai); inputs and results are aware
datetimes.

Bulk callers (a deadline sweep) should take ``current()`` once and call its
methods; the module-level functions re-check the cache version on every call.
"""

from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timedelta
from time import monotonic

from django.conf import settings
from django.db.models import Count, Max
from django.utils import timezone

from .choices import TimeUnit, TrafficLight
from .models import CalendarDay, WorkingHours

# The years a date typed into a filter or given to the API may fall in: years near 1 or 9999 overflow when
# turned into a day's bounds or converted to UTC, and no case is that old or that new.
YEARS = range(2000, 2101)
DEFAULT_PERIODS = ((time(8, 30), time(12, 0)), (time(14, 0), time(18, 0)))
ONE_DAY = timedelta(days=1)
ONE_HOUR = timedelta(hours=1)

type Interval = tuple[datetime, datetime | None]


class WorkCalendar:
    """Workdays and working periods, with the arithmetic that deadlines need."""

    def __init__(self, overrides: dict[date, bool], periods=DEFAULT_PERIODS, tz=None):
        self.overrides = dict(overrides)
        self.periods = tuple(sorted(periods))
        self.tz = tz or timezone.get_default_timezone()
        self._days: dict[date, list] = {}  # each day's periods, made once: deadlines walk the same days over and over

    @classmethod
    def from_db(cls) -> "WorkCalendar":
        overrides = dict(CalendarDay.objects.values_list("date", "is_workday"))
        periods = tuple(WorkingHours.objects.values_list("start", "end"))
        return cls(overrides, periods or DEFAULT_PERIODS)

    @property
    def day_length(self) -> timedelta:
        """The working time of one full workday: what one 工作日 is worth in ``elapsed``."""
        return sum((_on(date.min, end) - _on(date.min, start) for start, end in self.periods), timedelta())

    def is_workday(self, day: date) -> bool:
        if isinstance(day, datetime):
            day = self._local(day).date()
        return self.overrides.get(day, day.weekday() < 5)

    def add(self, start: datetime, amount: int | float, unit: str) -> datetime:
        """The due time of a limit of ``amount`` ``unit`` counted from ``start``.

        - work_hours: only time inside the working periods of workdays counts; a
          limit that runs out exactly at a period's end is due then (18:00), not at
          the next period's start.
        - work_days (次日起算): the day the request is received does not count; it
          is due at the end of the last working period of the ``amount``-th workday
          after it. A request received outside working hours counts as received at
          the start of the next working period: Friday 10:00 + 3 is due Wednesday
          18:00, Friday 19:00 + 3 is due Thursday 18:00. ``amount`` must be whole.
        - natural_days: ``start`` + ``amount`` × 24 h, holidays included.
        """
        start, unit = self._local(start), TimeUnit(unit)
        _check_amount(amount, unit)
        if unit == TimeUnit.WORK_HOURS:
            return self._add_working_time(start, amount * ONE_HOUR)
        if unit == TimeUnit.WORK_DAYS:
            return self._add_work_days(start, int(amount))
        return start + amount * ONE_DAY

    def fraction_point(self, start: datetime, due: datetime, fraction: float, unit: str) -> datetime:
        """The instant when ``fraction`` of the time from start to due is used: where the light turns yellow."""
        start, due, unit = self._local(start), self._local(due), TimeUnit(unit)
        if unit == TimeUnit.NATURAL_DAYS:
            return start + (due - start) * fraction
        return self._add_working_time(start, self._working_time(start, due) * fraction)

    def shift(self, due: datetime, paused_from: datetime, paused_to: datetime, unit: str) -> datetime:
        """``due`` moved on by the time a pause (挂账) took from the clock, so the pause does not count."""
        due, paused_from, paused_to = map(self._local, (due, paused_from, paused_to))
        if TimeUnit(unit) == TimeUnit.NATURAL_DAYS:
            return due + max(paused_to - paused_from, timedelta())
        if due <= paused_from:
            return due
        return self._add_working_time(paused_to, self._working_time(paused_from, due))

    def elapsed(self, start: datetime, end: datetime, unit: str, excluding: Iterable[Interval] = ()) -> float:
        """Time from ``start`` to ``end`` in ``unit``, without the ``excluding`` (挂账) intervals.

        A work day here is ``day_length`` of working time, so the remainder of the
        day of receipt counts too: ``elapsed`` up to an ``add(..., "work_days")``
        due time is a little more than the limit. An excluded interval whose end
        is None is still open and runs to ``end``.
        """
        start, end, unit = self._local(start), self._local(end), TimeUnit(unit)
        used = self._used(start, end, excluding, self._measure(unit))
        return used / self._unit_length(unit)

    def traffic_light(self, start: datetime, due: datetime, now: datetime, suspended: Iterable[Interval] = (),
                      unit: str = TimeUnit.WORK_HOURS) -> TrafficLight:
        """亮灯 of a case received at ``start`` and due at ``due`` (as computed by ``add``, not extended).

        The allowed time is the working time from start to due; the used time is
        the working time from start to now without the suspended intervals, so a
        suspension gives the case its time back. Green while at most 80 % is
        used, yellow up to 100 %, red once it is all used and the due time has
        passed. Natural-day limits pass ``unit="natural_days"`` to count every hour.
        """
        start, due, now = map(self._local, (start, due, now))
        measure = self._measure(TimeUnit(unit))
        allowed = measure(start, due)
        used = self._used(start, now, suspended, measure)
        if used >= allowed and now > due:
            return TrafficLight.RED
        # Compare in whole microseconds (timedelta × int is exact) so 80 % is exactly 80 %.
        return TrafficLight.GREEN if used * 5 <= allowed * 4 else TrafficLight.YELLOW

    def _local(self, moment: datetime) -> datetime:
        if timezone.is_naive(moment):
            raise ValueError(f"WorkCalendar needs aware datetimes, got naive {moment!r}.")
        return moment.astimezone(self.tz)

    def _periods_on(self, day: date) -> list[tuple[datetime, datetime]]:
        if day not in self._days:
            workday = self.is_workday(day)
            self._days[day] = [(_on(day, start, self.tz), _on(day, end, self.tz)) for start, end in self.periods
                               if workday]
        return self._days[day]

    def _periods_from(self, start: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Working periods from ``start`` on, the first one cut at ``start``; endless, callers stop."""
        start = self._local(start)
        day = start.date()
        while True:
            for begin, end in self._periods_on(day):
                if end > start:
                    yield max(begin, start), end
            day += ONE_DAY

    def _add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        for begin, end in self._periods_from(start):
            if end - begin >= amount:
                return begin + amount
            amount -= end - begin

    def _add_work_days(self, start: datetime, days: int) -> datetime:
        received, _end = next(self._periods_from(start))
        day = received.date()
        for _ in range(days):
            day = self._next_workday(day)
        return _on(day, self.periods[-1][1], self.tz)

    def _next_workday(self, day: date) -> date:
        day += ONE_DAY
        while not self.is_workday(day):
            day += ONE_DAY
        return day

    def _working_time(self, start: datetime, end: datetime) -> timedelta:
        total = timedelta()
        for begin, period_end in self._periods_from(start):
            if begin >= end:
                return total
            total += min(period_end, end) - begin

    def _measure(self, unit: TimeUnit):
        if unit == TimeUnit.NATURAL_DAYS:
            return lambda start, end: max(end - start, timedelta())
        return self._working_time

    def _unit_length(self, unit: TimeUnit) -> timedelta:
        return {TimeUnit.WORK_HOURS: ONE_HOUR, TimeUnit.WORK_DAYS: self.day_length}.get(unit, ONE_DAY)

    def _used(self, start: datetime, end: datetime, excluding: Iterable[Interval], measure) -> timedelta:
        """``measure`` from start to end, less each excluded interval's part inside it."""
        total = measure(start, end)
        for gap_start, gap_end in _merged(excluding, end):
            gap_start, gap_end = max(gap_start, start), min(gap_end, end)
            if gap_start < gap_end:
                total -= measure(gap_start, gap_end)
        return total


def _on(day: date, at: time, tz=None) -> datetime:
    return datetime.combine(day, at, tzinfo=tz)


def _check_amount(amount: int | float, unit: TimeUnit) -> None:
    if amount < 0:
        raise ValueError(f"A time limit cannot be negative, got {amount}.")
    if unit == TimeUnit.WORK_DAYS and amount != int(amount):
        raise ValueError(f"work_days limits are whole days, got {amount}; use work_hours for parts of a day.")


def _merged(intervals: Iterable[Interval], open_end: datetime) -> list[tuple[datetime, datetime]]:
    """Intervals sorted and joined where they overlap, so overlapping suspensions are not subtracted twice."""
    merged = []
    for start, end in sorted((start, end or open_end) for start, end in intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


_cache: tuple[tuple, WorkCalendar] | None = None
_checked = 0.0


def _version() -> tuple:
    """Changes whenever a row is added, edited or deleted, in this process or another."""
    summary = {"n": Count("pk"), "latest": Max("updated_at")}
    return tuple(tuple(model.objects.aggregate(**summary).values()) for model in (CalendarDay, WorkingHours))


def current() -> WorkCalendar:
    """The calendar as the database has it, rebuilt when the rows changed; the rows are looked at no more
    than every ``CIVICGRID_CALENDAR_RECHECK_S`` seconds, since a busy intake asks on every step."""
    global _cache, _checked
    now = monotonic()
    if _cache is not None and now - _checked < settings.CIVICGRID_CALENDAR_RECHECK_S:
        return _cache[1]
    version = _version()
    if _cache is None or _cache[0] != version:
        _cache = (version, WorkCalendar.from_db())
    _checked = now
    return _cache[1]


def is_workday(day: date) -> bool:
    return current().is_workday(day)


def add(start: datetime, amount: int | float, unit: str) -> datetime:
    return current().add(start, amount, unit)


def elapsed(start: datetime, end: datetime, unit: str, excluding: Iterable[Interval] = ()) -> float:
    return current().elapsed(start, end, unit, excluding)


def traffic_light(start: datetime, due: datetime, now: datetime, suspended: Iterable[Interval] = (),
                  unit: str = TimeUnit.WORK_HOURS) -> TrafficLight:
    return current().traffic_light(start, due, now, suspended, unit)
