from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "civicgrid.cases"
    label = "cases"
    verbose_name = _("事项办理")

    def ready(self):
        from civicgrid.core import worklist
        from civicgrid.core.http import errors, routers

        from . import checks, spine, waiting  # noqa: F401  (checks registers the start-up check)
        from .refusals import answer_refusal
        from .workflow import WorkflowError

        spine.register()
        routers.register("/categories", "civicgrid.cases.api.categories")
        routers.register("/cases", "civicgrid.cases.api.cases")
        routers.register("/assignments", "civicgrid.cases.api.assignments")
        errors.answer(WorkflowError, answer_refusal)
        worklist.register_source("cases.waiting", waiting.tasks, order=waiting.ORDER)
