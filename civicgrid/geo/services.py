"""Geography services: responsibility units, household roll-ups and the area browser's figures."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import Substr
from django.utils.translation import gettext as _

from civicgrid.core.choices import Action
from civicgrid.core.recent import Recent

from . import codes
from .choices import FIFTH_LEVEL_KINDS, FOURTH_LEVEL_KINDS, AreaLevel, UnitKind
from .codes import LEVEL_LENGTHS
from .models import Area


@dataclass
class ChildFigures:
    """A child node with what the browser shows beside it."""

    area: Area
    grids: int
    households: int


def children_figures(area: Area) -> list[ChildFigures]:
    """The children of ``area`` with their grid and household counts, in three queries whatever their number."""
    children = list(area.children.order_by("code"))
    length = codes.child_length(area.code)
    if not children or length is None:
        return [ChildFigures(child, 0, child.households) for child in children]
    grids = _count_by_prefix(area.code, length, AreaLevel.GRID, Count("id"))
    households = _count_by_prefix(area.code, length, AreaLevel.UNIT, Sum("households"))
    return [ChildFigures(c, grids.get(c.code, 0), households.get(c.code, 0) or 0) for c in children]


def _count_by_prefix(code: str, length: int, level: int, aggregate) -> dict[str, int]:
    rows = (
        Area.objects.filter(code__startswith=code, level=level)
        .annotate(child=Substr("code", 1, length))
        .values("child")
        .annotate(total=aggregate)
        .order_by()
    )
    return {row["child"]: row["total"] for row in rows}


def household_total(area: Area) -> int:
    """Households under a node: the sum over its fourth-level units (fifth-level units subdivide those)."""
    if area.level >= AreaLevel.UNIT:
        return area.households
    units = Area.objects.filter(code__startswith=area.code, level=AreaLevel.UNIT)
    return units.aggregate(total=Sum("households"))["total"] or 0


def crumbs(user, area: Area) -> list[tuple[Area, bool]]:
    """The area's ancestors from the province down, each with whether ``user``'s scope reaches it: only
    those are linked to the area browser (the rest would answer 404)."""
    return [(ancestor, user.scope.covers(ancestor.code)) for ancestor in area.ancestors()]


def where_the_grids_are() -> list[Area]:
    """The top nodes of the grids: from each province holding grids down, while a single child holds all of
    that province's grids (榆林市 when every grid is there). Without grids, the tree's own top nodes."""
    communities = RECENT_COMMUNITIES.get("with grids", _communities_with_grids)
    if not communities:
        return list(Area.objects.filter(parent__isnull=True))
    tops = [_descend(province, communities) for province in {code[:2] for code in communities}]
    return list(Area.objects.filter(code__in=tops))


# A superuser's every queue and home page asks where the grids are: one DISTINCT over the grids per recheck.
RECENT_COMMUNITIES = Recent(max_entries=1)


def _communities_with_grids() -> frozenset[str]:
    return frozenset(Area.objects.filter(level=AreaLevel.GRID).order_by()
                     .values_list(Substr("code", 1, LEVEL_LENGTHS[AreaLevel.COMMUNITY]), flat=True).distinct())


def _descend(code: str, communities: frozenset[str]) -> str:
    for length in (LEVEL_LENGTHS[level] for level in (AreaLevel.CITY, AreaLevel.COUNTY, AreaLevel.TOWNSHIP,
                                                      AreaLevel.COMMUNITY)):
        below = {community[:length] for community in communities if community.startswith(code)}
        if len(below) > 1:
            return code
        code = below.pop()
    return code


def grid_count(area: Area) -> int:
    return Area.objects.filter(code__startswith=area.code, level=AreaLevel.GRID).count()


def add_unit(user, parent: Area, kind: str, name: str, households: int = 0) -> Area:
    """Add a responsibility unit below a grid (fourth level) or below a fourth-level unit (fifth level)."""
    if not Area.objects.restrict(user, Action.MANAGE_GEOGRAPHY).filter(pk=parent.pk).exists():
        raise PermissionDenied(_("您无权维护该区域的责任单元。"))
    _check_unit(parent, kind, households)
    with transaction.atomic():
        parent = Area.objects.select_for_update().get(pk=parent.pk)
        code = _next_child_code(parent)
        return Area.objects.create(
            code=code, name=name, level=codes.level_of(code), parent=parent, unit_kind=kind, households=households
        )


def _check_unit(parent: Area, kind: str, households: int) -> None:
    allowed = {AreaLevel.GRID: FOURTH_LEVEL_KINDS, AreaLevel.UNIT: FIFTH_LEVEL_KINDS}.get(parent.level)
    if allowed is None:
        raise ValidationError(_("责任单元只能建在网格或楼栋/巷道之下。"))
    if kind not in allowed:
        raise ValidationError(_("“%(kind)s”不能建在%(level)s之下。") % {
            "kind": UnitKind(kind).label if kind in UnitKind.values else kind, "level": parent.get_level_display()})
    if households < 0:
        raise ValidationError(_("户数不能为负数。"))


def _next_child_code(parent: Area) -> str:
    last = parent.children.order_by("-code").values_list("code", flat=True).first()
    sequence = int(last[-3:]) + 1 if last else 1
    if sequence > 999:
        raise ValidationError(_("%(area)s 之下的编号已用完（最多 999 个）。") % {"area": parent})
    return f"{parent.code}{sequence:03d}"
