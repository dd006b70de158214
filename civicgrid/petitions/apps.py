from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "civicgrid.petitions"
    label = "petitions"
    verbose_name = _("信访")

    def ready(self):
        from civicgrid.cases.choices import CaseKind
        from civicgrid.cases.registry import register_kind
        from civicgrid.cases.spine import SPINE_LIMITS

        register_kind(CaseKind.PETITION.value, CaseKind.PETITION.label, record=None, limits=SPINE_LIMITS)
