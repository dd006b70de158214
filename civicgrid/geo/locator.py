"""Point → grid, with a shapely STRtree over the current grid boundaries.

The tree is built once per process and rebuilt when the boundaries change: a
boundary import in this process drops it at once, and other processes notice
within CIVICGRID_LOCATOR_RECHECK_S seconds by comparing a cheap database stamp.
"""

import threading
import time
from dataclasses import dataclass

import numpy as np
import shapely
from django.conf import settings
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from .choices import AreaLevel, CoordinateSystem
from .coords import to_wgs84


class OutsideGrids(LookupError):
    """A point that lies in no grid. Never answered with a guess."""


class GridIndex:
    """An STRtree over grid polygons and the codes they belong to."""

    def __init__(self, codes: list[str], geometries, region_name: str = "", region_code: str = ""):
        # Sorted by code, so that "the lowest tree index" below means "the lowest code".
        order = np.argsort(np.asarray(codes, dtype=str), kind="stable")
        self.codes = np.asarray(codes, dtype=object)[order]
        self.geometries = np.asarray(geometries, dtype=object)[order]
        self.tree = shapely.STRtree(self.geometries)
        self.region_name = region_name
        self.region_code = region_code
        self._positions: dict[str, int] | None = None  # made when a centre is first asked for

    def __len__(self):
        return len(self.codes)

    def locate_many(self, lons, lats) -> np.ndarray:
        """Grid codes for arrays of WGS84 points; None where a point lies in no grid.

        "intersects" rather than "within", so that a point exactly on a shared edge still has a grid:
        the lowest code of those touching it, the same answer every time.
        """
        points = shapely.points(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
        point_idx, tree_idx = self.tree.query(points, predicate="intersects")
        hits = np.full(len(points), len(self.codes), dtype=np.int64)
        np.minimum.at(hits, point_idx, tree_idx)
        codes = np.append(self.codes, None)
        return codes[hits]

    def locate_one(self, lon: float, lat: float) -> str | None:
        hits = self.tree.query(shapely.Point(lon, lat), predicate="intersects")
        return self.codes[hits.min()] if len(hits) else None

    def centre(self, code: str) -> tuple[float, float] | None:
        """(lon, lat) of a point inside the grid (GEOS's interior point: the middle of a square or of a convex
        outline), where a map may show a matter without telling where exactly it is; None for a code not here."""
        if self._positions is None:
            self._positions = {grid: position for position, grid in enumerate(self.codes)}
        position = self._positions.get(code)
        if position is None:
            return None
        point = shapely.point_on_surface(self.geometries[position])
        return point.x, point.y


@dataclass
class Location:
    """Where a point lies: its grid and every ancestor up to the province."""

    lon: float
    lat: float
    grid: object
    ancestors: list


_lock = threading.Lock()
_cache: dict = {"index": None, "stamp": None, "checked": 0.0}


def _stamp():
    from .models import Boundary

    # Every boundary, not only grids': asked on every intake, it must stay one cheap scan without a join
    # (PostgreSQL plans the join badly before the first ANALYZE), and outlines change rarely.
    return Boundary.objects.aggregate(n=Count("id"), last=Max("id"))


def _build() -> GridIndex:
    from .models import Area, Boundary

    rows = list(
        Boundary.objects.current().filter(area__level=AreaLevel.GRID).values_list("area__code", "wkb").order_by("area__code")
    )
    codes = [code for code, _wkb in rows]
    geometries = shapely.from_wkb([bytes(wkb) for _code, wkb in rows])
    region = _region(Area, codes)
    return GridIndex(codes, geometries, region.name if region else "", region.code if region else "")


def _region(area_model, codes: list[str]):
    """The smallest area holding every grid: 'outside the grids of 榆林市', and where unplaced cases go."""
    if not codes:
        return None
    first, last = codes[0], codes[-1]
    common = 0
    while common < len(first) and first[common] == last[common]:
        common += 1
    region = area_model.objects.filter(code__in=[first[:n] for n in (2, 4, 6, 9, 12, 15) if n <= common])
    return region.order_by("-level").first()


def get_index() -> GridIndex:
    now = time.monotonic()
    with _lock:
        if _cache["index"] is None or now - _cache["checked"] >= settings.CIVICGRID_LOCATOR_RECHECK_S:
            stamp = _stamp()
            if _cache["index"] is None or stamp != _cache["stamp"]:
                _cache["index"], _cache["stamp"] = _build(), stamp
            _cache["checked"] = now
        return _cache["index"]


def invalidate() -> None:
    """Drop this process's index; called after boundaries change."""
    with _lock:
        _cache["index"] = None


def locate(lon: float, lat: float, system: str = CoordinateSystem.WGS84) -> Location:
    """The grid and ancestors of a point given in ``system``; OutsideGrids when it lies in none."""
    from .models import Area

    wlon, wlat = to_wgs84(lon, lat, system)
    index = get_index()
    code = index.locate_one(wlon, wlat)
    if code is None:
        raise OutsideGrids(_("该点不在%(region)s的任何网格内。") % {"region": index.region_name or _("本系统")})
    grid = Area.objects.get(code=code)
    return Location(wlon, wlat, grid, grid.ancestors())
