"""Synthetic township, community and grid outlines inside real county outlines.

THE GEOMETRY MADE HERE IS SYNTHETIC. Only the county outlines are real; every
township, community and grid outline below them is invented by a seeded,
hierarchical Voronoi partition so that demos, load tests and benchmarks have a
plausible, complete tree of areas to work with. Nothing here says where a real
township or village boundary lies, and the output must never be shown as such.

The partition is deterministic: the same inputs always give the same outlines,
because every region draws its random seeds from ``numpy.random.default_rng``
seeded with its own area code. This module touches no database and no Django.
"""

import csv
import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import shape

LLOYD_ROUNDS = 2
URBAN_MARKERS = ("社区", "居委会")
URBAN_GRIDS = (4, 6)
VILLAGE_GRIDS = (2, 4)
# Equal-area slicing halves the cut interval this many times; 2**-40 of a
# county's width is far below any meaningful distance.
BISECTION_STEPS = 40


@dataclass
class SyntheticCity:
    """Synthetic outlines by area code, one dict per level."""

    townships: dict[str, object] = field(default_factory=dict)
    communities: dict[str, object] = field(default_factory=dict)
    grids: dict[str, object] = field(default_factory=dict)


# --- the hierarchy -----------------------------------------------------------


def generate(
    county_polygons: dict[str, object],
    townships: dict[str, list[str]],
    communities: dict[str, list[tuple[str, str]]],
    grids_per_community: int | None = None,
) -> SyntheticCity:
    """Partition each county into townships, each township into communities, each community into grids."""
    if grids_per_community is not None and grids_per_community < 1:
        raise ValueError("grids_per_community must be at least 1")
    city = SyntheticCity()
    for county, outline in sorted(county_polygons.items()):
        city.townships.update(split(_polygonal(outline), county, townships.get(county, [])))
    for township, outline in sorted(city.townships.items()):
        members = [code for code, _name in communities.get(township, [])]
        city.communities.update(split(outline, township, members))
    for township in sorted(city.townships):
        for code, name in communities.get(township, []):
            count = grids_per_community or default_grid_count(code, name)
            city.grids.update(split(city.communities[code], code, grid_codes(code, count)))
    return city


def grid_codes(community_code: str, count: int) -> list[str]:
    """The 15-digit codes of a community's grids: its code plus 001, 002, ..."""
    return [f"{community_code}{i:03d}" for i in range(1, count + 1)]


def default_grid_count(code: str, name: str) -> int:
    """4-6 grids for an urban community, 2-4 for a village, fixed by the code."""
    low, high = URBAN_GRIDS if any(marker in name for marker in URBAN_MARKERS) else VILLAGE_GRIDS
    # crc32 rather than int(code) % n: sequential codes would give a visible 2,3,4,2,3,4 cycle.
    return low + zlib.crc32(code.encode()) % (high - low + 1)


def split(region, parent_code: str, child_codes: list[str]) -> dict[str, object]:
    """One non-empty polygonal piece of ``region`` per child code, seeded by the parent's code."""
    if not child_codes:
        return {}
    rng = np.random.default_rng(int(parent_code))
    return dict(zip(sorted(child_codes), partition(region, len(child_codes), rng)))


# --- partitioning one region -------------------------------------------------


def partition(region, n: int, rng: np.random.Generator) -> list:
    """``n`` pieces covering ``region`` without overlap: relaxed Voronoi cells, else equal-area strips."""
    if n == 1:
        return [region]
    shapely.prepare(region)
    seeds = sample_points(region, n, rng)
    for _ in range(LLOYD_ROUNDS):
        seeds = relax(region, seeds)
    pieces = voronoi_pieces(region, seeds)
    if pieces is not None and all(map(_usable, pieces)):
        return pieces
    # Too small or too thin for n seeds to each keep a cell: slicing always gives n pieces.
    return slices(region, n)


