from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HazardsConfig(AppConfig):
    name = "civicgrid.hazards"
    label = "hazards"
    verbose_name = _("风险隐患")

    def ready(self):
        from civicgrid.cases.choices import CaseKind
        from civicgrid.cases.registry import register_kind
        from civicgrid.cases.spine import SPINE_LIMITS

        register_kind(CaseKind.HAZARD.value, CaseKind.HAZARD.label, record=None, limits=SPINE_LIMITS)
