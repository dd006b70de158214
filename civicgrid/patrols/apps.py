"""巡逻防控: patrol zones, lines and points, teams and shifts, check-ins and routes; and the 1-3-5-minute response circles (快反处置圈) of the response posts."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PatrolsConfig(AppConfig):
    name = "civicgrid.patrols"
    label = "patrols"
    verbose_name = _("巡逻防控")

    def ready(self):
        from civicgrid.core import menu

        from .posts import VIEWERS

        # The circles are read by the centres and leaders who decide where posts go, and administrators.
        menu.register_entry("patrols:circles_index", _("快反处置圈"), roles=VIEWERS, order=55)
