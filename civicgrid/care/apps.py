"""关爱帮扶: the support caseload for vulnerable residents, a service with consent and need-to-know access (docs/design.md)."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareConfig(AppConfig):
    name = "civicgrid.care"
    label = "care"
    verbose_name = _("关爱帮扶")

    def ready(self):
        from civicgrid.core import menu
        from civicgrid.orgs.choices import CENTRE_ROLES, GRID_ROLES, Role

        from . import tasklist

        tasklist.register()
        # Grid staff hold records; centre staff (programme officers among them) and leaders read the figures.
        menu.register_entry("care:list", _("关爱帮扶"), roles={*GRID_ROLES, *CENTRE_ROLES, Role.LEADER}, order=50)
