from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "civicgrid.cases"
    label = "cases"
    verbose_name = _("事项办理")

    def ready(self):
        from civicgrid.core.http import errors, routers

        from .refusals import answer_refusal
        from .workflow import WorkflowError

        routers.register("/categories", "civicgrid.cases.api.categories")
        routers.register("/cases", "civicgrid.cases.api.cases")
        routers.register("/assignments", "civicgrid.cases.api.assignments")
        errors.answer(WorkflowError, answer_refusal)
