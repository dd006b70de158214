from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "civicgrid.orgs"
    label = "orgs"
    verbose_name = _("机构与人员")

    def ready(self):
        from civicgrid.core import menu
        from civicgrid.core.http import routers
        from civicgrid.geo import panels

        from .services import staff_panel

        routers.register("/departments", "civicgrid.orgs.api.router")
        routers.register("/tasks", "civicgrid.orgs.api.tasks")
        panels.register("orgs/_area_staff.html", staff_panel)
        menu.register_entry("tasks", _("我的任务"), order=0)
