"""What the dashboards and the command-centre screen ask for, as functions of whose figures and which period.

Each page is a set of ``sums`` calls (``dashboards.figures``) and a little Python folding their rows into the
figures it shows. ``sums`` is a parameter: the bench runs the same page against the tally
(``figures.sums``, what the product does) and against a plain GROUP BY over the case table (``scan_sums``),
checks that both give the same figures, and times both. The pages themselves (``dashboards`` views and
``dashboards/screen.py``) were being written alongside this bench: they may share these definitions.
"""

from collections import defaultdict
from datetime import date, timedelta

from django.db.models import F, IntegerField, Value
from django.db.models.functions import Coalesce, Substr, TruncDate, TruncMonth
from django.utils import timezone

from civicgrid.cases import tally
from civicgrid.cases.choices import OPEN_STATUSES
from civicgrid.cases.models import Case
from civicgrid.dashboards import figures
from civicgrid.dashboards.figures import AREA, PERIOD, Period, Summary, Where

TOP = 10  # categories and hot spots shown
NEW, RED = 300, 50  # the screen's new cases of the last day and its most overdue cases


# --- The same figures by a plain GROUP BY over the case table ---------------------------------------------------


def scan_sums(where: Where, period: Period, by=()) -> list[dict]:
    """``figures.sums`` computed from the cases themselves: the rows it would give, at the grain of the cube it
    would pick, keyed alike."""
    by = list(by)
    length = max(len(where.prefix), where.child_length if AREA in by else 0)
    cube = figures.pick({*where.needs(), *(b for b in by if b not in (AREA, PERIOD))}, length, period)
    rows = Case.objects.order_by().filter(reported_at__gte=_midnight(period.start),
                                          reported_at__lt=_midnight(period.end + timedelta(days=1)))
    if where.prefix:
        rows = rows.filter(area_code__startswith=where.prefix)
    if where.department:
        rows = rows.filter(lead_department_id=where.department)
    rows = rows.filter(**{_column(k): v for k, v in where.filters.items()})
    totals = {m: aggregate for m, aggregate in zip(tally.MEASURES, tally.AGGREGATES.values())}
    if not by:
        return [rows.aggregate(**totals)]
    groups = {f"g_{_name(b)}": _group(b, where, cube) for b in by}  # aliases: "status" and "area" are fields
    return [{key.removeprefix("g_"): value for key, value in row.items()}
            for row in rows.values(**groups).annotate(**totals)]


def _midnight(day: date):
    return timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time()))


def _column(dimension: str) -> str:
    return {"category": "category_id", "department": "lead_department_id"}.get(dimension, dimension)


def _name(dimension: str) -> str:
    return AREA if dimension == AREA else tally.COLUMNS.get(dimension, dimension)


def _group(dimension: str, where: Where, cube):
    if dimension == AREA:
        return Substr("area_code", 1, where.child_length)
    if dimension == PERIOD:
        day = TruncDate("reported_at", tzinfo=timezone.get_default_timezone())
        return day if cube.grain == tally.DAY else TruncMonth(day)
    if dimension == "department":
        return Coalesce("lead_department_id", Value(0), output_field=IntegerField())
    return F(_column(dimension))


# --- Folding rows into what a page shows -------------------------------------------------------------------------


def summary(sums, where: Where, period: Period) -> dict:
    """Counts and 三率 of a period."""
    return summarised(sums(where, period, by=["status"]))


def open_now(sums, where: Where) -> dict:
    """What is open and overdue now, whenever filed: the product's ``figures.open_now`` on the tally (the rows
    holding open cases only), and the same totals over every case ever filed by GROUP BY."""
    if sums is figures.sums:
        return figures.open_now(where)
    row = sums(where, Period(figures.EVER, timezone.localdate()))[0]
    return {"open": int(row["open"] or 0), "overdue": int(row["overdue"] or 0)}


def summarised(rows: list[dict]) -> dict:
    found = Summary.of(rows)
    return {"cases": found.cases, "open": found.open, "overdue": found.overdue, "resolved": found.resolved,
            "resolution_rate": found.resolution_rate, "on_time_rate": found.on_time_rate,
            "satisfaction_rate": found.satisfaction_rate, "overdue_share": found.overdue_share,
            "average_hours": None if found.average_hours is None else float(found.average_hours)}


def breakdown(sums, where: Where, period: Period, by: list[str], top: int | None = None) -> list[tuple]:
    """(group, cases, open, overdue) per group, the biggest first."""
    return ordered(sums(where, period, by=by), by, top)


