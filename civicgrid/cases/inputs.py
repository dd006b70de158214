"""The input schemas of the spine's steps: one per step that takes more than a note and files.

The same schema reads the case page's form, the JSON API's ``params`` and an import's row
(``registry.Step.params``). It checks shapes and bounds; whether a value makes sense for the case (a
department that serves its area, an open original to merge into) is the step's to say, in words.
"""

from typing import Annotated, ClassVar

from django.utils.translation import gettext_lazy as _
from pydantic import ConfigDict, Field

from civicgrid.core.choices import TimeUnit
from civicgrid.core.http.shared import Id, Input, text
from civicgrid.geo.choices import CoordinateSystem

from .choices import Satisfaction
from .schemas import CaseNumber

Longitude = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]
Latitude = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
MAX_DEPARTMENTS = 20


class StepInput(Input):
    """A step's input: unknown fields are refused; a value that does not fit is refused with ``messages``
    for its field, or a sentence naming the field by its ``title``."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)
    messages: ClassVar[dict] = {}


class DispatchIn(StepInput):
    """派遣: the lead department and any co-departments."""

    lead: Id | None = Field(None, title=_("主办部门"))
    co: list[Id] = Field(default_factory=list, max_length=MAX_DEPARTMENTS, title=_("协办部门"))


class SummonIn(StepInput):
    """吹哨增派: the departments that join."""

    co: list[Id] = Field(default_factory=list, max_length=MAX_DEPARTMENTS, title=_("增派部门"))


class MergeIn(StepInput):
    """合并: the number of the open case this one duplicates."""

    original: CaseNumber | None = Field(None, title=_("原案件编号"))


class CallbackIn(StepInput):
    """回访: the resident's rating."""

    satisfaction: Satisfaction | None = Field(None, title=_("回访评价"))


class ExtensionIn(StepInput):
    """申请延时 and 延时: how much longer."""

    amount: int | None = Field(None, ge=1, le=365, title=_("延长工作日"))
    unit: TimeUnit | None = Field(None, title=_("单位"))
    messages: ClassVar[dict] = {"amount": _("请填写延长的天数（整数）。")}


class PlaceIn(StepInput):
    """定位: the point, in the coordinate system it was read in."""

    longitude: Longitude | None = Field(None, title=_("经度"))
    latitude: Latitude | None = Field(None, title=_("纬度"))
    system: CoordinateSystem | None = Field(None, title=_("坐标系"))
    messages: ClassVar[dict] = {"longitude": _("请填写有效的经度和纬度。"), "latitude": _("请填写有效的经度和纬度。")}


class CommentIn(StepInput):
    """补充说明: where a remark came from (an Open311 client's own id for it), to tell a retry from a second remark."""

    via: text(100) = Field("", title=_("来源"))
    reference: text(100) = Field("", title=_("来源编号"))
