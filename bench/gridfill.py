"""Fill a benchmark database with the grid's daily work of 榆林市: households, visits, patrols, response posts.

Used by ``bench/gridwork.py`` after ``benchdb.load_city``. Everything goes through the product's bulk paths
where it has them (``households.bulk`` checks each row as the pages do and writes with COPY; ``core.inserts``
for the patrol tables), so the data is what the product itself would have written:

- a building or village group under every grid of the city (``demo.geography.create_units``, floors under each
  grid's first building) and a grid worker for every grid (``demo.staffing.cast``);
- N households spread over the units in proportion to each unit's household count, on floors where a building
  has them, with synthetic names and phones;
- M visits, each household's drawn from a Poisson distribution (some households never visited) over the last
  half year, by the grid's worker, written household by household so that each household's last visit is
  brought up to date once;
- a patrol zone over every fifth grid with five key places inside it, a volunteer team per township whose
  members are the zones' grid workers, a day and an evening shift in every zone for as many past days as K
  check-ins need (nine in ten planned points checked, within 40 m), and today's shifts;
- P response posts at the representative points of grids drawn with towns weighted over villages.

Deterministic for a seed.
"""

import math
import random
import sys
import time
from datetime import datetime, timedelta

import numpy as np
import shapely

SEED = 20261203
VISIT_DAYS = 180
ZONE_EVERY = 5
POINTS_PER_ZONE = 5
CHECKED_SHARE = 0.9
SHIFT_HOURS = [(8, 12), (18, 22)]
CHUNK = 50_000


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def timed(label: str, work, *args):
    started = time.perf_counter()
    result = work(*args)
    log(f"  {label}: {time.perf_counter() - started:.0f} s")
    return result


# --- Units and their workers -----------------------------------------------------------------------------


def grids() -> list:
    from civicgrid.geo.choices import AreaLevel
    from civicgrid.geo.models import Area

    return list(Area.objects.filter(level=AreaLevel.GRID).select_related("parent").order_by("code"))


def units_everywhere(every_grid: list) -> list:
    """Units under every grid that has none yet; returns the units households live on (each floor, and each
    unit without floors), with their household counts."""
    from civicgrid.demo import geography
    from civicgrid.geo.choices import AreaLevel
    from civicgrid.geo.models import Area

    with_units = set(Area.objects.filter(level=AreaLevel.UNIT).values_list("parent_id", flat=True))
    geography.create_units([grid for grid in every_grid if grid.pk not in with_units])
    units = list(Area.objects.filter(level__in=(AreaLevel.UNIT, AreaLevel.SUBUNIT)).order_by("code")
                 .only("id", "code", "level", "households", "unit_kind"))
    floored = {unit.code[:18] for unit in units if unit.level == AreaLevel.SUBUNIT}
    return [unit for unit in units if unit.level == AreaLevel.SUBUNIT or unit.code not in floored]


def grid_workers(every_grid: list) -> dict:
    """A grid worker for every grid (the demo's cast makes the missing ones): grid code → staff."""
    from civicgrid.demo import staffing
    from civicgrid.geo.choices import AreaLevel
    from civicgrid.geo.models import Area

    townships = list(Area.objects.filter(level=AreaLevel.TOWNSHIP).select_related("parent"))
    cast = staffing.cast(townships, [grid.code for grid in every_grid], "bench-only-password", random.Random(SEED))
    return cast.grid_workers


# --- Households and visits -------------------------------------------------------------------------------


def households(count: int, units: list) -> int:
    """``count`` households over ``units`` in proportion to their household counts (``households.bulk``)."""
    from civicgrid.households import bulk
    from civicgrid.households.services import HouseholdDraft

    rng = np.random.default_rng(SEED)
    weights = np.array([max(unit.households, 1) for unit in units], dtype=float)
    per_unit = rng.multinomial(count, weights / weights.sum())
    names = random.Random(SEED)
    drafts = (HouseholdDraft(unit=unit, door=f"{n:04d}室", head_name=_name(names),
                             head_phone=f"170{names.randrange(10 ** 8):08d}", residents=names.randint(1, 5))
              for unit, many in zip(units, per_unit.tolist()) for n in range(1, many + 1))
    written = 0
    for batch in _batches(drafts, CHUNK):
        written += len(bulk.add_households(batch, synthetic=True))
    return written


SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶"
GIVEN = "建国秀兰海军桂英志强玉梅明华丽娟文博子涵雨欣浩然佳怡晓东春燕红霞宏伟静怡俊杰淑珍德明凤英永刚"


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN[::2]) + rng.choice(GIVEN[1::2])


