"""What a periodic report says: its key figures, trend, top categories, overdue cases and rankings.

Every figure is read from the tally through ``dashboards.figures`` (never by counting cases); the overdue
list is the one case query, on indexed columns and with a limit, and names case numbers and titles only.
A category, area or department deleted since keeps its figures under a label that says so.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils.translation import gettext as _

from civicgrid.cases import registry
from civicgrid.cases.choices import OPEN_STATUSES
from civicgrid.cases.models import Case
from civicgrid.dashboards.figures import AREA, Period, Summary, Where, area_names, category_names, sums
from civicgrid.geo import codes
from civicgrid.orgs.models import Centre, Department

from . import periods

TOP = 10  # categories in the top issues
OVERDUE_LISTED = 50  # overdue cases a report lists by number (the figures count them all)


@dataclass
class Ranked:
    """One line of a ranking: its place, what it names, and the figures it is ranked on."""

    rank: int
    label: str
    summary: Summary


@dataclass
class Contents:
    """报表内容: everything a report shows, in the order it shows it."""

    centre: Centre
    kind: str
    period: Period
    summary: Summary = field(default_factory=Summary)
    previous: Summary = field(default_factory=Summary)
    trend: list = field(default_factory=list)  # (label, cases)
    kinds: list = field(default_factory=list)  # (label, cases)
    categories: list = field(default_factory=list)  # Ranked, by cases
    areas: list = field(default_factory=list)  # Ranked, by 办结率
    departments: list = field(default_factory=list)  # Ranked, by 办结率
    overdue: list = field(default_factory=list)  # cases

    @property
    def title(self) -> str:
        return periods.title(self.kind, self.period.start)

    @property
    def where(self) -> Where:
        return Where(self.centre.area.code)


def _key_figures(contents: Contents) -> None:
    """The period's counts and rates and, for a report of a kind, the period before's (环比)."""
    contents.summary = Summary.of(sums(contents.where, contents.period, by=["status"]))
    if contents.kind:
        contents.previous = Summary.of(sums(contents.where, _previous(contents.kind, contents.period),
                                            by=["status"]))


def _previous(kind: str, period: Period) -> Period:
    """环比: the period of the same kind just before."""
    return Period(*periods.window(kind, period.start - timedelta(days=1)))


def _trend(contents: Contents) -> None:
    for bucket in periods.buckets(contents.kind, contents.period):
        row = sums(contents.where, bucket)[0]
        label = f"{bucket.start:%m-%d}" if bucket.days == 1 else f"{bucket.start:%Y-%m}"
        contents.trend.append((label, row["cases"] or 0))


def _kinds(contents: Contents) -> None:
    rows = sums(contents.where, contents.period, by=["kind"])
    contents.kinds = sorted(((_kind_label(row["kind"]), row["cases"]) for row in rows if row["cases"]),
                            key=lambda pair: -pair[1])


def _kind_label(code: str) -> str:
    kind = registry.kind(code)
    return str(kind.label) if kind else _("已停用的类型（%(code)s）") % {"code": code}


def _categories(contents: Contents) -> None:
    grouped = _grouped(sums(contents.where, contents.period, by=["category", "status"]), "category_id")
    ranked = sorted(grouped.items(), key=lambda item: (-item[1].cases, item[0]))[:TOP]
    names = category_names(pk for pk, _summary in ranked)
    contents.categories = [Ranked(place, names[pk], summary)
                           for place, (pk, summary) in enumerate(ranked, start=1)]


def _areas(contents: Contents) -> None:
    length = codes.child_length(contents.centre.area.code)
    where = Where(contents.centre.area.code, child_length=length)
    grouped = _grouped(sums(where, contents.period, by=[AREA, "status"]), "area")
    names = area_names(grouped)
    contents.areas = _ranked(grouped, names.get)


def _departments(contents: Contents) -> None:
    grouped = _grouped(sums(contents.where, contents.period, by=["department", "status"]), "department_id")
    grouped.pop(0, None)  # cases not yet dispatched have no lead department to rank
    names = dict(Department.objects.filter(pk__in=grouped).values_list("pk", "name"))
    contents.departments = _ranked(grouped, lambda pk: _named(names, pk, _("已删除的部门")))


def _grouped(rows: list[dict], key: str) -> dict:
    by_key = defaultdict(list)
    for row in rows:
        by_key[row[key]].append(row)
    return {value: Summary.of(found) for value, found in by_key.items() if any(r["cases"] for r in found)}


def _ranked(grouped: dict, label: Callable) -> list[Ranked]:
    """Best 办结率 first (those with nothing to rate last), then most cases, then by key for a stable order."""
    order = sorted(grouped.items(), key=lambda item: (item[1].resolution_rate is None,
                                                      -(item[1].resolution_rate or 0), -item[1].cases, item[0]))
    return [Ranked(place, label(key), summary) for place, (key, summary) in enumerate(order, start=1)]


def _named(names: dict, key, missing: str) -> str:
    return names.get(key) or f"{missing}（{key}）"


def _overdue(contents: Contents) -> None:
    start, end = periods.bounds(contents.period)
    found = (Case.objects.filter(area_code__startswith=contents.centre.area.code, reported_at__gte=start,
                                 reported_at__lt=end, status__in=OPEN_STATUSES, overdue=True)
             .select_related("category", "area").order_by("due_at", "pk")[:OVERDUE_LISTED])
    contents.overdue = list(found)


SECTIONS = (_key_figures, _trend, _kinds, _categories, _areas, _departments, _overdue)
# What a brief may pick: the key figures, and rankings by name.
KEY_FIGURES = _key_figures
RANKINGS = {"categories": _categories, "areas": _areas, "departments": _departments}


def gather(centre: Centre, kind: str, period: Period, progress: Callable[[int], None] = lambda done: None,
           sections: tuple | None = None) -> Contents:
    """The contents of ``centre``'s report of ``kind`` (none for a brief) over ``period``, of ``sections``
    (a whole report's by default); ``progress(done)`` hears after each."""
    contents = Contents(centre, kind, period)
    for done, section in enumerate(SECTIONS if sections is None else sections, start=1):
        section(contents)
        progress(done)
    return contents
