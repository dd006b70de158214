"""The 1-3-5-minute response circles (快反处置圈): how soon the quickest response post reaches each grid and
community, which circle that puts it in, and the counts per area that the leaders' map shows.

Reach is measured, for now, as the straight line (great-circle distance on the mean Earth sphere) from the
post to the area's representative point — GEOS's interior point of its outline, the point the area browser
and the case map already use for a grid; a community without an outline of its own takes the mean of its
grids' points — divided by the travel speed of the post's kind (``PostSpeed``, km/h). A road network can
replace ``quickest`` later without changing anything that reads ``AreaReach``.

``refresh()`` computes every grid and community against every post at once with numpy and stores the result
(``AreaReach``); it runs whenever a post or a speed changes. Finding each area's nearest post of a kind is one
matrix product of unit vectors (the largest dot product is the smallest great-circle distance); the exact
distance is then measured for those pairs only, so 10,000 grids against 500 posts take milliseconds.
"""

import json
import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import shapely
from django.db import connection, transaction
from django.db.models import Count, Sum
from django.db.models.functions import Substr
from django.utils import timezone
from psycopg import sql

from civicgrid.cases.duplicates import EARTH_RADIUS_M  # the sphere every distance is measured on
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.codes import LEVEL_LENGTHS
from civicgrid.geo.models import Area, Boundary

from .choices import CIRCLE_MINUTES, DEFAULT_SPEEDS_KMH, Circle, PostKind
from .models import AreaReach, PostSpeed, ResponsePost

GRID, COMMUNITY = AreaLevel.GRID, AreaLevel.COMMUNITY
CHUNK = 4096  # areas per matrix product: 4096 × 500 posts is 16 MB of float64


# --- Speeds and classes --------------------------------------------------------------------------------------


def speeds() -> dict[str, float]:
    """km/h per kind of post: the administrator's, or the default for a kind they have not set."""
    return {**DEFAULT_SPEEDS_KMH, **dict(PostSpeed.objects.values_list("kind", "speed_kmh"))}


def metres_per_minute(kmh: float) -> float:
    return kmh * 1000 / 60


def classify(minutes) -> np.ndarray:
    """The circle of each travel time in minutes (inclusive: exactly 3 minutes is within 3); NaN (no post) is
    beyond."""
    minutes = np.asarray(minutes, dtype=float)
    found = np.full(minutes.shape, Circle.BEYOND, dtype=np.int16)
    for limit in reversed(CIRCLE_MINUTES):
        found[minutes <= limit] = limit
    return found


def radii(kmh: float) -> list[float]:
    """The radii in metres of a post's 1-, 3- and 5-minute circles."""
    return [metres_per_minute(kmh) * limit for limit in CIRCLE_MINUTES]


# --- Geometry ------------------------------------------------------------------------------------------------


def distance_m(lon1, lat1, lon2, lat2) -> np.ndarray:
    """Great-circle distances in metres (haversine), element by element."""
    lon1, lat1, lon2, lat2 = (np.radians(np.asarray(v, dtype=float)) for v in (lon1, lat1, lon2, lat2))
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(h, 0, 1)))


def _unit_vectors(lons, lats) -> np.ndarray:
    lon, lat = np.radians(lons), np.radians(lats)
    return np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])


def _nearest(points: np.ndarray, posts: np.ndarray) -> np.ndarray:
    """For each point (unit vector), the index of the nearest post: the largest dot product."""
    return np.concatenate([np.argmax(points[start:start + CHUNK] @ posts.T, axis=1)
                           for start in range(0, len(points), CHUNK)]) if len(points) else np.zeros(0, int)


@dataclass
class Posts:
    """The posts as arrays: ids, kinds, positions."""

    ids: np.ndarray
    kinds: np.ndarray
    lons: np.ndarray
    lats: np.ndarray

    @classmethod
    def of(cls, rows) -> "Posts":
        rows = list(rows)
        columns = list(zip(*rows)) if rows else [(), (), (), ()]
        return cls(np.asarray(columns[0], dtype=np.int64), np.asarray(columns[1], dtype=object),
                   np.asarray(columns[2], dtype=float), np.asarray(columns[3], dtype=float))


@dataclass
class Quickest:
    """For each area: the index of the quickest post (-1: none), the distance to it and the minutes it takes."""

    post: np.ndarray
    metres: np.ndarray
    minutes: np.ndarray

    @property
    def circles(self) -> np.ndarray:
        return classify(self.minutes)


def quickest(lons, lats, posts: Posts, kmh: dict[str, float]) -> Quickest:
    """The quickest post for each point: per kind the nearest post (all of a kind travel alike), then the
    kind whose nearest arrives first. Ties go to the kind listed first in ``PostKind``."""
    lons, lats = np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)
    found = Quickest(np.full(len(lons), -1), np.full(len(lons), np.nan), np.full(len(lons), np.inf))
    points = _unit_vectors(lons, lats)
    for kind in PostKind.values:
        of_kind = np.flatnonzero(posts.kinds == kind)
        if not len(of_kind):
            continue
        chosen = of_kind[_nearest(points, _unit_vectors(posts.lons[of_kind], posts.lats[of_kind]))]
        metres = distance_m(lons, lats, posts.lons[chosen], posts.lats[chosen])
        minutes = metres / metres_per_minute(kmh[kind])
        better = minutes < found.minutes
        found.post[better], found.metres[better], found.minutes[better] = chosen[better], metres[better], minutes[better]
    found.minutes[np.isinf(found.minutes)] = np.nan
    return found