def _batches(items, size: int):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def visits(count: int, workers: dict, now: datetime) -> int:
    """``count`` visits (about), household by household, by each grid's worker (``households.bulk``)."""
    from civicgrid.households import bulk
    from civicgrid.households.models import Household

    rng = np.random.default_rng(SEED + 1)
    total = Household.objects.count()
    rate = count / total
    worker_ids = {code: staff.pk for code, staff in workers.items()}
    written, last = 0, 0
    while True:
        rows = list(Household.objects.filter(pk__gt=last).order_by("pk").values_list("pk", "unit_id", "unit_code")
                    [:CHUNK])
        if not rows:
            return written
        last = rows[-1][0]
        made = _visits(rows, rng.poisson(rate, len(rows)), worker_ids, now, rng)
        written += bulk.add_visits(made, now)


def _visits(rows: list, per_household, worker_ids: dict, now: datetime, rng) -> list:
    from civicgrid.households import bulk
    from civicgrid.households.models import Household

    made = []
    ages = iter(rng.uniform(0, VISIT_DAYS * 86400, int(per_household.sum())).tolist())
    for (pk, unit_id, code), many in zip(rows, per_household.tolist()):
        household = Household(pk=pk, unit_id=unit_id, unit_code=code)
        made += [bulk.visit(household, worker_ids[code[:15]], now - timedelta(seconds=next(ages)))
                 for _ in range(many)]
    return made


# --- Patrols -------------------------------------------------------------------------------------------------


def patrols(check_ins: int, workers: dict, now: datetime) -> dict:
    """Zones, points, teams, past shifts with ``check_ins`` check-ins, and today's shifts; returns counts."""
    zones = _zones()
    points = _points(zones)
    members = _members(zones, workers)
    per_day = len(zones) * len(SHIFT_HOURS) * POINTS_PER_ZONE * CHECKED_SHARE
    days = max(1, math.ceil(check_ins / per_day))
    shifts = _shifts(zones, members, points, days, now)
    written = _check_ins(shifts, points, members, check_ins, now)
    return {"zones": len(zones), "points": len(zones) * POINTS_PER_ZONE, "shifts": len(shifts), "days": days,
            "check_ins": written}


def _zones() -> list:
    from civicgrid.geo.choices import AreaLevel
    from civicgrid.geo.models import Boundary
    from civicgrid.patrols.models import Zone

    outlines = list(Boundary.objects.current().filter(area__level=AreaLevel.GRID).select_related("area")
                    .order_by("area__code"))
    zones = []
    for outline in outlines[::ZONE_EVERY]:
        zone = Zone(area=outline.area, area_code=outline.area.code, name=f"{outline.area.name}巡逻区")
        inner = outline.geometry.buffer(-0.0003)
        zone.geometry = inner if not inner.is_empty and inner.area > outline.geometry.area / 4 else outline.geometry
        zones.append(zone)
    return Zone.objects.bulk_create(zones, batch_size=500)


def _points(zones: list) -> dict:
    """Five key places in each zone, at random spots inside it: zone pk → points."""
    from civicgrid.core import inserts
    from civicgrid.patrols.choices import PointKind
    from civicgrid.patrols.models import Point

    rng = np.random.default_rng(SEED + 2)
    kinds = list(PointKind.values)
    rows = [Point(zone=zone, name=f"{zone.name[:20]}{n + 1}号点", kind=kinds[n % len(kinds)], longitude=lon,
                  latitude=lat)
            for zone in zones for n, (lon, lat) in enumerate(_inside(zone.geometry, rng))]
    found: dict = {}
    for point in inserts.insert(Point, rows, batch_size=5000):
        found.setdefault(point.zone_id, []).append(point)
    return found


def _inside(polygon, rng) -> list:
    min_lon, min_lat, max_lon, max_lat = polygon.bounds
    found = []
    while len(found) < POINTS_PER_ZONE:
        lons, lats = rng.uniform(min_lon, max_lon, 64), rng.uniform(min_lat, max_lat, 64)
        inside = shapely.contains_xy(polygon, lons, lats)
        found += [(round(lon, 6), round(lat, 6)) for lon, lat in zip(lons[inside], lats[inside])]
    return found[:POINTS_PER_ZONE]


