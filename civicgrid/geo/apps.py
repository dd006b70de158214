from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeoConfig(AppConfig):
    name = "civicgrid.geo"
    label = "geo"
    verbose_name = _("地理与网格")

    def ready(self):
        from civicgrid.core.http import routers

        routers.register("/areas", "civicgrid.geo.api.router")