# --- The areas' representative points ------------------------------------------------------------------------


@dataclass
class Places:
    """Grids and communities with their representative points, as parallel lists."""

    codes: list[str] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    lats: list[float] = field(default_factory=list)

    def add(self, codes, lons, lats) -> None:
        self.codes += list(codes)
        self.lons += list(lons)
        self.lats += list(lats)


def places() -> Places:
    """Every grid with a current outline, and every community with an outline or with such grids (two queries)."""
    rows = list(Boundary.objects.current().filter(area__level__in=[GRID, COMMUNITY]).order_by("area__code")
                .values_list("area__code", "wkb"))
    points = shapely.point_on_surface(shapely.from_wkb([bytes(wkb) for _code, wkb in rows]))
    found = Places()
    found.add((code for code, _wkb in rows), shapely.get_x(points), shapely.get_y(points))
    found.add(*_communities_without_outlines(found))
    return found


def _communities_without_outlines(outlined: Places) -> tuple[list, list, list]:
    """The mean of its grids' points for each community that has grids but no outline of its own."""
    have = {code for code in outlined.codes if len(code) == LEVEL_LENGTHS[COMMUNITY]}
    sums: dict[str, list] = {}
    for code, lon, lat in zip(outlined.codes, outlined.lons, outlined.lats):
        community = code[:LEVEL_LENGTHS[COMMUNITY]]
        if len(code) == LEVEL_LENGTHS[GRID] and community not in have:
            total = sums.setdefault(community, [0.0, 0.0, 0])
            total[0], total[1], total[2] = total[0] + lon, total[1] + lat, total[2] + 1
    codes = list(sums)
    return codes, [sums[c][0] / sums[c][2] for c in codes], [sums[c][1] / sums[c][2] for c in codes]


def outlines(code: str) -> dict[str, dict]:
    """The current outlines of the grids under ``code`` as GeoJSON geometries, by grid code."""
    rows = Boundary.objects.current().filter(area__level=GRID, area__code__startswith=code).values_list("area__code", "wkb")
    codes = [found for found, _wkb in rows]
    shapes = shapely.to_geojson(shapely.from_wkb([bytes(wkb) for _code, wkb in rows]))
    return {found: json.loads(shape) for found, shape in zip(codes, shapes)}


# --- Refreshing the stored reach -------------------------------------------------------------------------------


def refresh(found: Places | None = None) -> int:
    """Measure every grid and community (``found``, when the caller has just read them) against every post and
    store it (``AreaReach``), replacing what was stored; returns the number of areas. One refresh at a time
    (the speeds' rows are locked)."""
    with transaction.atomic():
        kmh = {**DEFAULT_SPEEDS_KMH, **dict(PostSpeed.objects.select_for_update().values_list("kind", "speed_kmh"))}
        found, posts = found or places(), Posts.of(ResponsePost.objects.values_list("id", "kind", "lon", "lat"))
        rows = _rows(found, posts, quickest(found.lons, found.lats, posts, kmh))
        AreaReach.objects.all().delete()
        _write(rows)
    return len(rows)


COLUMNS = ("area_id", "code", "level", "lon", "lat", "post_id", "metres", "minutes", "circle", "households",
           "computed_at")


def _rows(found: Places, posts: Posts, result: Quickest) -> list[tuple]:
    """The rows to store, as tuples in ``COLUMNS`` order (plain Python values: 13,000 model instances would take
    longer to make than everything else together)."""
    ids = dict(Area.objects.filter(level__in=[GRID, COMMUNITY]).values_list("code", "id"))
    households, now = households_by_area(), connection.ops.adapt_datetimefield_value(timezone.now())
    post_ids = np.append(posts.ids, 0)[result.post].tolist()  # index -1 (no post) reads the 0 appended
    measured = zip(found.codes, np.asarray(found.lons, dtype=float).tolist(),
                   np.asarray(found.lats, dtype=float).tolist(), post_ids, _numbers(result.metres),
                   _numbers(result.minutes), result.circles.tolist())
    levels = {LEVEL_LENGTHS[GRID]: int(GRID), LEVEL_LENGTHS[COMMUNITY]: int(COMMUNITY)}  # plain ints: enums hash slowly
    return [(ids[code], code, levels[len(code)], lon, lat, post or None, metres, minutes, circle,
             households.get(code, 0), now)
            for code, lon, lat, post, metres, minutes, circle in measured if code in ids]


def _numbers(values: np.ndarray) -> list:
    return [None if math.isnan(value) else value for value in values.tolist()]


