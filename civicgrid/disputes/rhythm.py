"""日排查、周化解、月研判、季通报: the figures of the disputes' working rhythm, for one area and one period.

A dispute is a case of kind ``dispute``; its type is the case's category, its place the case's area code,
its 化解 deadline the case's ``due_at``. Its side record (``Dispute``) may not exist yet (a dispute reported
today and not yet accepted for mediation): every query starts from the case and joins the record, so such a
dispute counts in the totals and as 未登记 by source and method.

Definitions (the pages and the quarterly bulletin say them too):

- a period's disputes are those **reported** in it (``Case.reported_at``, local time);
- 调解数 (mediated): of those, the ones accepted for mediation (``accepted_at`` set);
- 化解数 (resolved): mediated and ``resolved`` (化解成功); 调处成功率 = resolved ÷ mediated;
- 按期化解率 = resolved in time (``resolved_in_time``) ÷ resolved;
- 协议履行率 = disputes whose agreement (written or oral) is fully performed ÷ disputes with an agreement;
- a rate with nothing to divide by is ``None``, shown as “—”;
- 未化解 (unresolved): the case is still open and the dispute not resolved;
- 周化解 lists the unresolved disputes reported more than ``WEEK`` ago.

Each figure is one aggregate query over the cases (``AGGREGATES``), grouped where the page groups: the number
of queries does not grow with the number of disputes.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Case as Conditional
from django.db.models import Count, F, Min, Q, Value, When
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civicgrid.cases.choices import OPEN_STATUSES, CaseKind
from civicgrid.cases.models import Case
from civicgrid.cases.workflow import InvalidInput
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.codes import LEVEL_LENGTHS
from civicgrid.geo.models import Area

from . import choices as c
from .models import Dispute, ZeroReport

WEEK = timedelta(days=7)
SHOWN = 200  # disputes listed on a page; the Excel export has them all
HOT_SPOTS = 10
DASH = "—"
NOT_RECORDED = gettext_lazy("未登记")

# --- Periods ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A stretch of days, ``start`` included and ``end`` not, with the name the pages give it."""

    start: date
    end: date
    label: str

    def bounds(self) -> tuple[datetime, datetime]:
        return local_midnight(self.start), local_midnight(self.end)


def local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def day_bounds(day: date) -> tuple[datetime, datetime]:
    return local_midnight(day), local_midnight(day + timedelta(days=1))