def sample_points(region, n: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` points uniformly distributed over the area of ``region``."""
    # Sampling triangles by area never rejects, so thin or ragged regions cost no more than round ones.
    triangles = shapely.get_parts(shapely.constrained_delaunay_triangles(region))
    areas = shapely.area(triangles)
    chosen = triangles[rng.choice(len(triangles), size=n, p=areas / areas.sum())]
    corners = shapely.get_coordinates(chosen).reshape(n, 4, 2)[:, :3]
    return shapely.points(_point_in_triangles(corners, rng))


def _point_in_triangles(corners: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One uniform point in each triangle of an (n, 3, 2) corner array."""
    r1, r2 = rng.random((2, len(corners), 1))
    root = np.sqrt(r1)
    return (1 - root) * corners[:, 0] + root * (1 - r2) * corners[:, 1] + root * r2 * corners[:, 2]


def relax(region, seeds: np.ndarray) -> np.ndarray:
    """One Lloyd step: move each seed to the middle of its clipped cell, so cells even out."""
    cells = voronoi_pieces(region, seeds)
    if cells is None:
        return seeds
    moved = shapely.centroid(cells)
    # A concave cell's centroid can fall outside the region, where it would claim no area.
    outside = ~shapely.contains(region, moved)
    moved[outside] = shapely.point_on_surface(cells[outside])
    lost = shapely.is_empty(cells) | shapely.is_empty(moved)
    moved[lost] = seeds[lost]
    return moved


def voronoi_pieces(region, seeds: np.ndarray) -> np.ndarray | None:
    """The Voronoi cells of ``seeds`` clipped to ``region``, in seed order; None if seeds coincide."""
    diagram = shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=region, ordered=True)
    cells = shapely.get_parts(diagram)
    if len(cells) != len(seeds):
        return None
    return np.array([_polygonal(piece) for piece in shapely.intersection(cells, region)], dtype=object)


def slices(region, n: int) -> list:
    """``n`` equal-area strips across the longer side of ``region``."""
    xmin, ymin, xmax, ymax = region.bounds
    across_x = xmax - xmin >= ymax - ymin
    low, high = (xmin, xmax) if across_x else (ymin, ymax)
    cuts = _equal_area_cuts(region, n, across_x, low, high)
    edges = np.concatenate([[low], cuts, [high]])
    strips = [_strip(region.bounds, a, b, across_x) for a, b in zip(edges[:-1], edges[1:])]
    pieces = [_polygonal(piece) for piece in shapely.intersection(strips, region)]
    if not all(map(_usable, pieces)):
        raise ValueError(f"cannot split a region of area {region.area!r} into {n} pieces")
    return pieces


def _equal_area_cuts(region, n: int, across_x: bool, low: float, high: float) -> np.ndarray:
    """Cut coordinates leaving 1/n, 2/n, ... of the area before them, found by bisection together."""
    targets = region.area * np.arange(1, n) / n
    lo, hi = np.full(n - 1, low), np.full(n - 1, high)
    for _ in range(BISECTION_STEPS):
        mid = (lo + hi) / 2
        before = shapely.area(shapely.intersection([_strip(region.bounds, low, m, across_x) for m in mid], region))
        lo, hi = np.where(before < targets, mid, lo), np.where(before < targets, hi, mid)
    return (lo + hi) / 2


def _strip(bounds, a: float, b: float, across_x: bool):
    """The part of the bounding box between a and b along the cut axis."""
    xmin, ymin, xmax, ymax = bounds
    return shapely.box(a, ymin, b, ymax) if across_x else shapely.box(xmin, a, xmax, b)


# --- geometry hygiene --------------------------------------------------------


def _polygonal(geometry):
    """``geometry`` as a valid Polygon or MultiPolygon; empty if nothing areal is left."""
    if not shapely.is_valid(geometry):
        geometry = shapely.make_valid(geometry)
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    # Clipping can leave slivers as lines or points beside the areal part; they are not territory.
    parts = [part for part in shapely.get_parts(geometry) if part.geom_type in ("Polygon", "MultiPolygon")]
    parts = [poly for part in parts for poly in shapely.get_parts(part)]
    if not parts:
        return shapely.Polygon()
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)


def _usable(geometry) -> bool:
    """A piece worth handing out: non-empty, with some area."""
    return not geometry.is_empty and geometry.area > 0


# --- real inputs -------------------------------------------------------------


def load_city(data_dir: Path, city_prefix: str):
    """County outlines, townships by county and communities by township for one city.

    Reads ``boundaries/counties.geojson`` and ``divisions/{townships,villages}.csv``
    under ``data_dir``; keeps only codes starting with ``city_prefix``.
    """
    data_dir = Path(data_dir)
    counties = load_counties(data_dir / "boundaries" / "counties.geojson", city_prefix)
    townships = _group(data_dir / "divisions" / "townships.csv", "area_code", "street_code", city_prefix)
    villages = _group(data_dir / "divisions" / "villages.csv", "street_code", "village_code", city_prefix, "village_name")
    return counties, townships, villages


def load_counties(path: Path, city_prefix: str) -> dict[str, object]:
    """County outlines by 6-digit code; the file's ``gb`` codes carry a "156" country prefix."""
    features = json.loads(Path(path).read_text(encoding="utf-8"))["features"]
    outlines = {}
    for feature in features:
        code = feature["properties"]["gb"].removeprefix("156")
        if code.startswith(city_prefix):
            outlines[code] = _polygonal(shape(feature["geometry"]))
    return outlines


def _group(path: Path, parent_column: str, code_column: str, city_prefix: str, name_column: str | None = None):
    """Rows of a divisions CSV grouped by parent code, sorted by child code."""
    groups: dict[str, list] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row[code_column]
            if code.startswith(city_prefix):
                child = (code, row[name_column]) if name_column else code
                groups.setdefault(row[parent_column], []).append(child)
    return {parent: sorted(children) for parent, children in groups.items()}