def _write(rows: list[tuple]) -> None:
    """Insert the rows: on PostgreSQL with one COPY, elsewhere with one executemany (``bulk_create`` spends
    seconds preparing 13,000 rows value by value)."""
    table = AreaReach._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
                sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, COLUMNS)))
            with cursor.cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            columns, marks = ", ".join(COLUMNS), ", ".join(["%s"] * len(COLUMNS))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def households_by_area() -> dict[str, int]:
    """Households of each grid and community: the sums of their units' (one aggregate query)."""
    grid_length = LEVEL_LENGTHS[GRID]
    rows = (Area.objects.filter(level=AreaLevel.UNIT).annotate(grid=Substr("code", 1, grid_length))
            .values("grid").annotate(total=Sum("households")).order_by().values_list("grid", "total"))
    found: Counter = Counter()
    for grid, total in rows:
        found[grid] += total or 0
        found[grid[:LEVEL_LENGTHS[COMMUNITY]]] += total or 0
    return dict(found)


# --- Counts per area ------------------------------------------------------------------------------------------


@dataclass
class Cell:
    """Grids, households and communities within one circle (cumulative: within 3 counts those within 1)."""

    grids: int = 0
    households: int = 0
    communities: int = 0


@dataclass
class Line:
    """One row of the counts: an area one level down, its cells within 1, 3 and 5 minutes, beyond, and all."""

    code: str
    name: str
    within: dict[int, Cell]
    beyond: Cell
    total: Cell

    @property
    def cells(self) -> list[Cell]:
        return [self.within[limit] for limit in CIRCLE_MINUTES]

    @property
    def five(self) -> Cell:
        return self.within[Circle.FIVE]

    def share(self) -> int | None:
        """Percent of the households within 5 minutes."""
        if not self.total.households:
            return None
        return round(100 * self.five.households / self.total.households)


@dataclass
class Table:
    lines: list[Line]
    total: Line


def tabulate(area: Area, grouped) -> Table:
    """The counts per child of ``area`` from ``grouped``: (child code, level, circle, areas, households)."""
    children = list(area.children.filter(level__lte=GRID).order_by("code").values_list("code", "name"))
    lines = {code: _line(code, name) for code, name in children}
    total = _line(area.code, area.name)
    for child, level, circle, n, households in grouped:
        for line in filter(None, (lines.get(child), total)):
            _count(line, level, circle, n, households)
    return Table(list(lines.values()), total)


def _line(code: str, name: str) -> Line:
    return Line(code, name, {limit: Cell() for limit in CIRCLE_MINUTES}, Cell(), Cell())


def _count(line: Line, level: int, circle: int, n: int, households: int) -> None:
    cells = [line.total, *(line.within[limit] for limit in CIRCLE_MINUTES if circle <= limit)]
    if circle == Circle.BEYOND:
        cells.append(line.beyond)
    for cell in cells:
        if level == GRID:
            cell.grids += n
            cell.households += households
        else:
            cell.communities += n


def child_length(area: Area) -> int:
    return LEVEL_LENGTHS[AreaLevel(area.level + 1)]


def counts(area: Area) -> Table:
    """The stored circles under ``area``, counted per child (one aggregate query)."""
    grouped = (AreaReach.objects.filter(code__startswith=area.code).annotate(child=Substr("code", 1, child_length(area)))
               .values("child", "level", "circle").annotate(n=Count("id"), households=Sum("households")).order_by()
               .values_list("child", "level", "circle", "n", "households"))
    return tabulate(area, grouped)


# --- What if: one more post, nothing saved ---------------------------------------------------------------------


@dataclass
class Trial:
    """The circles under an area with one more post, beside the stored ones."""

    before: Table
    after: Table
    changed: list[tuple[str, int]]  # grids whose circle the new post changes: (code, new circle)
    radii: list[float]


def trial(area: Area, kind: str, lon: float, lat: float, kmh: dict[str, float]) -> Trial:
    """What one more post of ``kind`` at (lon, lat) would change under ``area``: counts before and after, and the
    grids it moves into a closer circle. Reads the stored reach; writes nothing."""
    rows = list(AreaReach.objects.filter(code__startswith=area.code)
                .values_list("code", "level", "lon", "lat", "minutes", "households"))
    codes, levels, lons, lats, old, households = (list(column) for column in zip(*rows)) if rows else ([],) * 6
    minutes = distance_m(lons, lats, lon, lat) / metres_per_minute(kmh[kind])
    old = np.asarray([np.nan if m is None else m for m in old], dtype=float)
    before, after = classify(old), classify(np.fmin(old, minutes))
    length = child_length(area)
    return Trial(
        before=tabulate(area, _grouped(codes, levels, before, households, length)),
        after=tabulate(area, _grouped(codes, levels, after, households, length)),
        changed=[(codes[i], int(after[i])) for i in np.flatnonzero(after != before) if levels[i] == GRID],
        radii=radii(kmh[kind]))


def _grouped(codes, levels, circles, households, length: int) -> list[tuple]:
    counted: Counter = Counter()
    summed: Counter = Counter()
    for code, level, circle, homes in zip(codes, levels, circles, households):
        key = (code[:length], level, int(circle))
        counted[key] += 1
        summed[key] += homes
    return [(*key, n, summed[key]) for key, n in counted.items()]

