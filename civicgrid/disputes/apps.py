from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisputesConfig(AppConfig):
    name = "civicgrid.disputes"
    label = "disputes"
    verbose_name = _("矛盾纠纷调解")

    def ready(self):
        from civicgrid.cases.choices import CaseKind
        from civicgrid.cases.registry import register_kind
        from civicgrid.cases.spine import SPINE_LIMITS

        register_kind(CaseKind.DISPUTE.value, CaseKind.DISPUTE.label, record=None, limits=SPINE_LIMITS)
        from . import rhythm_menu

        rhythm_menu.register()