def month(year: int, number: int) -> Period:
    following = date(year + number // 12, number % 12 + 1, 1)
    return Period(date(year, number, 1), following, _("%(year)d年%(month)d月") % {"year": year, "month": number})


def previous_month(period: Period) -> Period:
    before = period.start - timedelta(days=1)
    return month(before.year, before.month)


def quarter(year: int, number: int) -> Period:
    start = date(year, 3 * number - 2, 1)
    end = date(year + 1, 1, 1) if number == 4 else date(year, 3 * number + 1, 1)
    return Period(start, end, _("%(year)d年第%(quarter)d季度") % {"year": year, "quarter": number})


def quarter_of(day: date) -> Period:
    return quarter(day.year, (day.month - 1) // 3 + 1)


def previous_quarter(period: Period) -> Period:
    return quarter_of(period.start - timedelta(days=1))


def year_before(period: Period, make) -> Period:
    """The same month or quarter a year earlier (``make`` is ``month_of`` or ``quarter_of``)."""
    return make(period.start.replace(year=period.start.year - 1))


def month_of(day: date) -> Period:
    return month(day.year, day.month)


def parse_day(text: str | None, today: date) -> date:
    """``2026-05-20``; none means today. A day to come is refused: nothing has been screened yet."""
    if not text:
        return today
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(_("日期“%(value)s”无效，请按 2026-05-20 的格式填写。") % {"value": text},
                           {"day": _("日期无效。")}) from None
    if day > today:
        raise InvalidInput(_("日期不能晚于今天（%(today)s）。") % {"today": today}, {"day": _("日期不能晚于今天。")})
    return day


def parse_month(text: str | None, today: date) -> Period:
    """``2026-05``; none means this month. A month still to come is refused."""
    if not text:
        return month_of(today)
    try:
        year, number = (int(part) for part in text.split("-"))
        found = month(year, number)
    except ValueError:
        raise InvalidInput(_("月份“%(value)s”无效，请按 2026-05 的格式填写。") % {"value": text},
                           {"month": _("月份无效。")}) from None
    if found.start > today:
        raise InvalidInput(_("月份“%(value)s”还没有到，请选择本月或以前的月份。") % {"value": text},
                           {"month": _("不能选择将来的月份。")})
    return found


def parse_quarter(text: str | None, today: date) -> Period:
    """``2026-Q2``; none means this quarter. A quarter still to come is refused."""
    if not text:
        return quarter_of(today)
    try:
        year, number = text.upper().split("-Q")
        if not 1 <= int(number) <= 4:
            raise ValueError(text)
        found = quarter(int(year), int(number))
    except ValueError:
        raise InvalidInput(_("季度“%(value)s”无效，请按 2026-Q2 的格式填写。") % {"value": text},
                           {"quarter": _("季度无效。")}) from None
    if found.start > today:
        raise InvalidInput(_("季度“%(value)s”还没有到，请选择本季度或以前的季度。") % {"value": text},
                           {"quarter": _("不能选择将来的季度。")})
    return found


# --- Rates -------------------------------------------------------------------------------------------------

MEDIATED = Q(dispute__accepted_at__isnull=False)
RESOLVED = MEDIATED & Q(dispute__resolved=True)
WITH_AGREEMENT = Q(dispute__agreement__isnull=False)
AGGREGATES = {
    "total": Count("pk"),
    "mediated": Count("pk", filter=MEDIATED),
    "resolved": Count("pk", filter=RESOLVED),
    "in_time": Count("pk", filter=RESOLVED & Q(dispute__resolved_in_time=True)),
    "agreements": Count("pk", filter=WITH_AGREEMENT),
    "performed": Count("pk", filter=WITH_AGREEMENT & Q(dispute__performance=c.Performance.FULL)),
}


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def percent(value: float | None) -> str:
    return DASH if value is None else f"{value * 100:.1f}%"


@dataclass
class Figures:
    """The counts of a set of disputes and the rates worked out from them."""

    total: int = 0
    mediated: int = 0
    resolved: int = 0
    in_time: int = 0
    agreements: int = 0
    performed: int = 0

    @property
    def success_rate(self) -> float | None:
        return ratio(self.resolved, self.mediated)

    @property
    def in_time_rate(self) -> float | None:
        return ratio(self.in_time, self.resolved)

    @property
    def performed_rate(self) -> float | None:
        return ratio(self.performed, self.agreements)

    @property
    def rates(self) -> dict[str, str]:
        """The rates as the pages and exports print them."""
        return {"success": percent(self.success_rate), "in_time": percent(self.in_time_rate),
                "performed": percent(self.performed_rate)}

    def ranking_key(self) -> tuple:
        return (-1 if self.success_rate is None else self.success_rate, self.resolved, self.total)


def disputes(code: str):
    """Every dispute case under the area ``code``."""
    return Case.objects.filter(kind=CaseKind.DISPUTE, area_code__startswith=code)


def reported_in(code: str, period: Period):
    start, end = period.bounds()
    return disputes(code).filter(reported_at__gte=start, reported_at__lt=end)


def figures(cases) -> Figures:
    return Figures(**cases.aggregate(**AGGREGATES))


# A period's disputes are read once, one row each, and counted here by every breakdown the page shows: one
# query however many breakdowns (on PostgreSQL each grouped query would read the whole disputes table).
COLUMNS = ("category__name", "area_code", "area__name", "dispute__source", "dispute__method", "dispute__accepted_at",
           "dispute__resolved", "dispute__resolved_in_time", "dispute__performance", "dispute__agreement__pk",
           "dispute__committee__name", "dispute__committee__area__name")


@dataclass(frozen=True)
class Row:
    """One dispute of a period, as the breakdowns read it."""

    category: str
    area_code: str
    area_name: str
    source: str | None
    method: str | None
    accepted_at: datetime | None
    resolved: bool | None
    in_time: bool | None
    performance: str | None
    agreement: int | None
    committee: str | None
    committee_area: str | None


def read(cases) -> list[Row]:
    return [Row(*values) for values in cases.order_by().values_list(*COLUMNS)]


def count(rows) -> Figures:
    """The figures of ``rows`` as ``AGGREGATES`` counts them in SQL."""
    found = Figures()
    for row in rows:
        mediated = row.accepted_at is not None
        resolved = mediated and row.resolved is True
        found.total += 1
        found.mediated += mediated
        found.resolved += resolved
        found.in_time += resolved and row.in_time is True
        found.agreements += row.agreement is not None
        found.performed += row.agreement is not None and row.performance == c.Performance.FULL
    return found


def tally(rows, key) -> dict:
    """The figures of ``rows`` per value of ``key(row)``."""
    groups: dict = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    return {value: count(members) for value, members in groups.items()}


def child_length(area: Area) -> int | None:
    """How long the codes of ``area``'s children are; None for a grid (its page is the grid itself)."""
    return None if area.level >= AreaLevel.GRID else LEVEL_LENGTHS[AreaLevel(area.level + 1)]


def children(area: Area) -> list[Area]:
    return [area] if area.level >= AreaLevel.GRID else list(area.children.filter(level__lte=AreaLevel.GRID))


def by_child(rows: list[Row], area: Area) -> list[tuple[Area, Figures]]:
    """The figures for each child of ``area`` (all of them, with nothing as zeros)."""
    length = child_length(area) or len(area.code)
    found = tally(rows, lambda row: row.area_code[:length])
    return [(child, found.get(child.code, Figures())) for child in children(area)]


@dataclass
class Labelled:
    """A row of a breakdown: what it counts (a category's name, a source) and its figures."""

    label: str
    figures: Figures


def by_label(rows: list[Row], key) -> list[Labelled]:
    """The figures per label, most first (then by label)."""
    found = tally(rows, key)
    return sorted((Labelled(str(label), figures_) for label, figures_ in found.items()),
                  key=lambda row: (-row.figures.total, row.label))


def choice_label(labels):
    """The label of a choice field's value; no record yet (or no value) is 未登记. The labels are translated
    once here: the breakdowns group thousands of rows by them, and a lazy label translates on every hash."""
    names, missing = {value: str(label) for value, label in labels}, str(NOT_RECORDED)
    return lambda value: names.get(value, missing) if value else missing


# --- 日排查 ------------------------------------------------------------------------------------------------


class GridStatus:
    """What the daily screening says of one grid on one day."""

    DISPUTES = gettext_lazy("有纠纷上报")
    REPORTED = gettext_lazy("已零报告")
    NOT_YET = gettext_lazy("未报告")


@dataclass
class DailyRow:
    """One child area (or grid) of the daily screening."""

    area: Area
    found: int = 0
    screened: int = 0
    unresolved: int = 0
    grids: int = 0
    reported: int = 0
    with_disputes: int = 0
    status: str = ""
    reporter: str = ""
    reported_at: datetime | None = None

    @property
    def not_yet(self) -> int:
        return self.grids - self.reported - self.with_disputes


@dataclass
class Daily:
    area: Area
    day: date
    rows: list[DailyRow]
    total: DailyRow
    disputes: list = field(default_factory=list)
    more: int = 0


def unresolved(code: str):
    """Dispute cases under ``code`` still open and not resolved."""
    return disputes(code).filter(status__in=OPEN_STATUSES).exclude(dispute__resolved=True)


def daily(area: Area, day: date) -> Daily:
    """Disputes found or reported on ``day``, the unresolved ones and each grid's zero report, per child."""
    start, end = day_bounds(day)
    today = disputes(area.code).filter(reported_at__gte=start, reported_at__lt=end)
    found = list(today.values_list("area_code", "dispute__source"))
    rows = {child.code: DailyRow(child) for child in children(area)}
    _count_found(rows, found)
    _count_unresolved(rows, area)
    _grid_statuses(rows, area, day, {code for code, _source in found})
    listed = list(today.select_related("category", "area").order_by("-reported_at")[:SHOWN])
    total = _sum(area, rows.values())
    return Daily(area, day, list(rows.values()), total, listed, max(len(found) - SHOWN, 0))


def _row_of(rows: dict, code: str) -> DailyRow | None:
    """The child whose code starts ``code`` (a case placed above the children, at the city, has none)."""
    return next((row for prefix, row in rows.items() if code.startswith(prefix)), None)


def _count_found(rows: dict, found: list) -> None:
    for code, source in found:
        row = _row_of(rows, code)
        if row is not None:
            row.found += 1
            row.screened += source == c.Source.SCREENED


def _count_unresolved(rows: dict, area: Area) -> None:
    length = child_length(area) or len(area.code)
    counted = unresolved(area.code).order_by().values(group=Substr("area_code", 1, length)).annotate(n=Count("pk"))
    for row in counted:
        if row["group"] in rows:
            rows[row["group"]].unresolved = row["n"]


def _grid_statuses(rows: dict, area: Area, day: date, with_disputes: set) -> None:
    """Each grid under ``area`` is 有纠纷上报, 已零报告 or 未报告 (in that order: a grid that reported nothing
    and then found a dispute the same day has a dispute)."""
    grids = Area.objects.filter(code__startswith=area.code, level=AreaLevel.GRID).values_list("code", flat=True)
    reports = {r.grid.code: r for r in ZeroReport.objects.filter(day=day, grid__code__startswith=area.code)
               .select_related("grid", "staff")}
    for code in grids:
        row = _row_of(rows, code)
        row.grids += 1
        if code in with_disputes:
            row.with_disputes += 1
            row.status = GridStatus.DISPUTES
        elif code in reports:
            row.reported += 1
            row.status, row.reporter, row.reported_at = GridStatus.REPORTED, str(reports[code].staff), reports[code].at
        else:
            row.status = GridStatus.NOT_YET


def _sum(area: Area, rows) -> DailyRow:
    total = DailyRow(area)
    for row in rows:
        for name in ("found", "screened", "unresolved", "grids", "reported", "with_disputes"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
    return total


# --- 周化解 ------------------------------------------------------------------------------------------------


@dataclass
class Load:
    """Disputes open over a week in one mediator's or committee's hands, how many are late, the nearest due."""

    label: str
    committee: str
    count: int
    overdue: int
    nearest: datetime | None


@dataclass
class Weekly:
    area: Area
    now: datetime
    total: int
    overdue: int
    by_mediator: list[Load]
    by_committee: list[Load]
    disputes: list


def over_a_week(code: str, now: datetime):
    """The unresolved disputes under ``code`` reported more than a week before ``now``."""
    return unresolved(code).filter(reported_at__lt=now - WEEK)


def weekly(area: Area, now: datetime, limit: int | None = SHOWN) -> Weekly:
    cases = over_a_week(area.code, now)
    counts = cases.aggregate(total=Count("pk"), overdue=Count("pk", filter=Q(due_at__lt=now)))
    listed = cases.select_related("category", "area", "dispute__committee").prefetch_related("dispute__mediators")
    listed = listed.order_by(F("due_at").asc(nulls_last=True), "reported_at")
    return Weekly(area, now, counts["total"], counts["overdue"], _by_mediator(cases, now),
                  _by_committee(cases, now), list(listed[:limit] if limit else listed))


def _load(prefix: str, now: datetime) -> dict:
    return {"count": Count("pk"), "overdue": Count("pk", filter=Q(**{f"{prefix}due_at__lt": now})),
            "nearest": Min(f"{prefix}due_at")}


def _by_mediator(cases, now: datetime) -> list[Load]:
    """Per mediator (a dispute with two counts for both), then the disputes no mediator holds yet."""
    through = Dispute.mediators.through.objects.filter(dispute__case__in=cases.values("pk"))
    rows = (through.order_by().values("mediator__name", "mediator__committee__name")
            .annotate(**_load("dispute__case__", now)).order_by("-count", "mediator__name"))
    found = [Load(r["mediator__name"], r["mediator__committee__name"], r["count"], r["overdue"], r["nearest"])
             for r in rows]
    nobody = cases.filter(dispute__mediators__isnull=True).aggregate(**_load("", now))
    if nobody["count"]:
        found.append(Load(_("（未指派调解员）"), "", nobody["count"], nobody["overdue"], nobody["nearest"]))
    return found


def _by_committee(cases, now: datetime) -> list[Load]:
    rows = (cases.order_by().values("dispute__committee__name").annotate(**_load("", now))
            .order_by("-count", "dispute__committee__name"))
    return [Load(r["dispute__committee__name"] or _("（未确定调解组织）"), "", r["count"], r["overdue"], r["nearest"])
            for r in rows]


# --- 月研判 ------------------------------------------------------------------------------------------------


@dataclass
class Change:
    """This period against an earlier one: the counts' change in per cent, the success rate's in points."""

    label: str
    figures: Figures
    total_change: str
    rate_change: str


def change(label: str, now: Figures, before: Figures) -> Change:
    total = ratio(now.total - before.total, before.total)
    total_text = DASH if total is None else f"{total * 100:+.1f}%"
    rates = (now.success_rate, before.success_rate)
    rate_text = DASH if None in rates else _("%(points)+.1f 个百分点") % {"points": (rates[0] - rates[1]) * 100}
    return Change(label, before, total_text, rate_text)


@dataclass
class Monthly:
    area: Area
    period: Period
    figures: Figures
    changes: list[Change]
    by_type: list[Labelled]
    by_source: list[Labelled]
    by_method: list[Labelled]
    by_area: list[tuple[Area, Figures]]
    hot_spots: list[dict]


def monthly(area: Area, period: Period) -> Monthly:
    rows = read(reported_in(area.code, period))
    now = count(rows)
    earlier, last_year = previous_month(period), year_before(period, month_of)
    before = compared(area.code, earlier, last_year)
    changes = [change(_("环比（%(period)s）") % {"period": earlier.label}, now, before[0]),
               change(_("同比（%(period)s）") % {"period": last_year.label}, now, before[1])]
    source, method = choice_label(c.Source.choices), choice_label(c.Method.choices)
    return Monthly(area, period, now, changes, by_label(rows, lambda row: row.category),
                   by_label(rows, lambda row: source(row.source)), by_label(rows, lambda row: method(row.method)),
                   by_child(rows, area), hot_spots(rows))


def compared(code: str, *periods: Period) -> list[Figures]:
    """The figures of earlier periods, in one query (a group per period)."""
    which, within = [], Q(pk__in=[])
    for number, period in enumerate(periods):
        start, end = period.bounds()
        which.append(When(reported_at__gte=start, reported_at__lt=end, then=Value(number)))
        within |= Q(reported_at__gte=start, reported_at__lt=end)  # the ranges, plainly, for the index
    found = grouped(disputes(code).filter(within).annotate(period=Conditional(*which, default=None)), "period")
    return [found.get(number, Figures()) for number in range(len(periods))]


def grouped(cases, key: str) -> dict:
    rows = cases.order_by().values(group=F(key)).annotate(**AGGREGATES)
    return {row.pop("group"): Figures(**row) for row in rows}


def hot_spots(rows: list[Row]) -> list[dict]:
    """The grids (or wherever the disputes were placed) with the most disputes, most first."""
    found = tally(rows, lambda row: (row.area_code, row.area_name))
    ranked_ = sorted(found.items(), key=lambda item: (-item[1].total, item[0][0]))[:HOT_SPOTS]
    return [{"area_code": code, "area__name": name, "n": figures_.total} for (code, name), figures_ in ranked_]


# --- 季通报 ------------------------------------------------------------------------------------------------


@dataclass
class Ranked:
    rank: int
    label: str
    parent: str
    figures: Figures


@dataclass
class Quarterly:
    area: Area
    period: Period
    figures: Figures
    townships: list[Ranked]
    committees: list[Ranked]


def ranked(rows: list[tuple[str, str, Figures]]) -> list[Ranked]:
    """Best first: by 调处成功率 (none last), then by disputes resolved, then by all disputes."""
    ordered = sorted(rows, key=lambda row: row[2].ranking_key(), reverse=True)
    return [Ranked(rank, label, parent, found) for rank, (label, parent, found) in enumerate(ordered, start=1)]


def quarterly(area: Area, period: Period) -> Quarterly:
    rows = read(reported_in(area.code, period))
    return Quarterly(area, period, count(rows), _townships(rows, area), _committees(rows))


def _townships(rows: list[Row], area: Area) -> list[Ranked]:
    length = LEVEL_LENGTHS[AreaLevel.TOWNSHIP]
    if area.level > AreaLevel.TOWNSHIP:
        return []
    found = tally(rows, lambda row: row.area_code[:length])
    townships = Area.objects.filter(code__startswith=area.code, level=AreaLevel.TOWNSHIP).select_related("parent")
    return ranked([(t.name, t.parent.name, found.get(t.code, Figures())) for t in townships])


def _committees(rows: list[Row]) -> list[Ranked]:
    found = tally([row for row in rows if row.committee], lambda row: (row.committee, row.committee_area))
    return ranked([(name, where, figures_) for (name, where), figures_ in found.items()])


def mediators_of(dispute_case) -> str:
    """The mediators of a listed dispute, read from what ``weekly`` prefetched."""
    record = getattr(dispute_case, "dispute", None)
    return "、".join(m.name for m in record.mediators.all()) if record else ""

