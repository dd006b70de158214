from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HouseholdsConfig(AppConfig):
    name = "civicgrid.households"
    label = "households"
    verbose_name = _("五级五长与走访")
