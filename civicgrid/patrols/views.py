"""Patrol pages: the day's map of an area, a shift with its points and the member's actions (check in, record the
route, file a finding), a route, a point's QR code and what scanning it opens.

Every rule is in the services (``checkins``, ``routes``, ``incidents``, ``services``); a refusal comes back here
as ``PatrolError`` (or intake's ``WorkflowError``) and is shown as a message, with nothing written.
"""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civicgrid.cases.models import Category
from civicgrid.cases.workflow import WorkflowError
from civicgrid.core import access
from civicgrid.core.choices import Via
from civicgrid.geo.services import crumbs

from . import checkins, incidents, routes, services
from .checkins import PatrolError
from .models import Point, Route, Shift


@login_required
def index(request):
    """The map of the user's top area today; a member with no area of their own goes to their shifts."""
    home = request.user.scope.home()
    if home:
        return redirect("patrols:today", code=home[0].code)
    return redirect("patrols:mine")


@login_required
def today(request, code):
    found = services.today(request.user, code)
    if found is None:
        raise Http404
    context = {"day": found, "crumbs": crumbs(request.user, found.area),
               "children": found.area.children.order_by("code")[:100],
               "map": {"zones": found.zones, "lines": found.lines, "points": found.points}}
    return render(request, "patrols/today.html", context)


@login_required
def mine(request):
    """The shifts the user is on today, each with its completeness."""
    shifts = list(services.my_shifts(request.user, timezone.localdate()))
    progress = services.completeness([shift.pk for shift in shifts])
    for shift in shifts:
        shift.progress = progress[shift.pk]
    return render(request, "patrols/mine.html", {"shifts": shifts})


def _shift(user, pk: int) -> Shift:
    """A shift the user may see: in their scope, or one they are on."""
    found = (Shift.objects.restrict(user) | Shift.objects.filter(members__staff=user)).filter(pk=pk).distinct()
    shift = found.select_related("team", "zone", "line").first()
    if shift is None:
        raise Http404
    return shift


@login_required
def shift_detail(request, pk):
    shift = _shift(request.user, pk)
    now = timezone.now()
    member = shift.members.filter(staff=request.user, active=True).first()
    context = {"shift": shift, "progress": services.completeness([shift.pk])[shift.pk], "member": member,
               "points": _points(shift), "check_ins": shift.check_ins.select_related("point", "member__staff")[:200],
               "routes": routes.visible(request.user, now).filter(shift=shift).select_related("member__staff"),
               "active": shift.active_at(now), "recording": member and routes.open_route(member, shift, now),
               "categories": _categories() if member else [], "radius": checkins.radius_m()}
    return render(request, "patrols/shift.html", context)


def _points(shift: Shift) -> list[Point]:
    checked = set(shift.check_ins.values_list("point_id", flat=True))
    found = list(shift.points.order_by("name"))
    for point in found:
        point.checked = point.pk in checked
    return found


def _categories():
    """The leaves of the category tree a finding is filed under."""
    return Category.objects.filter(is_active=True, children__isnull=True).order_by("code")[:1000]


def _float(value: str) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _int(value: str) -> int | None:
    """A form's id, or None; more digits than any id has is no id (and no overflow in the database)."""
    return int(value) if (value or "").isdigit() and len(value) <= 15 else None


@login_required
@require_POST
def check_in(request, pk):
    """打卡 by position from the shift page (the browser's location fills the hidden fields)."""
    shift = _shift(request.user, pk)
    row = checkins.Row(point=_int(request.POST.get("point")), longitude=_float(request.POST.get("longitude")),
                       latitude=_float(request.POST.get("latitude")))
    if _done(request, lambda: checkins.check_in(request.user, row)):
        messages.success(request, _("“%(point)s”打卡成功。") % {"point": _point_name(shift, row.point)})
    return redirect("patrols:shift", pk=shift.pk)


def _point_name(shift: Shift, pk: int) -> str:
    return shift.points.filter(pk=pk).values_list("name", flat=True).first() or ""


def _done(request, action) -> bool:
    """Runs ``action``; a refusal becomes the page's error message (nothing was written)."""
    try:
        action()
    except (PatrolError, WorkflowError) as error:
        messages.error(request, getattr(error, "message", None) or str(error))
        return False
    return True


@login_required
@require_POST
def route_start(request, pk):
    shift = _shift(request.user, pk)
    if _done(request, lambda: routes.start(request.user, shift)):
        messages.success(request, _("已开始记录巡逻轨迹：只在本班次内记录，随时可以停止。"))
    return redirect("patrols:shift", pk=shift.pk)


@login_required
@require_POST
def route_stop(request, pk):
    route = _route(request.user, pk)
    if _done(request, lambda: routes.stop(request.user, route)):
        messages.success(request, _("已停止记录巡逻轨迹。"))
    return redirect("patrols:shift", pk=route.shift_id)


def _route(user, pk: int) -> Route:
    """A route within retention the user may see; an older one no longer exists (404)."""
    return get_object_or_404(routes.visible(user).select_related("shift__zone", "member__staff"), pk=pk)


@login_required
def route_detail(request, pk):
    route = _route(request.user, pk)
    routes.viewed(request.user, route, access.where(request, Via.PAGE))
    return render(request, "patrols/route.html", {"route": route, "line": routes.line_of(route),
                                                  "kept_until": route.started_at + routes.retention()})


@login_required
@require_POST
def incident(request, pk):
    """巡逻发现: the finding filed as a case in one step; on to the new case's page."""
    shift = _shift(request.user, pk)
    category = Category.objects.filter(pk=_int(request.POST.get("category")), is_active=True).first()
    finding = incidents.Finding(category, request.POST.get("title", ""), request.POST.get("description", ""),
                                _float(request.POST.get("longitude")), _float(request.POST.get("latitude")),
                                files=request.FILES.getlist("files"))
    try:
        case = incidents.file_incident(request.user, shift, finding)
    except (PatrolError, WorkflowError) as error:
        messages.error(request, getattr(error, "message", None) or str(error))
        return redirect("patrols:shift", pk=shift.pk)
    messages.success(request, _("巡逻发现已上报，案件编号 %(number)s。") % {"number": case.number})
    return redirect("cases:detail", case.number)


@login_required
def point_qr(request, pk):
    """The point's QR code as SVG, to print and fix at the place; scanning it opens ``scan``."""
    point = Point.objects.restrict(request.user).filter(pk=pk).first()
    if point is None:
        raise Http404
    url = request.build_absolute_uri(reverse("patrols:scan", args=[checkins.point_token(point)]))
    svg = segno.make(url, error="m").svg_inline(scale=6, title=point.name)
    return HttpResponse(svg, content_type="image/svg+xml")


@login_required
def scan(request, token):
    """What a scanned QR code opens: the point and a button to check in there (扫码打卡)."""
    pk = checkins.point_of_token(token)
    point = Point.objects.filter(pk=pk, shifts__members__staff=request.user).distinct().first() if pk else None
    if point is None:
        raise Http404
    if request.method == "POST":
        done = _scan_check_in(request, token)
        if done is not None:
            return redirect("patrols:shift", pk=done.shift_id)
    return render(request, "patrols/scan.html", {"point": point})


def _scan_check_in(request, token):
    try:
        found = checkins.check_in(request.user, checkins.Row(qr=token))
    except PatrolError as error:
        messages.error(request, str(error))
        return None
    messages.success(request, _("“%(point)s”扫码打卡成功。") % {"point": found.point.name})
    return found

