from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Open311Config(AppConfig):
    name = "civicgrid.open311"
    label = "open311"
    verbose_name = _("Open311 接口")

    def ready(self):
        from civicgrid.core.http import interfaces

        from .render import not_found, rate_limited

        interfaces.answer_not_found("/open311/", not_found)
        interfaces.answer_rate_limited("/open311/", rate_limited)