def ordered(rows: list[dict], by: list[str], top: int | None = None) -> list[tuple]:
    found = [(tuple(str(row[_name(b)]) for b in by), row["cases"], row["open"], row["overdue"])
             for row in rows if row["cases"]]
    return sorted(found, key=lambda r: (-r[1], r[0]))[:top]


def trend(sums, where: Where, period: Period, unit) -> list[tuple]:
    """Cases and overdue per ``unit(day)`` (the day, its week's Monday or its month), in order."""
    folded = defaultdict(lambda: [0, 0])
    for row in sums(where, period, by=[PERIOD]):
        folded[unit(row["period"])][0] += row["cases"] or 0
        folded[unit(row["period"])][1] += row["overdue"] or 0
    return sorted((key, *counts) for key, counts in folded.items())


def _day(day: date) -> date:
    return day


def _week(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month(day: date) -> date:
    return day.replace(day=1)


def ranking(sums, where: Where, period: Period) -> list[tuple]:
    """Child areas (hot spots) by cases, with their open, overdue share and 三率."""
    by_area = defaultdict(list)
    for row in sums(where, period, by=[AREA, "status"]):
        by_area[row[AREA]].append(row)
    found = [(area, s.cases, s.open, s.overdue_share, s.resolution_rate, s.on_time_rate, s.satisfaction_rate)
             for area, rows in by_area.items() if (s := Summary.of(rows)).cases]
    return sorted(found, key=lambda r: (-r[1], r[0]))


# --- The pages -------------------------------------------------------------------------------------------------


def dashboard(where: Where, period: Period, sums=figures.sums) -> dict:
    """数据看板 of an area: the period's figures with 环比 and 同比, the breakdowns (state, kind, channel, top
    categories, every kind's facet), trends by day (30 days), week (12 weeks) and month (13 months), hot spots."""
    today = timezone.localdate()
    this_month = today.replace(day=1)
    by_status = sums(where, period, by=["status"])
    return {
        "summary": summarised(by_status), "previous": summary(sums, where, period.shifted(1)),
        "last_year": summary(sums, where, period.shifted(12)),
        "by_status": ordered(by_status, ["status"]), "by_kind": breakdown(sums, where, period, ["kind"]),
        "by_channel": breakdown(sums, where, period, ["channel"]),
        "top_categories": breakdown(sums, where, period, ["category"], TOP),
        "by_facet": breakdown(sums, where, period, ["kind", "facet"]),
        "days": trend(sums, where, Period(today - timedelta(days=29), today), _day),
        "weeks": trend(sums, where, Period(_week(today) - timedelta(weeks=11), today), _week),
        "months": trend(sums, where, Period(Period(this_month, today).shifted(12).start, today), _month),
        "hot_spots": ranking(sums, where, period)[:TOP],
    }


def area_map(where: Where, period: Period, sums=figures.sums) -> dict:
    """The drill-down map of an area: each child area's cases (density) and open cases overdue (share)."""
    return {row[AREA]: (row["cases"], row["open"], row["overdue"]) for row in sums(where, period, by=[AREA])
            if row["cases"]}


def screen(where: Where, sums=figures.sums) -> dict:
    """One refresh of the command-centre screen, as ``dashboards/screen.py`` makes it: today's and this month's
    counts and rates, what is open and overdue now (every case ever filed), the last 30 days, the ranking of
    the subordinate areas this month, the last day's new cases and the most overdue open ones (lists: LIMITed
    case queries on indexed columns)."""
    now = timezone.now()
    today = timezone.localdate(now)
    month = Period(today.replace(day=1), today)
    inside = Case.objects.filter(area_code__startswith=where.prefix).select_related("category", "area")
    if where.department:
        inside = inside.filter(lead_department_id=where.department)
    fields = ("number", "reported_at", "kind", "priority", "supervised", "longitude", "latitude", "due_at",
              "area_code", "category__name", "area__name")
    new = inside.filter(reported_at__gte=now - timedelta(days=1)).only(*fields).order_by("-pk")[:NEW]
    red = inside.filter(status__in=OPEN_STATUSES, due_at__lt=now, suspended_at__isnull=True).only(*fields)
    return {
        "today": summary(sums, where, Period(today, today)), "month": summary(sums, where, month),
        "now": open_now(sums, where),
        "days": trend(sums, where, Period(today - timedelta(days=29), today), _day),
        "ranking": ranking(sums, where, month),
        "new": [(c.pk, c.number, c.category.name, c.area.name) for c in new],
        "red": [(c.pk, c.number, c.due_at) for c in red.order_by("due_at")[:RED]],
    }
