"""Demo patrols (巡逻防控) in 榆阳区's 鼓楼街道: a zone over each of its first grids with a line and its key places
(schools, markets, stations …), a police patrol, a full-time patrol team and community volunteers (the demo grid
worker among them, the rest synthetic people marked as such), a week of shifts with their check-ins (a few points
missed), and today's shifts, the grid worker's running now.

Everything is written with ``bulk_create`` in a few statements: zones and points are laid out the way the
services check them (every point inside its zone), without a query per row.
"""

import random
from datetime import datetime, time, timedelta

import shapely
from django.db import transaction
from django.utils import timezone

from civicgrid.cases.duplicates import distance_m
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.models import Area, Boundary
from civicgrid.orgs.models import Staff
from civicgrid.patrols.choices import CheckInMethod, PointKind, TeamKind
from civicgrid.patrols.models import CheckIn, Line, Member, Point, Shift, Team, Zone

from .people import TOWNSHIP

SEED = 20261213
ZONES = 6
DAYS = 7
# A point is missed on about one shift in eight: enough to show on the map and in the figures.
MISS_RATE = 0.12
# The key places of each zone, one of each kind (zone n takes the n-th name).
PLACES = [
    (PointKind.SCHOOL, ["鼓楼小学", "榆林第五中学", "新建路小学", "鸳鸯湖幼儿园", "文昌路小学", "第二实验小学"]),
    (PointKind.MARKET, ["鼓楼农贸市场", "南门口菜市场", "新楼巷市场", "文化路夜市", "二街便民市场", "上郡路市场"]),
    (PointKind.STATION, ["鼓楼公交站", "南门公交站", "人民路公交站", "新建路公交站", "文昌路公交站", "长城路公交站"]),
    (PointKind.HOSPITAL, ["鸳鸯湖卫生服务站", "红文昌楼卫生服务站", "普惠泉卫生服务站", "城隍庙滩卫生服务站",
                          "凯歌楼卫生服务站", "二里半卫生服务站"]),
    (PointKind.SQUARE, ["世纪广场", "鼓楼广场", "凌霄塔广场", "文化广场", "南门广场", "星元广场"]),
]
# 合成人员: people invented for the demo, named so that nobody takes them for real ones.
VOLUNTEERS = ["（合成）白志强", "（合成）高秀英", "（合成）贺建军", "（合成）刘翠兰", "（合成）马宏伟", "（合成）杜丽娟"]
TEAMS = [("鼓楼派出所巡逻队", TeamKind.POLICE), ("鼓楼街道专职巡防队", TeamKind.PROFESSIONAL),
         ("鸳鸯湖社区群防群治志愿队", TeamKind.VOLUNTEER)]
# Day and evening shifts, in local time.
SHIFT_HOURS = [(8, 12), (18, 22)]


def load_patrols(now: datetime | None = None) -> int:
    """The demo's patrols, once; how many check-ins were made (0 when they are there already)."""
    if Zone.objects.filter(area_code__startswith=TOWNSHIP).exists():
        return 0
    now, rng = now or timezone.now(), random.Random(SEED)
    outlines = list(Boundary.objects.current().filter(area__code__startswith=TOWNSHIP, area__level=AreaLevel.GRID)
                    .select_related("area").order_by("area__code")[:ZONES])
    with transaction.atomic():
        zones = _zones(outlines)
        points = _points(zones, rng)
        _lines(zones, points)
        members, worker = _members(_teams())
        shifts = _shifts(zones, members, worker, now)
        _plan(shifts, points)
        return _check_ins(shifts, points, now, rng)


def _zones(outlines) -> list[Zone]:
    zones = []
    for outline in outlines:
        zone = Zone(area=outline.area, area_code=outline.area.code, name=f"{outline.area.name}巡逻区")
        # A little inside the grid's outline: patrols keep to the streets, not the boundary line.
        zone.geometry = outline.geometry.buffer(-0.0005)
        zones.append(zone)
    return Zone.objects.bulk_create(zones)


def _points(zones: list[Zone], rng: random.Random) -> dict[int, list[Point]]:
    rows = [Point(zone=zone, name=names[n % len(names)], kind=kind, longitude=lon, latitude=lat)
            for n, zone in enumerate(zones)
            for (kind, names), (lon, lat) in zip(PLACES, _inside(zone.geometry, rng, len(PLACES)))]
    found: dict[int, list[Point]] = {}
    for point in Point.objects.bulk_create(rows):
        found.setdefault(point.zone_id, []).append(point)
    return found


def _inside(polygon, rng: random.Random, n: int) -> list[tuple[float, float]]:
    """``n`` random points inside ``polygon`` (drawn in its bounding box until inside)."""
    min_lon, min_lat, max_lon, max_lat = polygon.bounds
    found = []
    while len(found) < n:
        lon, lat = rng.uniform(min_lon, max_lon), rng.uniform(min_lat, max_lat)
        if polygon.contains(shapely.Point(lon, lat)):
            found.append((round(lon, 6), round(lat, 6)))
    return found


