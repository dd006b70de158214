"""关爱帮扶统计: how many residents each programme serves, per area: counts and nothing else.

Figures are for a city, county or township, broken down by the level below it (a township's communities at
the finest), so no row comes down to a building where a count would point at a person. They are read from
one aggregate query; anyone whose scope covers the area may read them, as they name no one.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import Substr

from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.codes import LEVEL_LENGTHS
from civicgrid.geo.models import Area

from .choices import Programme
from .models import Enrolment

LEVELS = (AreaLevel.CITY, AreaLevel.COUNTY, AreaLevel.TOWNSHIP)


@dataclass
class Row:
    """One area's line: its count in each programme (in ``Programme`` order) and its total."""

    area: Area | None
    counts: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)


def area_for(user, code: str) -> Area | None:
    """The area of a figures page, if it is one (city, county or township) in ``user``'s scope."""
    return Area.objects.restrict(user).filter(code=code, level__in=LEVELS).first()


def home_area(user) -> Area | None:
    """Where the figures open: the user's first scope node that has figures."""
    return Area.objects.filter(code__in=user.scope.prefixes(), level__in=LEVELS).order_by("level", "code").first()


def figures(area: Area) -> tuple[list[Row], Row]:
    """Residents in each programme now (not those who left), per area one level below ``area``, and the total."""
    length = LEVEL_LENGTHS[AreaLevel(area.level + 1)]
    counted = (Enrolment.objects.filter(area_code__startswith=area.code, left_at__isnull=True)
               .annotate(child=Substr("area_code", 1, length)).values("child", "programme")
               .annotate(n=Count("pk")).order_by())
    found = {(row["child"], row["programme"]): row["n"] for row in counted}
    children = list(Area.objects.filter(parent=area).order_by("code"))
    rows = [Row(child, [found.get((child.code, p), 0) for p in Programme.values]) for child in children]
    totals = [sum(n for (_child, p), n in found.items() if p == programme) for programme in Programme.values]
    return rows, Row(area, totals)
