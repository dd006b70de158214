"""数据看板: the figures of one viewpoint (an area, a department) over one period, as charts with their tables.

Every number comes from ``figures.sums`` (the tally), never from the case table, and every count carries the
link of the queue filtered to exactly the cases it counts (``link``: area, filing dates, the dimension's
value, the measure). A chart is its table (``Chart.lines``): the page draws it with ECharts from ``spec()``,
shows the table a click away and exports it (``sheet()``). Rates with nothing to divide by are None, shown “—”.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from civicgrid.cases import registry
from civicgrid.cases.choices import Channel, Measure, Status
from civicgrid.cases.filters import NO_FACET
from civicgrid.cases.queues import ALL
from civicgrid.cases.tally import RESOLVED
from civicgrid.core import xlsx
from civicgrid.geo.choices import AreaLevel

from .figures import AREA, NOTHING, PERIOD, Period, Summary, area_names, category_names, rate, sums
from .periods import Chosen
from .services import Viewpoint

TOP_CATEGORIES = 10
TREND_DAYS, TREND_WEEKS, TREND_MONTHS = 30, 12, 13


@dataclass
class Cell:
    """One figure of a table: a count with the link to its cases, or a rate in per cent (None: “—”)."""

    value: int | float | None
    link: str = ""
    percent: bool = False

    @property
    def is_count(self) -> bool:
        """Whether it counts cases (what its link lists), not a rate or an average of them."""
        return isinstance(self.value, int) and not self.percent


@dataclass
class Line:
    label: str
    cells: list
    key: str = ""  # what the line stands for (an area's code on the map)


@dataclass
class Chart:
    """A chart and its table: ``header`` names the label column then each cell's; ``plot`` the cells drawn."""

    slug: str
    title: str
    header: list
    lines: list
    draw: str = "bar"
    plot: tuple = (0,)
    notes: list = field(default_factory=list)  # (label, Cell): a rate told beside the chart (调处成功率)

    def spec(self) -> dict:
        """What the page's script needs to draw it: labels, the plotted series, each label's link."""
        series = [{"name": str(self.header[i + 1]), "values": [line.cells[i].value for line in self.lines],
                   "percent": bool(self.lines) and self.lines[0].cells[i].percent} for i in self.plot]
        return {"draw": self.draw, "labels": [line.label for line in self.lines], "series": series,
                "links": [line.cells[self.plot[0]].link for line in self.lines]}

    def sheet(self) -> xlsx.Sheet:
        rows = [[line.label, *(shown(cell) for cell in line.cells)] for line in self.lines]
        rows += [[label, shown(cell)] for label, cell in self.notes]
        return xlsx.Sheet(self.title, [str(title) for title in self.header], rows)


def shown(cell: Cell):
    """A cell as the export writes it: the number, or “—” when a rate has nothing to divide by."""
    return NOTHING if cell.value is None else cell.value


@dataclass
class Stat:
    """A key figure at the top of the page (``unit`` for a count of something else than cases), with 环比 and
    同比 for the count of cases."""

    label: str
    cell: Cell
    unit: str = ""
    month_on_month: float | None = None
    year_on_year: float | None = None
    compared: bool = False
    danger: bool = False