def _lines(zones: list[Zone], points: dict[int, list[Point]]) -> None:
    rows = []
    for zone in zones:
        line = Line(zone=zone, name=f"{zone.name}主巡线")
        line.geometry = shapely.LineString([(p.longitude, p.latitude) for p in points[zone.pk]])
        rows.append(line)
    Line.objects.bulk_create(rows)


def _teams() -> list[Team]:
    township = Area.objects.get(code=TOWNSHIP)
    return Team.objects.bulk_create([Team(area=township, area_code=township.code, name=name, kind=kind)
                                     for name, kind in TEAMS])


def _members(teams: list[Team]) -> tuple[dict[int, list[Member]], Member]:
    """Two synthetic people in each team (who sign in with no password), and the demo grid worker among the
    volunteers."""
    people = Staff.objects.bulk_create([Staff(username=f"xunfang{n + 1}", display_name=name, password="!")
                                        for n, name in enumerate(VOLUNTEERS)])
    rows = [Member(team=team, staff=person) for n, team in enumerate(teams) for person in people[2 * n:2 * n + 2]]
    worker = Member(team=teams[-1], staff=Staff.objects.get(username="wanggeyuan"))
    found: dict[int, list[Member]] = {}
    for member in Member.objects.bulk_create([*rows, worker]):
        found.setdefault(member.team_id, []).append(member)
    found[worker.team_id].remove(worker)
    return found, worker


def _shifts(zones: list[Zone], members: dict[int, list[Member]], worker: Member, now: datetime) -> list[Shift]:
    """Each zone patrolled by one team a day and another in the evening, for the last week and today; and the
    grid worker's own shift in their grid, running now whatever the hour the demo starts."""
    teams = list(Team.objects.filter(pk__in=members).order_by("pk"))
    today, rows = timezone.localdate(now), []
    for day in (today - timedelta(days=n) for n in range(DAYS, -1, -1)):
        for z, zone in enumerate(zones):
            for s, (start, end) in enumerate(SHIFT_HOURS):
                team = teams[(z + s) % len(teams)]
                rows.append(Shift(team=team, zone=zone, area_code=zone.area_code, starts_at=_at(day, start),
                                  ends_at=_at(day, end)))
    hour = now.replace(minute=0, second=0, microsecond=0)
    rows.append(Shift(team=worker.team, zone=zones[0], area_code=zones[0].area_code, starts_at=hour - timedelta(hours=1),
                      ends_at=hour + timedelta(hours=4)))
    shifts = Shift.objects.bulk_create(rows)
    links = [Shift.members.through(shift=shift, member=member) for shift in shifts[:-1]
             for member in members[shift.team_id]]
    links.append(Shift.members.through(shift=shifts[-1], member=worker))
    Shift.members.through.objects.bulk_create(links)
    return shifts


def _at(day, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _plan(shifts: list[Shift], points: dict[int, list[Point]]) -> None:
    Shift.points.through.objects.bulk_create([Shift.points.through(shift=shift, point=point) for shift in shifts
                                              for point in points[shift.zone_id]])


def _check_ins(shifts: list[Shift], points: dict[int, list[Point]], now: datetime, rng: random.Random) -> int:
    """Each shift's points checked in order along the way, by a member of the shift, up to now; a few missed."""
    members = {}
    for link in Shift.members.through.objects.filter(shift__in=shifts).order_by("member_id"):
        members.setdefault(link.shift_id, []).append(link.member_id)
    rows = []
    for shift in shifts:
        planned = points[shift.zone_id]
        step = (shift.ends_at - shift.starts_at) / (len(planned) + 1)
        for n, point in enumerate(planned, start=1):
            at = shift.starts_at + step * n + timedelta(minutes=rng.randint(-10, 10))
            if at < now and rng.random() > MISS_RATE:
                rows.append(_check_in(shift, point, rng.choice(members[shift.pk]), at, rng))
    CheckIn.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _check_in(shift: Shift, point: Point, member: int, at: datetime, rng: random.Random) -> CheckIn:
    if rng.random() < 0.3:
        return CheckIn(shift=shift, point=point, member_id=member, method=CheckInMethod.QR, at=at)
    # Within about 40 m of the point, as a phone's position is.
    lon, lat = point.longitude + rng.uniform(-0.0003, 0.0003), point.latitude + rng.uniform(-0.0003, 0.0003)
    return CheckIn(shift=shift, point=point, member_id=member, method=CheckInMethod.POSITION, at=at,
                   longitude=lon, latitude=lat, distance_m=round(distance_m(lon, lat, point.longitude, point.latitude)))
