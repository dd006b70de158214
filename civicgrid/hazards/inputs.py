"""The input schemas of the hazard's steps: one each for the page form, the JSON API's ``params`` and the demo.

They check shapes and bounds; whether a value makes sense for the hazard (a field that is in use, a deadline
not in the past, a grade that changes) is the step's to say, in words (``steps.py``).
"""

from datetime import date
from typing import ClassVar

from django.utils.translation import gettext_lazy as _
from pydantic import Field

from civicgrid.cases.inputs import StepInput
from civicgrid.core.http.shared import Id, text

from .choices import Grade

REASON_MAX = 500
MEASURES_MAX = 1000


class RecordIn(StepInput):
    """登记隐患: what the hazard is and who answers for it."""

    field: Id | None = Field(None, title=_("隐患领域"))
    place: text(100) = Field("", title=_("隐患部位或单位"))
    responsible_unit: text(100) = Field("", title=_("责任单位"))
    responsible_person: text(50) = Field("", title=_("责任人"))
    responsible_phone: text(20) = Field("", title=_("责任人电话"))


class GradeIn(StepInput):
    """评定等级 and every later change of grade: the grade and why."""

    grade: Grade | None = Field(None, title=_("风险等级"))
    reason: text(REASON_MAX) = Field("", title=_("定级理由"))
    messages: ClassVar[dict] = {"grade": _("请选择风险等级：红色、橙色、黄色或蓝色。")}


class OrderIn(StepInput):
    """下达整改: the measures and, when not the 整改 stage's limit, the deadline (a date)."""

    measures: text(MEASURES_MAX) = Field("", title=_("整改措施"))
    deadline: date | None = Field(None, title=_("整改期限"))
    messages: ClassVar[dict] = {"deadline": _("整改期限应为日期，如 2026-06-30。")}
