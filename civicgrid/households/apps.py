"""五级五长 and the households they look after (户), with the visits (走访) heads and grid workers make."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HouseholdsConfig(AppConfig):
    name = "civicgrid.households"
    label = "households"
    verbose_name = _("五级五长与走访")

    def ready(self):
        from civicgrid.core import menu, worklist
        from civicgrid.orgs.choices import Role

        from . import due, views
        from .choices import KEEPERS

        # The heads and grid staff keep and visit households; leaders and administrators read the coverage.
        menu.register_entry("households:index", _("包户走访"), roles={*KEEPERS, Role.LEADER, Role.ADMINISTRATOR},
                            order=20)
        menu.register_panel("households/home_panel.html", views.home_panel, roles=KEEPERS, order=20)
        worklist.register_source(due.SOURCE, due.visit_tasks, roles=KEEPERS, order=40)