class Board:
    """The dashboard of ``view`` over ``chosen``: its key figures (``stats``) and charts (``charts``)."""

    def __init__(self, view: Viewpoint, chosen: Chosen):
        self.view, self.chosen, self.period = view, chosen, chosen.period

    def sums(self, by=(), period: Period | None = None, daily: bool = False, **filters) -> list[dict]:
        return sums(self.view.where(**filters), period or self.period, by=by, daily=daily)

    def link(self, period: Period | None = None, area: str = "", **filters) -> str:
        """The queue listing exactly the cases a figure counts: every filter set, none left to a default."""
        period = period or self.period
        query = {"centre": ALL, "status": "", "area": area or self.view.area.code,
                 "date_from": period.start.isoformat(), "date_to": period.end.isoformat(), **filters}
        if self.view.department:
            query["department"] = self.view.department.pk
        return f"{reverse('cases:queue')}?{urlencode(query)}"

    @cached_property
    def summary(self) -> Summary:
        return Summary.of(self.sums(by=["status"]))

    def total(self, period: Period) -> int:
        return self.sums(period=period)[0]["cases"] or 0

    def stats(self) -> list[Stat]:
        summary, chosen = self.summary, self.chosen
        cases = Stat(_("案件总数"), Cell(summary.cases, self.link()), compared=True,
                     month_on_month=change(summary.cases, self.total(chosen.previous)),
                     year_on_year=change(summary.cases, self.total(chosen.year_before)))
        return [cases, *self._open_stats(), *[Stat(line.label, line.cells[2]) for line in self._rates()],
                Stat(_("平均办理时长"), Cell(summary.average_hours, self.link(measure=Measure.RESOLVED)), _("小时")),
                *[Stat(label, cell) for chart in self.facet_charts() for label, cell in chart.notes]]

    def _open_stats(self) -> list[Stat]:
        summary = self.summary
        return [Stat(_("在办"), Cell(summary.open, self.link(measure=Measure.OPEN))),
                Stat(_("超期在办"), Cell(summary.overdue, self.link(measure=Measure.OVERDUE)),
                     danger=bool(summary.overdue))]

    # ---- the charts

    def charts(self) -> list[Chart]:
        return [chart for build in BUILDERS.values() for chart in build(self)]

    def chart(self, slug: str) -> Chart | None:
        build = BUILDERS.get(slug.split("-")[0])
        return next((chart for chart in build(self) if chart.slug == slug), None) if build else None

    def status_chart(self) -> list[Chart]:
        lines = [Line(Status(status).label, [Cell(row["cases"], self.link(status=status))])
                 for status, row in sorted(self.summary.by_status.items(), key=_status_order) if row["cases"]]
        return [Chart("status", _("案件状态"), [_("状态"), _("案件数")], lines)]

    def kind_chart(self) -> list[Chart]:
        labels = dict(registry.kind_choices())
        lines = self._by("kind", lambda code: labels.get(code, code), "kind")
        return [Chart("kind", _("事项类型"), [_("事项类型"), _("案件数")], lines, draw="pie")]

    def channel_chart(self) -> list[Chart]:
        labels = dict(Channel.choices)
        lines = self._by("channel", lambda code: labels.get(code, code), "channel")
        return [Chart("channel", _("来源渠道"), [_("来源渠道"), _("案件数")], lines, draw="pie")]

    def category_chart(self) -> list[Chart]:
        rows = sorted(self.sums(by=["category"]), key=lambda row: -row["cases"])[:TOP_CATEGORIES]
        names = category_names(row["category_id"] for row in rows)
        lines = [Line(names[row["category_id"]], [Cell(row["cases"], self.link(category_id=row["category_id"]))])
                 for row in rows if row["cases"]]
        return [Chart("category", _("分类排行（前十）"), [_("事项分类"), _("案件数")], lines, draw="hbar")]

    def _by(self, dimension: str, label, name: str) -> list[Line]:
        rows = sorted(self.sums(by=[dimension]), key=lambda row: -row["cases"])
        return [Line(label(row[dimension]), [Cell(row["cases"], self.link(**{name: row[dimension]}))])
                for row in rows if row["cases"]]

    def rates_chart(self) -> list[Chart]:
        header = [_("指标"), _("分子"), _("分母"), _("比率（%）")]
        return [Chart("rates", _("三率与超期占比"), header, self._rates(), draw="hbar", plot=(2,))]

    def _rates(self) -> list[Line]:
        s, rated = self.summary, {"status": Status.RATED}
        return [
            self._rate(_("办结率"), s.resolved, {"measure": Measure.RESOLVED}, s.counted, {"measure": Measure.COUNTED}),
            self._rate(_("按期办结率"), s.resolved - s.total("late", RESOLVED), {"measure": Measure.ON_TIME},
                       s.resolved, {"measure": Measure.RESOLVED}),
            self._rate(_("满意率"), s.total("satisfied", [Status.RATED]), {**rated, "measure": Measure.SATISFIED},
                       s.total("cases", [Status.RATED]), rated),
            self._rate(_("超期（红灯）占比"), s.overdue, {"measure": Measure.OVERDUE}, s.open, {"measure": Measure.OPEN}),
        ]

    def _rate(self, label: str, part: int, part_filters: dict, whole: int, whole_filters: dict) -> Line:
        return Line(label, [Cell(part, self.link(**part_filters)), Cell(whole, self.link(**whole_filters)),
                            Cell(rate(part, whole), self.link(**part_filters), percent=True)])

    def area_chart(self) -> list[Chart]:
        """热点区域: the child areas ranked by cases, with their open and overdue cases and overdue share."""
        if self.view.area.level >= AreaLevel.GRID:
            return []
        header = [_("区域"), _("案件数"), _("在办"), _("超期在办"), _("超期占比（%）")]
        return [Chart("areas", _("热点区域"), header, self.area_lines(), draw="hbar", plot=(0, 2))]

    def area_lines(self) -> list[Line]:
        rows = sorted(self.sums(by=[AREA]), key=lambda row: (-row["cases"], row["area"]))
        names = area_names(row["area"] for row in rows)
        return [self._area_line(row, names) for row in rows if row["cases"]]

    def _area_line(self, row: dict, names: dict) -> Line:
        code = row["area"]
        # A case filed at the area itself, not below it, cannot be listed apart from its children's: no link.
        below = code != self.view.area.code

        def cell(value, **filters):
            return Cell(value, self.link(area=code, **filters) if below else "")

        label = names[code] if below else _("%(name)s（本级）") % {"name": names[code]}
        return Line(label, [cell(row["cases"]), cell(row["open"], measure=Measure.OPEN),
                                  cell(row["overdue"], measure=Measure.OVERDUE),
                                  Cell(rate(row["overdue"], row["open"]), percent=True)], key=code)

    def facet_charts(self) -> list[Chart]:
        """For every registered kind with a facet (a hazard's grade, a dispute's standing): its cases by facet
        and its own rate, from one query whatever the number of kinds."""
        counts = defaultdict(dict)
        for row in self.sums(by=["kind", "facet"]):
            counts[row["kind"]][row["facet"]] = row["cases"] or 0
        return [self._facet_chart(kind, counts[kind.code]) for kind in registry.kinds() if kind.facet]

    def _facet_chart(self, kind, counts: dict) -> Chart:
        facet = kind.facet
        # Cases whose record does not say yet (a dispute filed, not yet entered) under “未登记”, so the lines
        # add up to the kind's cases.
        labels = {**facet.choices, **{code: _("未登记") for code in counts if code not in facet.choices}}
        lines = [Line(str(label), [Cell(counts.get(code, 0), self.link(kind=kind.code, facet=code or NO_FACET))])
                 for code, label in labels.items()]
        chart = Chart(f"facet-{kind.code}", _("%(kind)s · %(facet)s") % {"kind": kind.label, "facet": facet.label},
                      [str(facet.label), _("案件数")], lines, draw="pie")
        if facet.rate:
            label, parts, over = facet.rate
            part, whole = sum(counts.get(c, 0) for c in parts), sum(counts.get(c, 0) for c in over)
            chart.notes.append((str(label), Cell(rate(part, whole), self.link(kind=kind.code), percent=True)))
        return chart

    # ---- trends

    def day_chart(self) -> list[Chart]:
        end = self.period.end
        days = [end - timedelta(days=n) for n in range(TREND_DAYS - 1, -1, -1)]
        counts = self._per_day(Period(days[0], end))
        lines = [Line(day.strftime("%m-%d"), [Cell(counts.get(day, 0), self.link(Period(day, day)))]) for day in days]
        return [Chart("days", _("日趋势（近30天）"), [_("日期"), _("案件数")], lines, draw="line")]

    def week_chart(self) -> list[Chart]:
        end = self.period.end
        first = end - timedelta(days=end.weekday() + 7 * (TREND_WEEKS - 1))
        weeks = defaultdict(int)
        for day, n in self._per_day(Period(first, end)).items():
            weeks[day - timedelta(days=day.weekday())] += n
        lines = [self._week_line(first + timedelta(weeks=n), end, weeks) for n in range(TREND_WEEKS)]
        return [Chart("weeks", _("周趋势（近12周）"), [_("周"), _("案件数")], lines, draw="line")]

    def _week_line(self, monday: date, end: date, weeks: dict) -> Line:
        week = Period(monday, min(monday + timedelta(days=6), end))
        label = f"{week.start:%m-%d}～{week.end:%m-%d}"
        return Line(label, [Cell(weeks.get(monday, 0), self.link(week))])

    def month_chart(self) -> list[Chart]:
        """The last 13 months, each with 环比 and 同比 (change in per cent against the month and the year before)."""
        months = _months_back(self.period.end, TREND_MONTHS + 12)
        counts = defaultdict(int)
        for day, n in self._per_day(Period(months[0], self.period.end), daily=False).items():
            counts[day.replace(day=1)] += n
        lines = [self._month_line(months, i, counts) for i in range(12, len(months))]
        header = [_("月份"), _("案件数"), _("环比（%）"), _("同比（%）")]
        return [Chart("months", _("月趋势（近13个月）"), header, lines, draw="line")]

    def _month_line(self, months: list, i: int, counts: dict) -> Line:
        month, n = months[i], counts.get(months[i], 0)
        end = min(_month_end(month), self.period.end)
        return Line(f"{month:%Y-%m}", [Cell(n, self.link(Period(month, end))),
                                       Cell(change(n, counts.get(months[i - 1], 0)), percent=True),
                                       Cell(change(n, counts.get(months[i - 12], 0)), percent=True)])

    def _per_day(self, period: Period, daily: bool = True) -> dict:
        """Cases per day; unless ``daily``, per month (by its first day) when a month cube can answer."""
        found = defaultdict(int)
        for row in self.sums(by=[PERIOD], period=period, daily=daily):
            found[row["period"]] += row["cases"] or 0
        return found


BUILDERS = {
    "status": Board.status_chart, "rates": Board.rates_chart, "areas": Board.area_chart,
    "days": Board.day_chart, "weeks": Board.week_chart, "months": Board.month_chart,
    "kind": Board.kind_chart, "channel": Board.channel_chart, "category": Board.category_chart,
    "facet": Board.facet_charts,
}


def change(now: int, before: int) -> float | None:
    """环比 or 同比: the change in per cent, None when there was nothing before."""
    return rate(now - before, before)


def _status_order(item) -> int:
    return list(Status.values).index(item[0]) if item[0] in Status.values else len(Status.values)




def _months_back(end: date, count: int) -> list[date]:
    first = end.replace(day=1)
    months = [first]
    while len(months) < count:
        months.insert(0, (months[0] - timedelta(days=1)).replace(day=1))
    return months


def _month_end(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
