"""巡逻轨迹: a member's route, recorded only while they are on a shift and only between their own start and stop.

A route is a person's movements, so the rules are strict: recording starts when the member presses start (never
by itself), during a shift they are on; positions are taken only while it is open and inside the shift's time;
it stops when they press stop or when the shift ends. Routes are kept for the retention period the administrator
sets (``CIVICGRID_PATROL_ROUTE_RETENTION_D``): an older route no longer exists for anyone (``visible``), and the
nightly sweep (``sweep``, queued by ``core/scheduler.py``) deletes it with its positions.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.core import access
from civicgrid.geo.choices import CoordinateSystem
from civicgrid.geo.coords import CoordinateError, check_in_china, to_wgs84

from .checkins import CLOCK_SKEW, PatrolError, aware
from .models import Member, Route, RoutePoint, Shift

POSITIONS_MAX = 5000


def retention() -> timedelta:
    return timedelta(days=settings.CIVICGRID_PATROL_ROUTE_RETENTION_D)


def cutoff(now: datetime | None = None) -> datetime:
    """Routes started before this are past retention: gone, whether the sweep has run yet or not."""
    return (now or timezone.now()) - retention()


def visible(user, now: datetime | None = None):
    """The routes ``user`` may see: in their scope (or their own), and within retention."""
    return Route.objects.restrict(user).filter(started_at__gte=cutoff(now)) | \
        Route.objects.filter(member__staff=user, started_at__gte=cutoff(now))


def own_membership(user, shift: Shift) -> Member:
    member = shift.members.filter(staff=user, active=True).first()
    if member is None:
        raise PatrolError(_("您不在这个班次的当班队员中。"))
    return member


def start(user, shift: Shift, now: datetime | None = None) -> Route:
    """The member starts recording their route on ``shift``: refused outside the shift or when one is running."""
    now = now or timezone.now()
    member = own_membership(user, shift)
    if not shift.active_at(now):
        raise PatrolError(_("不在班次时间内（%(start)s–%(end)s），不能记录轨迹。") % _window(shift))
    if open_route(member, shift, now) is not None:
        raise PatrolError(_("轨迹正在记录中。"))
    return Route.objects.create(shift=shift, member=member, started_at=now)


def open_route(member: Member, shift: Shift, now: datetime) -> Route | None:
    if not shift.active_at(now):
        return None
    return Route.objects.filter(member=member, shift=shift, stopped_at__isnull=True).first()


def stop(user, route: Route, now: datetime | None = None) -> Route:
    """The member stops recording; a route whose shift has ended stops at the shift's end."""
    now = now or timezone.now()
    _own(user, route)
    if route.stopped_at is None:
        route.stopped_at = min(now, route.shift.ends_at)
        route.save(update_fields=["stopped_at"])
    return route


def record(user, route: Route, positions: list[tuple], now: datetime | None = None,
           system: str = CoordinateSystem.WGS84) -> int:
    """Add ``(at, longitude, latitude)`` positions to an open route; all or none (a clear message for the first
    bad one). Positions before the start, after the stop or outside the shift are refused."""
    now = now or timezone.now()
    _own(user, route)
    if len(positions) > POSITIONS_MAX:
        raise PatrolError(_("一次最多上传 %(n)d 个轨迹点。") % {"n": POSITIONS_MAX})
    rows = [_position(route, number, at, lon, lat, system, now) for number, (at, lon, lat) in enumerate(positions, 1)]
    with transaction.atomic():
        RoutePoint.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _own(user, route: Route) -> None:
    if route.member.staff_id != user.pk:
        raise PatrolError(_("只能记录自己的轨迹。"))


def _position(route: Route, number: int, at, lon, lat, system, now) -> RoutePoint:
    at = aware(at)
    end = min(filter(None, [route.stopped_at, route.shift.ends_at, now + CLOCK_SKEW]))
    if at is None or not route.started_at <= at <= end:
        raise PatrolError(_("第 %(n)d 个轨迹点的时间不在记录期间（开始记录至停止记录、班次结束之前）。") % {"n": number})
    try:
        lon, lat = to_wgs84(lon, lat, system)
        check_in_china(lon, lat)
    except CoordinateError as error:
        raise PatrolError(_("第 %(n)d 个轨迹点：%(error)s") % {"n": number, "error": error}) from None
    return RoutePoint(route=route, at=at, longitude=lon, latitude=lat)


def _window(shift: Shift) -> dict:
    return {"start": timezone.localtime(shift.starts_at).strftime("%m-%d %H:%M"),
            "end": timezone.localtime(shift.ends_at).strftime("%m-%d %H:%M")}


def sweep(now: datetime | None = None) -> int:
    """Delete every route past retention with its positions; returns how many routes went."""
    old = Route.objects.filter(started_at__lt=cutoff(now))
    with transaction.atomic():
        RoutePoint.objects.filter(route__in=old).delete()
        deleted, _per_model = old.delete()
    return deleted


def viewed(user, route: Route, at: access.Where) -> None:
    """Someone else's route is a person's movements: each view of it by anyone but its member is in the access log."""
    if route.member.staff_id != user.pk:
        access.viewed(user, route, str(route.pk), route.shift.area_code, at)


def line_of(route: Route) -> list[list[float]]:
    """The route's positions as ``[longitude, latitude]`` in time order, for the map."""
    return [list(pair) for pair in route.positions.order_by("at", "pk").values_list("longitude", "latitude")]
