"""The command-centre screen's pages (指挥大屏): the full-screen page and the JSON its script polls.

Who may open which area's screen is the service's rule (``screen.screen_area``): centre staff and leaders,
inside their reach (404 outside it). The page draws nothing itself: its script asks ``refresh`` at once and
then every ``CIVICGRID_SCREEN_REFRESH_S`` seconds with the cursor of its last answer.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import screen


@login_required
@require_GET
def screen_index(request):
    """The screen of the user's own area."""
    return redirect("dashboards:screen", code=screen.screen_area(request.user).code)


@login_required
@require_GET
def screen_page(request, code):
    area = screen.screen_area(request.user, code)
    return render(request, "dashboards/screen.html", {
        "area": area,
        "refresh_url": reverse("dashboards:screen_refresh", args=[area.code]),
        "geojson_url": reverse("geo:area_geojson", args=[area.code]),
        "every": max(1, settings.CIVICGRID_SCREEN_REFRESH_S),
        "keep": screen.NEW_MAX,
    })


@never_cache
@login_required
@require_GET
def screen_refresh(request, code):
    """What changed since the cursor ``?since=`` (everything without one)."""
    area = screen.screen_area(request.user, code)
    return JsonResponse(screen.refresh(screen.where_of(area), request.GET.get("since")))
