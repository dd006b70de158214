"""The input schemas of the dispute's steps: one per step, read alike from the case page's form, the JSON API's
``params`` and the demo's batch. They check shapes and bounds; whether a value makes sense for this dispute
(a committee serving its area, a session not before it was filed) is the step's to say, in words."""

from datetime import date, datetime
from typing import ClassVar

from django.utils.translation import gettext_lazy as _
from pydantic import Field

from civicgrid.cases.inputs import StepInput
from civicgrid.core.http.shared import Id, text

from . import choices as c

MAX_MEDIATORS = 10


class DetailsIn(StepInput):
    """登记纠纷信息: what the dispute is about, besides its type (the category) and summary (the description)."""

    scale: c.Scale | None = Field(None, title=_("纠纷规模"))
    people_involved: int | None = Field(None, ge=1, le=100000, title=_("涉及人数"))
    organisations_involved: text(200) = Field("", title=_("涉及单位"))
    occurred_on: date | None = Field(None, title=_("发生日期"))
    source: c.Source | None = Field(None, title=_("纠纷来源"))
    referrer: c.Referrer | None = Field(None, title=_("移交委托单位"))
    messages: ClassVar[dict] = {"people_involved": _("涉及人数须为 1 到 100000 之间的整数。"),
                                "occurred_on": _("发生日期格式应为 2026-05-01。")}


class PartyIn(StepInput):
    """添加当事人: one party per step."""

    role: c.PartyRole | None = Field(None, title=_("当事人身份"))
    name: text(100) = Field("", title=_("姓名或名称"))
    id_type: c.IdType = Field(c.IdType.RESIDENT_ID, title=_("证件类型"))
    id_number: text(32) = Field("", title=_("证件号码"))
    sex: c.Sex | None = Field(None, title=_("性别"))
    ethnic_group: text(2) = Field("", title=_("民族"))
    address: text(200) = Field("", title=_("住址"))
    phone: text(11) = Field("", title=_("联系电话"))


class AcceptIn(StepInput):
    """受理: the committee that takes the dispute on, and how it is mediated."""

    committee: Id | None = Field(None, title=_("调解组织"))
    method: c.Method = Field(c.Method.PEOPLE, title=_("调解方式"))


class RouteIn(StepInput):
    """不予受理 or 调解不成: where the parties are pointed instead."""

    route: c.Route | None = Field(None, title=_("后续途径"))


class MediatorsIn(StepInput):
    """指派调解员: from the committee's pool."""

    mediators: list[Id] = Field(default_factory=list, max_length=MAX_MEDIATORS, title=_("承办调解员"))


class SessionIn(StepInput):
    """调解记录: one session."""

    held_at: datetime | None = Field(None, title=_("调解时间"))
    place: text(200) = Field("", title=_("调解地点"))
    mode: c.SessionMode = Field(c.SessionMode.IN_PERSON, title=_("调解形式"))
    participants: text(1000) = Field("", title=_("参加人员"))
    minutes: text(5000) = Field("", title=_("调解情况"))
    messages: ClassVar[dict] = {"held_at": _("调解时间格式应为 2026-05-01 09:30。")}


class TransferIn(StepInput):
    """三调联动 or 诉调对接: the kind of move, the method it moves to and the body on the other side."""

    kind: c.TransferKind | None = Field(None, title=_("衔接类型"))
    to_method: c.Method | None = Field(None, title=_("转入调解方式"))
    counterpart: text(100) = Field("", title=_("对接单位"))


class AgreementIn(StepInput):
    """达成调解协议 (written) or 口头协议登记: the facts, what was agreed and how it is to be performed."""

    facts: text(5000) = Field("", title=_("纠纷主要事实、争议事项"))
    terms: text(5000) = Field("", title=_("协议内容"))
    performance_terms: text(1000) = Field("", title=_("履行方式、时限"))
    signed_on: date | None = Field(None, title=_("签订日期"))
    messages: ClassVar[dict] = {"signed_on": _("签订日期格式应为 2026-05-01。")}


class PerformanceIn(StepInput):
    """履行情况."""

    performance: c.Performance | None = Field(None, title=_("履行情况"))


class ConfirmationIn(StepInput):
    """申请司法确认 or its result: the court, and (for the result) whether it confirmed the agreement."""

    court: text(100) = Field("", title=_("确认法院"))
    confirmation: c.Confirmation | None = Field(None, title=_("司法确认"))


class FollowUpIn(StepInput):
    """回访记录: when, what the mediator found of the agreement's performance."""

    visited_at: datetime | None = Field(None, title=_("回访时间"))
    performance: c.Performance | None = Field(None, title=_("履行情况"))
    findings: text(2000) = Field("", title=_("回访情况"))
    messages: ClassVar[dict] = {"visited_at": _("回访时间格式应为 2026-05-01 09:30。")}
