"""The figures leaders decide from, read from the tally (``cases.tally``), never by scanning the cases.

``sums(where, period, by)`` adds up the measures of the cases filed in ``period`` inside ``where`` (an area
code prefix and, for department staff, their department), grouped ``by`` some dimensions; it asks the
coarsest cube that keeps what the question needs (``pick``). ``Summary`` turns rows grouped by state into
the counts and rates a page shows; a rate with nothing to divide by is ``None`` (shown as “—”).

三率 (the three rates centres are evaluated on, docs/architecture.md):
- 办结率 = cases resolved (待回访, 已回访, 无需回访, 自行处置) ÷ cases filed, voided and merged ones left out;
- 按期办结率 = resolved cases never overdue ÷ cases resolved;
- 满意率 = callbacks satisfied or basically satisfied ÷ callbacks rated (已回访).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Sum
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases.choices import OPEN_STATUSES, Status
from civicgrid.cases.models import Category, Tally
from civicgrid.cases.tally import COLUMNS, CUBES, DAY, MEASURES, RESOLVED, Cube
from civicgrid.cases.workflow import InvalidInput
from civicgrid.geo.models import Area

LEFT_OUT = frozenset({Status.VOIDED, Status.MERGED})
AREA = "area"  # grouping by area: the codes cut to ``Where.child_length``
PERIOD = "period"  # grouping by the cube's own period (a day or a month)
EVER = date(2000, 1, 1)  # a month before any case
NOTHING = "—"  # what a rate with nothing to divide by shows: never 0 %


@dataclass(frozen=True)
class Period:
    """统计期: the days from ``start`` to ``end``, both included, in local time."""

    start: date
    end: date

    def __post_init__(self):
        if self.end < self.start:
            raise InvalidInput(_("统计期的结束日期不能早于开始日期。"), {"end": _("结束日期早于开始日期。")})
        if self.start > timezone.localdate():
            raise InvalidInput(_("统计期不能在今天之后开始。"), {"start": _("开始日期在今天之后。")})

    @property
    def months(self) -> bool:
        """Whether it is whole months (the last may run to today): month cubes can answer it."""
        ends_month = (self.end + timedelta(days=1)).day == 1 or self.end >= timezone.localdate()
        return self.start.day == 1 and ends_month

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def shifted(self, months: int) -> "Period":
        """The same stretch ``months`` months earlier (环比: 1, 同比: 12): whole past months as whole months, a
        month to date as the same days of the earlier month."""
        ends = _add_months(self.end, -months)
        whole = self.months and self.end < timezone.localdate()
        return Period(_add_months(self.start, -months), _month_end(ends) if whole else ends)


def _add_months(day: date, months: int) -> date:
    """The same day ``months`` later (earlier when negative), or the month's last day if it is shorter."""
    total = day.year * 12 + day.month - 1 + months
    first = date(total // 12, total % 12 + 1, 1)
    return min(first + timedelta(days=day.day - 1), _month_end(first))


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


@dataclass(frozen=True)
class Where:
    """Whose figures: the cases inside ``prefix`` (an area code; "" for everything) and, for department staff,
    led by ``department`` (``Case.lead_department``). ``child_length`` is how much of the area code names the
    areas one level down, for grouping by area (the map, rankings)."""

    prefix: str
    department: int | None = None
    child_length: int = 0
    filters: dict = field(default_factory=dict)

    def needs(self) -> set[str]:
        return {*self.filters, *(["department"] if self.department else [])}


def pick(needs: Iterable[str], length: int, period: Period, daily: bool = False) -> Cube:
    """The cube with the fewest rows (``estimate``) that keeps the dimensions ``needs`` names and the area code
    to ``length`` characters, and whose grain fits ``period`` (a day's when ``daily``); the day cube keeps
    everything."""
    needs = set(needs)
    fitting = [cube for cube in CUBES if needs <= cube.keeps and (cube.area_length == 0 or cube.area_length >= length)
               and (cube.grain == DAY or period.months and not daily)]
    return min(fitting, key=estimate)


# Rough numbers of values in a city, for comparing cubes: what matters is which is smaller, not by how much.
VALUES = {"category": 200, "kind": 4, "channel": 6, "status": 11, "facet": 3, "department": 30}
AREAS = {6: 12, 9: 200, 0: 10_000}


def estimate(cube: Cube) -> int:
    """Rows a cube may hold for a month of a city: its areas times the values of what it keeps."""
    rows = AREAS.get(cube.area_length, 10_000) * (30 if cube.grain == DAY else 1)
    for name in cube.keeps:
        rows *= VALUES[name]
    return rows


def sums(where: Where, period: Period, by: Iterable[str] = (), daily: bool = False) -> list[dict]:
    """The measures summed per group of ``by`` (dimensions, ``AREA`` or ``PERIOD``) over the period: dicts
    keyed by the tally's column names (``category_id``, ``status`` …, ``period``) and ``area``. ``daily``
    asks a day cube even over whole months, so that ``PERIOD`` groups by day (a trend of the last 30 days)."""
    by = list(by)
    length = max(len(where.prefix), where.child_length if AREA in by else 0)
    cube = pick({*where.needs(), *(b for b in by if b not in (AREA, PERIOD))}, length, period, daily)
    rows = _rows(where, period, cube)
    totals = {m: Sum(m) for m in MEASURES}
    if not by:
        return [rows.aggregate(**totals)]
    columns = [COLUMNS.get(b, b) for b in by if b != AREA]
    areas = {AREA: Substr("area_code", 1, where.child_length)} if AREA in by else {}
    return list(rows.order_by().values(*columns, **areas).annotate(**totals))


def _rows(where: Where, period: Period, cube: Cube):
    rows = Tally.objects.filter(cube=cube.code, period__gte=cube.period(period.start), period__lte=period.end)
    if where.prefix:
        rows = rows.filter(area_code__startswith=where.prefix)
    if where.department:
        rows = rows.filter(department_id=where.department)
    return rows.filter(**{COLUMNS.get(k, k): v for k, v in where.filters.items()})


def open_now(where: Where) -> dict:
    """The cases open now and open and overdue now inside ``where``, whenever they were filed. Only the rows of
    the open states are read, from a cube that keeps the state (a partial index keeps those rows), so years of
    closed cases cost nothing."""
    period = Period(EVER, timezone.localdate())
    cube = pick({*where.needs(), "status"}, len(where.prefix), period)
    rows = _rows(where, period, cube).filter(status__in=sorted(OPEN_STATUSES))
    found = rows.aggregate(open=Sum("open"), overdue=Sum("overdue"))
    return {measure: int(value or 0) for measure, value in found.items()}


def written(value, template: str = "{}") -> str:
    """``value`` written into ``template``, or “—” when there is none (a rate with nothing to divide by)."""
    return NOTHING if value is None else template.format(value)


def rate(part: int | None, whole: int | None) -> float | None:
    """A share in per cent, or None when there is nothing to divide by (shown as “—”, never as 0 %)."""
    return round(100 * (part or 0) / whole, 1) if whole else None


@dataclass
class Summary:
    """The counts and 三率 of the cases of one group, from its rows grouped by state."""

    by_status: dict = field(default_factory=dict)

    @classmethod
    def of(cls, rows: Iterable[dict]) -> "Summary":
        summary = cls()
        for row in rows:
            summary.by_status[row["status"]] = {m: int(row[m] or 0) for m in MEASURES}  # PostgreSQL sums are decimals
        return summary

    def total(self, measure: str = "cases", statuses: Iterable[str] | None = None) -> int:
        chosen = self.by_status if statuses is None else {s: self.by_status.get(s, {}) for s in statuses}
        return sum(row.get(measure, 0) for row in chosen.values())

    @property
    def cases(self) -> int:
        return self.total()

    @property
    def open(self) -> int:
        return self.total("cases", OPEN_STATUSES)

    @property
    def overdue(self) -> int:
        return self.total("overdue")

    @property
    def counted(self) -> int:
        return self.cases - self.total("cases", LEFT_OUT)

    @property
    def resolved(self) -> int:
        return self.total("cases", RESOLVED)

    @property
    def resolution_rate(self) -> float | None:
        return rate(self.resolved, self.counted)

    @property
    def on_time_rate(self) -> float | None:
        return rate(self.resolved - self.total("late", RESOLVED), self.resolved)

    @property
    def satisfaction_rate(self) -> float | None:
        return rate(self.total("satisfied", [Status.RATED]), self.total("cases", [Status.RATED]))

    @property
    def overdue_share(self) -> float | None:
        """Red-light share: open cases overdue ÷ open cases."""
        return rate(self.overdue, self.open)

    @property
    def average_hours(self) -> float | None:
        timed = self.total("timed")
        return round(self.total("minutes") / timed / 60, 1) if timed else None


# Names of what old figures count, kept when a category or area is gone since.


def category_names(ids) -> dict:
    """Each category's name; one deleted since its cases were counted is labelled “已删除分类 #12”."""
    ids = set(ids)
    names = {c.pk: c.display_name for c in Category.objects.filter(pk__in=ids)}
    return {pk: names.get(pk) or _("已删除分类 #%(id)s") % {"id": pk} for pk in ids}


def area_names(codes) -> dict:
    """Each area's name; one removed since its cases were counted is labelled “已删除区域 610802003”."""
    codes = set(codes)
    names = dict(Area.objects.filter(code__in=codes).values_list("code", "name"))
    return {code: names.get(code) or removed_area(code) for code in codes}


def removed_area(code: str) -> str:
    return _("已删除区域 %(code)s") % {"code": code}
