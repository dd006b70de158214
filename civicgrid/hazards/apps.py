from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HazardsConfig(AppConfig):
    name = "civicgrid.hazards"
    label = "hazards"
    verbose_name = _("风险隐患")

    def ready(self):
        from civicgrid.core import menu
        from civicgrid.orgs.choices import CENTRE_ROLES, DEPARTMENT_ROLES, GRID_ROLES, Role

        from . import services, views

        services.register_loop()
        # Who works hazards: the centres, the grid's staff and inspectors who find and check them, the
        # departments that supervise their fields, and the leaders who read the register.
        roles = {*CENTRE_ROLES, *GRID_ROLES, *DEPARTMENT_ROLES, Role.INSPECTOR, Role.LEADER, Role.ADMINISTRATOR}
        menu.register_entry("hazards:index", _("风险隐患清单"), roles=roles, order=40)
        menu.register_panel("hazards/home_panel.html", views.home_panel, roles=roles, order=40)
