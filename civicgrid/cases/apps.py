from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "civicgrid.cases"
    label = "cases"
    verbose_name = _("事项办理")

    def ready(self):
        from . import checks, spine  # noqa: F401  (checks registers the start-up check)

        spine.register()
