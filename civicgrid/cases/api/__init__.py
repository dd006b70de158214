"""The JSON API's case routers: ``categories``, ``cases`` (with its steps, files and approvals) and
``assignments``, registered from ``CasesConfig.ready`` and mounted by ``civicgrid.api.api``."""

from . import actions, personal  # noqa: F401  (add the step, file, approval and reveal operations to ``cases``)
from .assignments import assignments
from .cases import cases
from .categories import categories

__all__ = ["assignments", "cases", "categories"]
