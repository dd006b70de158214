"""The 1-3-5-minute response circles' pages: the map of circles and gaps with its counts, the what-if of a new
post (computed, never saved) and placing or removing a post.

Pages read the stored circles (``circles.counts``, ``AreaReach``); who may is ``posts``' to say. An area outside
the user's reach is a 404. A refused post is a message on the page, with nothing saved.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civicgrid.geo.choices import AreaLevel

from . import circles, posts
from .choices import CIRCLE_COLOURS, CIRCLE_MINUTES, Circle, PostKind
from .models import AreaReach, ResponsePost

POSTS_PER_PAGE = 30
GAPS_SHOWN = 20
# Up to this many grids the map draws their outlines; more (a county, the city) are drawn as dots.
OUTLINES_MAX = 600


@login_required
def index(request):
    """The circles of the user's first area."""
    return redirect("patrols:circles", code=posts.circles_area(request.user).code)


@login_required
def circles_page(request, code):
    area = posts.circles_area(request.user, code)
    reach = posts.reach(request.user)
    under = ResponsePost.objects.filter(area_code__startswith=area.code).select_related("area")
    context = {
        "area": area, "table": circles.counts(area), "circles": CIRCLE_MINUTES, "colours": CIRCLE_COLOURS,
        "crumbs": [(a, a.code.startswith(reach)) for a in area.ancestors()],
        "children": area.children.filter(level__lt=AreaLevel.GRID).order_by("code"),
        "gaps": _gaps(area), "posts": Paginator(under, POSTS_PER_PAGE).get_page(request.GET.get("page")),
        "kinds": PostKind.choices, "speeds": _speeds(), "may_place": posts.may_place(request.user, area.code),
    }
    return render(request, "patrols/circles/page.html", context)


def _gaps(area) -> list:
    """The grids beyond 5 minutes with the most households: where a new post would help most."""
    rows = AreaReach.objects.filter(code__startswith=area.code, level=AreaLevel.GRID, circle=Circle.BEYOND)
    return list(rows.select_related("area").order_by("-households", "code")[:GAPS_SHOWN])


def _speeds() -> list[tuple[str, float, list[float]]]:
    return [(PostKind(kind).label, kmh, circles.radii(kmh)) for kind, kmh in circles.speeds().items()]


@login_required
def circles_map(request, code):
    """What the map draws: the grids under the area (outlines, or dots when there are many) coloured by their
    circle, and the posts in or serving the area with their circles' radii."""
    area = posts.circles_area(request.user, code)
    grids = AreaReach.objects.filter(code__startswith=area.code, level=AreaLevel.GRID)
    outlined = grids.count() <= OUTLINES_MAX
    rows = grids.values_list("code", "area__name", "lon", "lat", "circle", "minutes")
    payload = {"outlines": circles.outlines(area.code) if outlined else None,
               "areas": [_compact(row) for row in rows], "posts": _posts_of(area, grids)}
    # A city's 10,000 grids: Chinese names as they are, and no more digits than a map can show (about 1 m).
    return JsonResponse(payload, json_dumps_params={"ensure_ascii": False, "separators": (",", ":")})


def _compact(row) -> list:
    code, name, lon, lat, circle, minutes = row
    return [code, name, round(lon, 5), round(lat, 5), circle, None if minutes is None else round(minutes, 1)]


def _posts_of(area, grids) -> list[dict]:
    kmh = circles.speeds()
    found = ResponsePost.objects.filter(Q(area_code__startswith=area.code) | Q(pk__in=grids.values("post_id")))
    return [{"id": post.pk, "name": post.name, "kind": post.get_kind_display(), "lon": post.lon, "lat": post.lat,
             "radii": circles.radii(kmh[post.kind])} for post in found]


def _draft(request) -> posts.Draft:
    data = request.POST
    return posts.Draft(name=data.get("name", ""), kind=data.get("kind", ""), lon=data.get("lon"),
                       lat=data.get("lat"))


@login_required
@require_POST
def try_post(request, code):
    """试算: the counts with one more post, and the grids it would move into a closer circle; nothing saved."""
    area = posts.circles_area(request.user, code)
    draft = _draft(request)
    try:
        trial = posts.trial(request.user, area, draft)
    except posts.PostRefused as error:
        return render(request, "patrols/circles/_trial.html", {"error": error.message})
    context = {"area": area, "trial": trial, "draft": draft, "rows": _trial_rows(trial),
               "may_place": posts.may_place(request.user, area.code),
               # An attribute, not a json_script: htmx drops script elements from what it swaps in.
               "overlay": json.dumps({"changed": trial.changed, "radii": trial.radii, "lon": draft.lon,
                                      "lat": draft.lat})}
    return render(request, "patrols/circles/_trial.html", context)


def _trial_rows(trial) -> list[dict]:
    """The area's totals within each circle and beyond, before and after the trial post."""
    before, after = trial.before.total, trial.after.total
    rows = [{"circle": limit, "label": Circle(limit).label, "before": before.within[limit],
             "after": after.within[limit]} for limit in CIRCLE_MINUTES]
    return rows + [{"circle": Circle.BEYOND, "label": Circle.BEYOND.label, "before": before.beyond,
                    "after": after.beyond}]


@login_required
@require_POST
def add_post(request, code):
    """Save the post tried on the map; a refusal is a message, with nothing saved."""
    area = posts.circles_area(request.user, code)
    try:
        post = posts.place(request.user, _draft(request))
    except posts.PostRefused as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("已设置快反处置点位“%(name)s”，处置圈已重新计算。") % {"name": post.name})
    return redirect("patrols:circles", code=area.code)


@login_required
@require_POST
def remove_post(request, pk):
    post = get_object_or_404(ResponsePost.objects.restrict(request.user), pk=pk)
    area = posts.circles_area(request.user, request.POST.get("area") or None)
    posts.remove(request.user, post)
    messages.success(request, _("已撤销快反处置点位“%(name)s”，处置圈已重新计算。") % {"name": post.name})
    return redirect("patrols:circles", code=area.code)
