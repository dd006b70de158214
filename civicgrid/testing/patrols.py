"""A patrol beat for tests: a zone over grid A's square, three points in it, a volunteer team with its member,
and a shift running now that plans every point."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from shapely.geometry import box

from civicgrid.patrols import services
from civicgrid.patrols.choices import PointKind, TeamKind
from civicgrid.patrols.models import Member, Point, Shift, Team, Zone

# Grid A is 109.70–109.72 E, 38.28–38.30 N; the zone is its western half.
ZONE_BOX = (109.70, 38.28, 109.71, 38.30)
SCHOOL = (109.705, 38.285)
MARKET = (109.705, 38.295)
STATION = (109.708, 38.290)


@dataclass
class Beat:
    zone: Zone
    points: list
    team: Team
    member: Member
    shift: Shift

    @property
    def school(self) -> Point:
        return self.points[0]


def beat(area, staff, now=None, hours: float = 4) -> Beat:
    """A zone in ``area`` (grid A or above it) with ``staff`` on a shift from an hour ago for ``hours`` hours."""
    now = now or timezone.now()
    zone = services.add_zone(area, "鼓楼步行街巡逻区", box(*ZONE_BOX))
    points = [services.add_point(zone, name, kind, *where) for name, kind, where in (
        ("榆林第一小学", PointKind.SCHOOL, SCHOOL), ("鼓楼农贸市场", PointKind.MARKET, MARKET),
        ("鼓楼公交站", PointKind.STATION, STATION))]
    team = Team.objects.create(area=area, name="鼓楼群防群治队", kind=TeamKind.VOLUNTEER)
    member = Member.objects.create(team=team, staff=staff)
    shift = services.plan_shift(team, zone, now - timedelta(hours=1), now + timedelta(hours=hours - 1), [member])
    return Beat(zone, points, team, member, shift)