def _members(zones: list, workers: dict) -> dict:
    """A volunteer team in each township with zones; each zone's grid worker in it: zone pk → member."""
    from civicgrid.geo.models import Area
    from civicgrid.patrols.choices import TeamKind
    from civicgrid.patrols.models import Member, Team

    townships = Area.objects.in_bulk({zone.area_code[:9] for zone in zones}, field_name="code")
    teams = {team.area_code: team for team in Team.objects.bulk_create([
        Team(area=area, area_code=code, name=f"{area.name}群防群治队", kind=TeamKind.VOLUNTEER)
        for code, area in sorted(townships.items())])}
    rows = [Member(team=teams[zone.area_code[:9]], staff=workers[zone.area_code]) for zone in zones]
    return {zone.pk: member for zone, member in zip(zones, Member.objects.bulk_create(rows, batch_size=2000))}


def _shifts(zones: list, members: dict, points: dict, days: int, now: datetime) -> list:
    from civicgrid.core import inserts
    from civicgrid.patrols.models import Shift

    today = _local_date(now)
    rows = [Shift(team_id=members[zone.pk].team_id, zone=zone, area_code=zone.area_code, starts_at=_at(day, start),
                  ends_at=_at(day, end))
            for day in (today - timedelta(days=n) for n in range(days, -1, -1))
            for zone in zones for start, end in SHIFT_HOURS]
    shifts = inserts.insert(Shift, rows, batch_size=CHUNK)
    inserts.insert(Shift.members.through, [Shift.members.through(shift_id=s.pk, member_id=members[s.zone_id].pk)
                                           for s in shifts], batch_size=CHUNK)
    for batch in _batches((Shift.points.through(shift_id=s.pk, point_id=p.pk) for s in shifts
                           for p in points[s.zone_id]), CHUNK * 4):
        inserts.insert(Shift.points.through, batch, batch_size=CHUNK * 4)
    return shifts


def _local_date(now: datetime):
    from django.utils import timezone

    return timezone.localdate(now)


def _at(day, hour: int) -> datetime:
    from django.utils import timezone

    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=hour))


def _check_ins(shifts: list, points: dict, members: dict, wanted: int, now: datetime) -> int:
    """Nine in ten planned points of each past shift checked, in order along the way, by position, until
    ``wanted`` are written."""
    from civicgrid.core import inserts
    from civicgrid.patrols.choices import CheckInMethod
    from civicgrid.patrols.models import CheckIn

    rng = random.Random(SEED + 3)
    rows, written = [], 0
    for shift in shifts:
        if written + len(rows) >= wanted or shift.ends_at > now:
            continue
        step = (shift.ends_at - shift.starts_at) / (POINTS_PER_ZONE + 1)
        rows += [CheckIn(shift_id=shift.pk, point_id=point.pk, member_id=members[shift.zone_id].pk,
                         method=CheckInMethod.POSITION, at=shift.starts_at + step * (n + 1),
                         longitude=point.longitude + 0.0002, latitude=point.latitude, distance_m=17)
                 for n, point in enumerate(points[shift.zone_id]) if rng.random() < CHECKED_SHARE]
        if len(rows) >= CHUNK * 4:
            written += len(inserts.insert(CheckIn, rows, batch_size=CHUNK * 4))
            rows = []
    return written + len(inserts.insert(CheckIn, rows[:max(0, wanted - written)], batch_size=CHUNK * 4))


# --- Response posts --------------------------------------------------------------------------------------


def posts(count: int) -> int:
    """``count`` response posts at grids' representative points, a town's grid five times as likely as a
    village's; kinds as a city mixes them."""
    from civicgrid.geo.choices import AreaLevel
    from civicgrid.geo.models import Area
    from civicgrid.patrols import circles
    from civicgrid.patrols.choices import PostKind
    from civicgrid.patrols.models import ResponsePost

    found = circles.places()
    grid_points = [(code, lon, lat) for code, lon, lat in zip(found.codes, found.lons, found.lats) if len(code) == 15]
    urban = set(Area.objects.filter(level=AreaLevel.GRID, parent__name__contains="社区").values_list("code", flat=True))
    weights = np.array([5.0 if code in urban else 1.0 for code, _lon, _lat in grid_points])
    rng = np.random.default_rng(SEED + 4)
    picks = rng.choice(len(grid_points), size=count, replace=False, p=weights / weights.sum())
    ids = dict(Area.objects.filter(level=AreaLevel.GRID).values_list("code", "id"))
    kinds = rng.choice(list(PostKind.values), size=count, p=[0.3, 0.5, 0.2])
    rows = [ResponsePost(name=f"快反点位{n + 1}", kind=kind, lon=grid_points[i][1], lat=grid_points[i][2],
                         area_id=ids[grid_points[i][0]], area_code=grid_points[i][0])
            for n, (i, kind) in enumerate(zip(picks.tolist(), kinds.tolist()))]
    return len(ResponsePost.objects.bulk_create(rows))
