from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "civicgrid.dashboards"
    label = "dashboards"
    verbose_name = _("数据看板")

    def ready(self):
        from civicgrid.core import menu
        from civicgrid.orgs.choices import Role

        from . import views
        from .screen import VIEWERS

        # Those who decide from the figures open their home page on them; anyone with a scope may open the page.
        roles = {Role.LEADER, Role.SHIFT_LEAD, Role.DEPARTMENT_HEAD}
        menu.register_entry("dashboards:index", _("数据看板"), roles=roles, order=5)
        menu.register_panel("dashboards/home_panel.html", views.home_panel, roles=roles, order=1)
        menu.register_entry("dashboards:screen_index", _("指挥大屏"), roles=VIEWERS, order=61)
