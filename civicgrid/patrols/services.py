"""Patrols: zones and points drawn and checked, shifts planned, and what the day's patrols have done.

``add_zone``, ``add_point``, ``add_line`` and ``plan_shift`` are what the admin, the demo and tests use to lay
patrols out; a point outside its zone (or a line leaving it) is refused with a sentence and nothing is written.
``completeness(shifts)`` is every shift's points checked ÷ points planned in two grouped queries, whatever the
number of shifts; ``today(user, code)`` is the day's map of an area: its zones, lines and points, the shifts of
the day with their completeness, and each point checked, missed (its shifts ended without a check-in) or still
to do.
"""

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import shapely
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.geo.importers import polygon_from_geojson
from civicgrid.geo.models import Area

from .models import CheckIn, Line, Member, Point, Shift, Team, Zone

MAP_MAX = 2000
SHIFTS_MAX = 500


def parse_polygon(text: str):
    """A zone's outline from GeoJSON text (a geometry, or a Feature holding one); ValidationError otherwise."""
    try:
        data = json.loads(text)
        geometry = polygon_from_geojson(data.get("geometry", data) if isinstance(data, dict) else data)
    except json.JSONDecodeError as error:
        raise ValidationError(_("不是有效的 JSON：%(error)s") % {"error": error}) from None
    except ValueError as error:
        raise ValidationError(str(error)) from None
    return geometry


def add_zone(area: Area, name: str, geometry) -> Zone:
    zone = Zone(area=area, name=name)
    zone.geometry = geometry
    zone.save()
    return zone


def add_point(zone: Zone, name: str, kind: str, longitude: float, latitude: float) -> Point:
    """A point of ``zone``; refused (ValidationError, nothing saved) when it lies outside the zone."""
    point = Point(zone=zone, name=name, kind=kind, longitude=longitude, latitude=latitude)
    point.full_clean()
    point.save()
    return point


def add_line(zone: Zone, name: str, geometry) -> Line:
    line = Line(zone=zone, name=name)
    line.geometry = geometry
    line.full_clean()
    line.save()
    return line


def plan_shift(team: Team, zone: Zone, starts_at: datetime, ends_at: datetime, members=(), points=None,
               line: Line | None = None) -> Shift:
    """A shift of ``team`` in ``zone``; it plans every point of the zone unless ``points`` names fewer."""
    shift = Shift(team=team, zone=zone, line=line, starts_at=starts_at, ends_at=ends_at)
    shift.full_clean(exclude=["members", "points"])
    _check_plan(team, zone, members, points)
    with transaction.atomic():
        shift.save()
        shift.members.set(members)
        shift.points.set(zone.points.all() if points is None else points)
    return shift


def _check_plan(team: Team, zone: Zone, members, points) -> None:
    if any(member.team_id != team.pk for member in members):
        raise ValidationError(_("当班队员须是本队伍的队员。"))
    if points is not None and any(point.zone_id != zone.pk for point in points):
        raise ValidationError(_("必巡点位须在本班次的巡逻区域内。"))


# ---- completeness (巡逻完成率)


@dataclass
class Progress:
    """A shift's completeness: points checked of those planned, and which were missed."""

    planned: int
    checked: int

    @property
    def percent(self) -> int:
        return round(100 * self.checked / self.planned) if self.planned else 0


def completeness(shift_ids) -> dict[int, Progress]:
    """Each shift's points checked ÷ planned, in two grouped queries."""
    planned = dict(Shift.points.through.objects.filter(shift__in=shift_ids).values("shift_id")
                   .annotate(n=Count("pk")).values_list("shift_id", "n"))
    checked = dict(CheckIn.objects.filter(shift__in=shift_ids).values("shift_id")
                   .annotate(n=Count("point_id", distinct=True)).values_list("shift_id", "n"))
    return {pk: Progress(planned.get(pk, 0), checked.get(pk, 0)) for pk in shift_ids}


def missed_points(shift: Shift) -> list[Point]:
    """The planned points nobody checked in at during the shift."""
    return list(shift.points.exclude(check_ins__shift=shift).order_by("name"))


# ---- the day's map


@dataclass
class Day:
    """One area's patrols on one day: what the map draws and the list beside it shows."""

    area: Area
    day: date
    shifts: list = field(default_factory=list)
    progress: dict = field(default_factory=dict)
    zones: list = field(default_factory=list)
    lines: list = field(default_factory=list)
    points: list = field(default_factory=list)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, start + timedelta(days=1)


def shifts_on(queryset, day: date):
    """The shifts that overlap ``day`` in the site's time zone."""
    start, end = day_bounds(day)
    return queryset.filter(starts_at__lt=end, ends_at__gt=start)


def today(user, code: str, day: date | None = None, now: datetime | None = None) -> Day | None:
    """The patrols of area ``code`` on ``day`` as ``user`` may see them; None outside their scope (a 404)."""
    area = Area.objects.restrict(user).filter(code=code).first()
    if area is None:
        return None
    now = now or timezone.now()
    found = Day(area=area, day=day or timezone.localdate(now))
    shifts = shifts_on(Shift.objects.restrict(user).filter(area_code__startswith=code), found.day)
    found.shifts = list(shifts.select_related("team", "zone").order_by("starts_at", "pk")[:SHIFTS_MAX])
    found.progress = completeness([shift.pk for shift in found.shifts])
    for shift in found.shifts:
        shift.progress = found.progress[shift.pk]
    _draw(found, user, code, now)
    return found


def _draw(found: Day, user, code: str, now: datetime) -> None:
    zones = Zone.objects.restrict(user).filter(area_code__startswith=code)[:MAP_MAX]
    found.zones = [{"id": z.pk, "name": z.name, "geometry": _geojson(z)} for z in zones]
    lines = Line.objects.filter(zone__in=[z["id"] for z in found.zones])
    found.lines = [{"name": line.name, "geometry": _geojson(line)} for line in lines]
    states = _point_states(found, now)
    points = Point.objects.filter(zone__in=[z["id"] for z in found.zones])[:MAP_MAX]
    found.points = [{"id": p.pk, "name": p.name, "kind": p.get_kind_display(), "lon": p.longitude,
                     "lat": p.latitude, "state": states.get(p.pk, "")} for p in points]


def _geojson(outline) -> dict:
    return json.loads(shapely.to_geojson(outline.geometry))


def _point_states(found: Day, now: datetime) -> dict[int, str]:
    """Each point planned today: ``checked`` once anyone checked in on one of its shifts, ``missed`` when all of
    them have ended without, otherwise ``due``."""
    shifts = {shift.pk: shift for shift in found.shifts}
    plans = Shift.points.through.objects.filter(shift__in=shifts).values_list("shift_id", "point_id")
    checked = set(CheckIn.objects.filter(shift__in=shifts).values_list("point_id", flat=True).distinct())
    states: dict[int, str] = {}
    for shift_id, point_id in plans:
        if point_id in checked:
            states[point_id] = "checked"
        elif shifts[shift_id].ends_at > now or states.get(point_id) == "due":
            states[point_id] = "due"
        else:
            states[point_id] = "missed"
    return states


def my_shifts(user, day: date):
    """The shifts ``user`` is on that overlap ``day``, earliest first."""
    mine = Shift.objects.filter(members__staff=user, members__active=True).distinct()
    return shifts_on(mine, day).select_related("team", "zone").order_by("starts_at", "pk")


def membership(user, team: Team) -> Member | None:
    return team.members.filter(staff=user, active=True).first()
