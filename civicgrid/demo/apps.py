from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo city (榆林市): real divisions and county outlines, synthetic grids and demo staff."""

    name = "civicgrid.demo"
    label = "demo"
    verbose_name = _("演示数据")
