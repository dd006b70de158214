"""JSON API for areas (区域): the tree, a node by its code, and which grid a point lies in.

Everything is cut to the caller's scope (``Principal.restrict``): a node outside it, or a point whose grid
is outside it, answers 404 as if it did not exist.
"""

from django.db.models import Exists, OuterRef
from ninja import Query, Router, Schema
from pydantic import Field

from civicgrid.core.http.errors import ApiError
from civicgrid.core.http.shared import Code, with_errors

from . import codes
from .choices import AreaLevel, CoordinateSystem
from .coords import CoordinateError
from .locator import OutsideGrids, locate
from .models import Area

router = Router(tags=["areas"])
MAX_CHILDREN = 500


class AreaRef(Schema):
    code: str
    name: str
    level: int
    level_label: str


class AreaOut(AreaRef):
    parent: str | None
    unit_kind: str
    households: int
    has_children: bool


class AreaList(Schema):
    items: list[AreaOut]
    next: str | None = Field(description="Pass as `after` for the next page; null at the end.")


class AreaDetail(AreaOut):
    ancestors: list[AreaRef]


class LocationOut(Schema):
    longitude: float = Field(description="WGS84")
    latitude: float = Field(description="WGS84")
    grid: AreaOut
    ancestors: list[AreaRef]


def ref(area: Area) -> dict:
    return {"code": area.code, "name": area.name, "level": area.level,
            "level_label": str(AreaLevel(area.level).label)}


def out(area: Area) -> dict:
    """An area read through ``_with_children_flag``, which says whether it has children."""
    return {**ref(area), "parent": codes.parent_code(area.code) if area.parent_id else None, "unit_kind": area.unit_kind,
            "households": area.households, "has_children": area.has_children}


def _with_children_flag(queryset):
    return queryset.annotate(has_children=Exists(Area.objects.filter(parent=OuterRef("pk"))))


def scoped_area(request, code: str) -> Area:
    return request.auth.get(_with_children_flag(Area.objects.all()), code=code)


@router.get("", response=with_errors({200: AreaList}), summary="The tree: the caller's top nodes, or a node's children")
def area_list(request, parent: Code | None = None, after: Code | None = None,
              limit: int = Query(100, ge=1, le=MAX_CHILDREN)):
    if parent is None:
        codes = [code for code in request.auth.root_codes() if after is None or code > after]
        areas = _with_children_flag(Area.objects.filter(code__in=codes))
    else:
        areas = _with_children_flag(scoped_area(request, parent).children.all())
        areas = areas.filter(code__gt=after) if after else areas
    rows = list(areas.order_by("code")[: limit + 1])
    more = len(rows) > limit
    return {"items": [out(area) for area in rows[:limit]], "next": rows[limit - 1].code if more else None}


@router.get("/locate", response=with_errors({200: LocationOut}), summary="The grid a point lies in, and its ancestors")
def area_locate(request, longitude: float = Query(..., ge=-180, le=180, allow_inf_nan=False),
                latitude: float = Query(..., ge=-90, le=90, allow_inf_nan=False),
                system: CoordinateSystem = CoordinateSystem.WGS84):
    try:
        found = locate(longitude, latitude, system)
    except (OutsideGrids, CoordinateError) as error:
        raise ApiError(422, "outside", str(error), {"location": str(error)}) from None
    grid = scoped_area(request, found.grid.code)
    return {"longitude": found.lon, "latitude": found.lat, "grid": out(grid),
            "ancestors": [ref(area) for area in found.ancestors]}


@router.get("/{code}", response=with_errors({200: AreaDetail}), summary="One area by its code")
def area_detail(request, code: Code):
    area = scoped_area(request, code)
    return {**out(area), "ancestors": [ref(a) for a in area.ancestors()]}
