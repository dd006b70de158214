"""The rhythm's entries in the staff menu and the grid worker's 今日零报告 block on the home page."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicgrid.core.menu import register_entry, register_panel
from civicgrid.geo.choices import AreaLevel
from civicgrid.orgs.choices import CENTRE_ROLES, GRID_ROLES, HEAD_ROLES, Role

from . import rhythm
from .models import ZeroReport
from .talkdays import TALK_DAY_ROLES

READERS = {*CENTRE_ROLES, Role.MEDIATOR, Role.LEADER}


def register() -> None:
    register_entry("disputes:daily_index", _("日排查"), roles={*READERS, *GRID_ROLES, *HEAD_ROLES}, order=40)
    register_entry("disputes:weekly_index", _("周化解"), roles=READERS, order=41)
    register_entry("disputes:monthly_index", _("月研判"), roles={*READERS, Role.EVALUATOR}, order=42)
    register_entry("disputes:quarterly_index", _("季通报"), roles={*READERS, Role.EVALUATOR}, order=43)
    register_entry("disputes:talk_days", _("群众说事日"), roles={*TALK_DAY_ROLES, Role.MEDIATOR}, order=44)
    register_panel("disputes/rhythm/_zero_report_panel.html", zero_report_panel, roles=GRID_ROLES, order=10)


def zero_report_panel(request) -> dict | None:
    """Today's screening of each grid the user works as 网格员 or 网格长: reported, had disputes, or still to do."""
    grids = [grant.area for grant in request.user.scope.holding(GRID_ROLES)
             if grant.area_id and grant.area.level == AreaLevel.GRID]
    if not grids:
        return None
    today = timezone.localdate()
    reported = set(ZeroReport.objects.filter(grid__in=grids, day=today).values_list("grid_id", flat=True))
    start, end = rhythm.day_bounds(today)
    found = set(rhythm.disputes("").filter(area__in=grids, reported_at__gte=start, reported_at__lt=end)
                .values_list("area_id", flat=True))
    return {"grids": [{"area": grid, "reported": grid.pk in reported, "disputes": grid.pk in found}
                      for grid in grids], "today": today}
