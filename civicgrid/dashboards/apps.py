from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "civicgrid.dashboards"
    label = "dashboards"
    verbose_name = _("数据看板")

    def ready(self):
        from civicgrid.core import menu

        from .screen import VIEWERS

        menu.register_entry("dashboards:screen_index", _("指挥大屏"), roles=VIEWERS, order=61)
