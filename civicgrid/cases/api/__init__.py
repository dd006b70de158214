"""The JSON API's case routers: ``categories``, ``cases`` (with its steps, files and approvals) and
``assignments``, registered from ``CasesConfig.ready`` and mounted by ``civicgrid.api.api``."""

from . import actions  # noqa: F401  (adds the step, file and approval operations to ``cases``)
from .assignments import assignments
from .cases import cases
from .categories import categories

__all__ = ["assignments", "cases", "categories"]
