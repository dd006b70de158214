"""The rhythm's entries in the staff menu, the grid worker's 今日零报告 block on the home page and their task list."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicgrid.core import worklist
from civicgrid.core.menu import register_entry, register_panel
from civicgrid.orgs.choices import CENTRE_ROLES, GRID_ROLES, HEAD_ROLES, Role

from . import zeroreports
from .talkdays import TALK_DAY_ROLES

READERS = {*CENTRE_ROLES, Role.MEDIATOR, Role.LEADER}


def register() -> None:
    register_entry("disputes:daily_index", _("日排查"), roles={*READERS, *GRID_ROLES, *HEAD_ROLES}, order=40)
    register_entry("disputes:weekly_index", _("周化解"), roles=READERS, order=41)
    register_entry("disputes:monthly_index", _("月研判"), roles={*READERS, Role.EVALUATOR}, order=42)
    register_entry("disputes:quarterly_index", _("季通报"), roles={*READERS, Role.EVALUATOR}, order=43)
    register_entry("disputes:talk_days", _("群众说事日"), roles={*TALK_DAY_ROLES, Role.MEDIATOR}, order=44)
    register_panel("disputes/rhythm/_zero_report_panel.html", zero_report_panel, roles=GRID_ROLES, order=10)
    worklist.register_source("disputes.zero_report", zeroreports.tasks, roles=GRID_ROLES, order=zeroreports.ORDER)


def zero_report_panel(request) -> dict | None:
    """Today's screening of each grid the user works as 网格员 or 网格长: reported, had disputes, or still to do."""
    grids = zeroreports.own_grids(request.user)
    if not grids:
        return None
    today = timezone.localdate()
    reported, found = zeroreports.standing(grids, today)
    return {"grids": [{"area": grid, "reported": grid.pk in reported, "disputes": grid.pk in found}
                      for grid in grids], "today": today}
