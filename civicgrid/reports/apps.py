from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "civicgrid.reports"
    label = "reports"
    verbose_name = _("统计报表")

    def ready(self):
        from civicgrid.core.menu import register_entry

        from .services import READERS

        register_entry("reports:index", _("统计报表"), roles=READERS, order=30)
