"""巡逻防控: patrol zones, lines and points, teams and shifts, check-ins and routes; and the 1-3-5-minute response circles (快反处置圈) of the response posts."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PatrolsConfig(AppConfig):
    name = "civicgrid.patrols"
    label = "patrols"
    verbose_name = _("巡逻防控")

    def ready(self):
        from civicgrid.core import menu, worklist
        from civicgrid.core.http import errors, routers
        from civicgrid.orgs.choices import CENTRE_ROLES, GRID_ROLES, HEAD_ROLES, Role

        from . import worklist as patrol_tasks
        from .checkins import PatrolError
        from .posts import VIEWERS

        routers.register("/patrols", "civicgrid.patrols.api.router")
        errors.answer(PatrolError, lambda request, exc: (422, errors.body("refused", str(exc)), {}))
        # Who reads the day's patrols: the centres, the grid's staff and heads, inspectors and leaders; anyone
        # on a shift, whatever their role (a police officer, a volunteer), finds it on their task list.
        readers = {*CENTRE_ROLES, *GRID_ROLES, *HEAD_ROLES, Role.INSPECTOR, Role.LEADER, Role.ADMINISTRATOR}
        menu.register_entry("patrols:index", _("巡逻防控"), roles=readers, order=45)
        worklist.register_source("patrols.shifts", patrol_tasks.shifts_today, order=60)
        # The circles are read by the centres and leaders who decide where posts go, and administrators.
        menu.register_entry("patrols:circles_index", _("快反处置圈"), roles=VIEWERS, order=55)
