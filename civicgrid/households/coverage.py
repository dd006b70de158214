"""走访覆盖率: the share of households visited within a period, per unit, grid, community and township.

One aggregate query groups an area's households by the code of the child they fall in and counts them and
those visited since the period began (``Household.last_visited_at``, kept by the services that record
visits), so a township's page costs the same with ten thousand households as with ten.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q
from django.db.models.functions import Substr

from civicgrid.core.querysets import prefix_filter
from civicgrid.geo import codes
from civicgrid.geo.models import Area

from .models import Household


@dataclass
class Figure:
    """One area's households, those visited within the period, and the share visited (None without any)."""

    area: Area | None
    households: int = 0
    visited: int = 0

    @property
    def rate(self) -> float | None:
        return round(100 * self.visited / self.households, 1) if self.households else None

    @property
    def not_visited(self) -> int:
        return self.households - self.visited


def _counted(rows, since: datetime):
    return rows.annotate(n=Count("id"), seen=Count("id", filter=Q(last_visited_at__gte=since))).order_by()


def figure(area: Area, since: datetime) -> Figure:
    """The coverage of one area."""
    found = Household.objects.filter(unit_code__startswith=area.code).aggregate(
        n=Count("id"), seen=Count("id", filter=Q(last_visited_at__gte=since)))
    return Figure(area, found["n"], found["seen"])


def rollup(area: Area, since: datetime) -> tuple[Figure, list[Figure]]:
    """The area's coverage and each child's, in one query for the counts and one for the children's names.

    Households registered on a unit itself (a building without floors) count in the unit's total only."""
    length = codes.child_length(area.code) or len(area.code)
    rows = _counted(Household.objects.filter(unit_code__startswith=area.code)
                    .annotate(child=Substr("unit_code", 1, length)).values("child"), since)
    counts = {row["child"]: (row["n"], row["seen"]) for row in rows}
    total = Figure(area, sum(n for n, _seen in counts.values()), sum(seen for _n, seen in counts.values()))
    children = [Figure(child, *counts.get(child.code, (0, 0))) for child in area.children.order_by("code")]
    return total, children


def of_areas(areas: list[Area], since: datetime) -> list[Figure]:
    """The coverage of several areas side by side (a 片长's communities), in one query when they are of one level."""
    lengths = {len(area.code) for area in areas}
    if len(lengths) != 1:
        return [figure(area, since) for area in areas]
    length = lengths.pop()
    rows = _counted(Household.objects.filter(prefix_filter("unit_code", [a.code for a in areas]))
                    .annotate(top=Substr("unit_code", 1, length)).values("top"), since)
    counts = {row["top"]: (row["n"], row["seen"]) for row in rows}
    return [Figure(area, *counts.get(area.code, (0, 0))) for area in areas]
