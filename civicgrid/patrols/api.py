"""JSON API of the patrols, for the patrol member's phone: today's shifts, check-ins in batches, the route recorded
between the member's own start and stop, findings filed as cases, and a route read back while it is kept.

Everything is done as the caller in person: a staff member (token or session), or a client application through
its staff account (an application without one is refused). The rules are the services' (``checkins``,
``routes``, ``incidents``); a refusal is a 422 with the sentence, nothing written. A batch of check-ins writes its
good rows and reports each bad one with its number (``errors``), so a phone that synced offline learns exactly
which to look at. A route older than the retention period answers 404: it no longer exists.
"""

from datetime import datetime

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema
from pydantic import Field

from civicgrid.cases.models import Category
from civicgrid.core import access
from civicgrid.core.choices import Via
from civicgrid.core.http.errors import ApiError
from civicgrid.core.http.shared import Id, Input, text, with_errors
from civicgrid.geo.choices import CoordinateSystem

from . import checkins, incidents, routes, services
from .models import CheckIn, Point, Route, Shift

router = Router(tags=["patrols"])
Longitude = Field(None, ge=-180, le=180, allow_inf_nan=False)
Latitude = Field(None, ge=-90, le=90, allow_inf_nan=False)


class PointOut(Schema):
    id: int
    name: str
    kind: str
    longitude: float
    latitude: float
    checked: bool


class ShiftOut(Schema):
    id: int
    team: str
    zone: str
    starts_at: datetime
    ends_at: datetime
    planned: int
    checked: int
    points: list[PointOut]


class ShiftList(Schema):
    items: list[ShiftOut]
    radius_m: int = Field(description="How near a point a check-in by position must be.")


class CheckInIn(Input):
    point: Id | None = Field(None, description="The point checked in at, by position; or give `qr`.")
    qr: text(200) = Field("", description="The token of the point's QR code, when scanned (no position needed).")
    at: datetime | None = Field(None, description="When; now if left out.")
    longitude: float | None = Longitude
    latitude: float | None = Latitude
    system: CoordinateSystem = CoordinateSystem.WGS84


class BatchIn(Input):
    items: list[CheckInIn] = Field(min_length=1, max_length=checkins.BATCH_MAX)


class RowError(Schema):
    row: int = Field(description="The row's number in `items`, from 1.")
    message: str


class BatchOut(Schema):
    created: int
    duplicates: int = Field(description="Rows already recorded (a batch sent again): not written twice.")
    errors: list[RowError]


class RouteOut(Schema):
    id: int
    shift: int
    started_at: datetime
    stopped_at: datetime | None
    kept_until: datetime
    positions: list[list[float]] = Field(description="[longitude, latitude] in time order, WGS84.")


class PositionIn(Input):
    at: datetime
    longitude: float = Field(ge=-180, le=180, allow_inf_nan=False)
    latitude: float = Field(ge=-90, le=90, allow_inf_nan=False)


class PositionsIn(Input):
    items: list[PositionIn] = Field(min_length=1, max_length=routes.POSITIONS_MAX)
    system: CoordinateSystem = CoordinateSystem.WGS84


class RecordedOut(Schema):
    recorded: int


class IncidentIn(Input):
    category: Id
    title: text(100)
    description: text(2000)
    longitude: float | None = Longitude
    latitude: float | None = Latitude
    system: CoordinateSystem = CoordinateSystem.WGS84


class IncidentOut(Schema):
    number: str


def _person(request):
    """The member calling: a staff member, or the application's staff account."""
    user = request.auth.user
    if user is None:
        raise ApiError(403, "staff_only", _("巡逻打卡和轨迹只能由队员本人的账号提交；此客户端应用没有代理账号。"))
    return user


def _my_shift(request, pk: int) -> Shift:
    shift = Shift.objects.filter(pk=pk, members__staff=_person(request)).select_related("zone").first()
    if shift is None or not request.auth.covers(shift.area_code):
        raise Http404
    return shift


