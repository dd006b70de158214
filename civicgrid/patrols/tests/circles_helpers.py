"""What the circles' tests share: posts placed straight into the table, then the circles measured.

Township A's grid A is the square 109.70–109.72 E, 38.28–38.30 N, whose representative point is its middle
(109.71, 38.29); grid B's is 0.02° east of it (109.73, 38.29). Communities A and B have no outline of their own,
so each takes its one grid's point.
"""

from civicgrid.geo.models import Area
from civicgrid.patrols import circles
from civicgrid.patrols.models import ResponsePost

POINT_A = (109.71, 38.29)
POINT_B = (109.73, 38.29)


def post(name: str, kind: str, lon: float, lat: float, grid: str = "610802001001001") -> ResponsePost:
    area = Area.objects.get(code=grid)
    return ResponsePost.objects.create(name=name, kind=kind, lon=lon, lat=lat, area=area, area_code=area.code)


def set_units(grid: Area, *households: int) -> None:
    """Buildings under ``grid`` with these households each."""
    for number, homes in enumerate(households, start=1):
        Area.objects.create(code=f"{grid.code}{number:03d}", name=f"{number}号楼", level=7, parent=grid,
                            unit_kind="building", households=homes)


def measured():
    circles.refresh()
    return {reach.code: reach for reach in circles.AreaReach.objects.all()}