@router.get("/shifts", response=with_errors({200: ShiftList}), summary="The caller's patrol shifts today")
def shift_list(request):
    user = _person(request)
    mine = services.my_shifts(user, timezone.localdate()).prefetch_related(
        Prefetch("points", queryset=Point.objects.order_by("name")))
    shifts = [shift for shift in mine[:services.SHIFTS_MAX] if request.auth.covers(shift.area_code)]
    progress = services.completeness([shift.pk for shift in shifts])
    checked = _checked([shift.pk for shift in shifts])
    return {"items": [_shift_out(shift, progress[shift.pk], checked) for shift in shifts],
            "radius_m": checkins.radius_m()}


def _checked(shift_ids) -> set:
    return set(CheckIn.objects.filter(shift__in=shift_ids).values_list("shift_id", "point_id"))


def _shift_out(shift: Shift, progress, checked: set) -> dict:
    points = [{"id": p.pk, "name": p.name, "kind": p.kind, "longitude": p.longitude, "latitude": p.latitude,
               "checked": (shift.pk, p.pk) in checked} for p in shift.points.all()]
    return {"id": shift.pk, "team": shift.team.name, "zone": shift.zone.name, "starts_at": shift.starts_at,
            "ends_at": shift.ends_at, "planned": progress.planned, "checked": progress.checked, "points": points}


@router.post("/checkins", response=with_errors({200: BatchOut}), summary="Check-ins at patrol points, in a batch")
def checkin_batch(request, body: BatchIn):
    rows = [checkins.Row(**item.dict()) for item in body.items]
    result = checkins.ingest(_person(request), rows)
    return {"created": len(result.created), "duplicates": result.duplicates,
            "errors": [{"row": row, "message": message} for row, message in result.errors]}


@router.post("/shifts/{shift_id}/routes", response=with_errors({200: RouteOut}),
             summary="Start recording the caller's route on a shift")
def route_start(request, shift_id: Id):
    route = routes.start(_person(request), _my_shift(request, shift_id))
    return _route_out(route)


def _my_route(request, pk: int) -> Route:
    route = routes.visible(_person(request)).filter(pk=pk, member__staff=_person(request)) \
        .select_related("shift", "member").first()
    if route is None or not request.auth.covers(route.shift.area_code):
        raise Http404
    return route


@router.post("/routes/{route_id}/positions", response=with_errors({200: RecordedOut}),
             summary="Add positions to the caller's open route")
def route_positions(request, route_id: Id, body: PositionsIn):
    route = _my_route(request, route_id)
    if route.stopped_at is not None:
        raise ApiError(409, "stopped", _("轨迹已停止记录。"))
    positions = [(item.at, item.longitude, item.latitude) for item in body.items]
    return {"recorded": routes.record(_person(request), route, positions, system=body.system)}


@router.post("/routes/{route_id}/stop", response=with_errors({200: RouteOut}), summary="Stop recording a route")
def route_stop(request, route_id: Id):
    return _route_out(routes.stop(_person(request), _my_route(request, route_id)))


@router.get("/routes/{route_id}", response=with_errors({200: RouteOut}),
            summary="A route while it is kept (404 once past the retention period)")
def route_detail(request, route_id: Id):
    route = routes.visible(_person(request)).filter(pk=route_id).select_related("shift", "member").first()
    if route is None or not request.auth.covers(route.shift.area_code):
        raise Http404
    routes.viewed(_person(request), route, access.where(request, Via.API, request.auth.client))
    return _route_out(route, routes.line_of(route))


def _route_out(route: Route, positions=()) -> dict:
    return {"id": route.pk, "shift": route.shift_id, "started_at": route.started_at, "stopped_at": route.stopped_at,
            "kept_until": route.started_at + routes.retention(), "positions": list(positions)}


@router.post("/shifts/{shift_id}/incidents", response=with_errors({200: IncidentOut}),
             summary="File a finding on patrol as a case")
def incident_file(request, shift_id: Id, body: IncidentIn):
    shift = _my_shift(request, shift_id)
    category = Category.objects.filter(pk=body.category, is_active=True).first()
    finding = incidents.Finding(category, body.title, body.description, body.longitude, body.latitude, body.system)
    case = incidents.file_incident(_person(request), shift, finding, application=request.auth.application)
    return {"number": case.number}
