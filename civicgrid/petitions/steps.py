"""The petition's steps, registered with the loop (``apps.py`` calls ``register``).

确定包案领导, 制定化解方案, 记录接访下访, 列为积案 / 撤销积案, 办结, 记录信访人认可 and the petition's own 结案,
which refuses while the petitioner's acknowledgement is not recorded. Each is a function ``step(work, params)``
that works in memory (``docs/extending.md``): it checks what its schema cannot, in a sentence naming the field,
before it changes anything, and hands the records it changes to ``work.save``.
"""

from datetime import date
from typing import ClassVar

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import Field

from civicgrid.cases import steps as spine_steps
from civicgrid.cases.choices import Stage
from civicgrid.cases.choices import Status as S
from civicgrid.cases.inputs import StepInput
from civicgrid.cases.registry import NoParams
from civicgrid.cases.workflow import InvalidInput
from civicgrid.cases.writer import side_record
from civicgrid.core.http.shared import Id, text
from civicgrid.orgs.choices import Role
from civicgrid.orgs.models import Staff
from civicgrid.orgs.scope import acts_at

from .choices import Acknowledgement, Outcome, VisitKind
from .models import LINE_MAX, TEXT_MAX, Petition, Visit

KIND = "petition"
SETTLE = "settle"  # the stage of 办结: 60 days by the 信访工作条例 (2022), article 32
ASSIGN_LEADER, SET_PLAN, RECORD_VISIT = "assign_leader", "set_plan", "record_visit"
MARK_BACKLOG, CLEAR_BACKLOG = "mark_backlog", "clear_backlog"
SETTLE_PETITION, ACKNOWLEDGE, CLOSE_PETITION = "settle_petition", "acknowledge_petition", "close_petition"
NOTES_MAX = 1000


# ---- the record


def petition(work) -> Petition:
    """The case's petition record, read or made; a new one starts the 办结 clock from the day it came in."""
    record = work.record()
    if record.due_at is None:
        case = work.case
        record.matter = record.matter or case.title
        work.lookups.start(record, case.reported_at, SETTLE, case.category, case.priority)
    return record


def filed_on(case) -> date:
    return timezone.localdate(case.reported_at)


def _refuse(field: str, message: str):
    raise InvalidInput(message, {field: message})


def _check_day(field: str, day: date, label: str, work, earliest: date, earliest_label: str) -> None:
    """A day that has happened: not after today, not before ``earliest`` (the petition, the settlement)."""
    if day > timezone.localdate(work.now):
        _refuse(field, _("%(label)s不能晚于今天。") % {"label": label})
    if day < earliest:
        _refuse(field, _("%(label)s不能早于%(what)s（%(day)s）。") % {
            "label": label, "what": earliest_label, "day": earliest.isoformat()})


# ---- 确定包案领导


class LeaderIn(StepInput):
    """确定包案领导: the staff member who owns the petition; a 领导 whose area reaches the case."""

    leader: Id | None = Field(None, title=gettext_lazy("包案领导"))


def assign_leader(work, params: LeaderIn) -> None:
    leader = _leader(work.case, params.leader)
    record = petition(work)
    if record.leader_id == leader.pk:
        _refuse("leader", _("%(name)s 已是本件的包案领导。") % {"name": leader})
    record.leader, record.leader_since = leader, work.now
    work.data.update(leader=leader, leader_name=str(leader))


def _leader(case, pk) -> Staff:
    """The chosen leader, refused unless they hold the 领导 role at a node that reaches the case."""
    if pk is None:
        _refuse("leader", _("请选择包案领导。"))
    found = Staff.objects.filter(pk=pk, is_active=True).first()
    if found is None:
        _refuse("leader", _("所选包案领导不存在。"))
    leading = found.scope.holding({Role.LEADER})
    if not leading:
        _refuse("leader", _("%(name)s 没有“领导”角色，不能担任包案领导。") % {"name": found})
    if not any(acts_at(grant, case.area_code) for grant in leading):
        _refuse("leader", _("%(name)s 的领导职责范围不包括案件所在区域，不能担任包案领导。") % {"name": found})
    return found


# ---- 制定化解方案


class PlanIn(StepInput):
    """制定化解方案: the plan to settle the matter, and the petitioner's demands as staff have understood them."""

    plan: text(TEXT_MAX) = Field("", title=gettext_lazy("化解方案"))
    matter: text(TEXT_MAX) = Field("", title=gettext_lazy("信访事项"))


def set_plan(work, params: PlanIn) -> None:
    plan = params.plan.strip()
    if not plan:
        _refuse("plan", _("请填写化解方案。"))
    record = petition(work)
    replaced = bool(record.plan)
    record.plan, record.plan_set_at = plan, work.now
    record.matter = params.matter.strip() or record.matter
    work.data.update(plan=plan, replaced=replaced)


# ---- 记录接访下访


class VisitIn(StepInput):
    """记录接访下访: one reception or home visit, and the next one planned."""

    kind: VisitKind | None = Field(None, title=gettext_lazy("方式"))
    visited_on: date | None = Field(None, title=gettext_lazy("日期"))
    visitors: text(LINE_MAX) = Field("", title=gettext_lazy("接访（走访）人员"))
    place: text(LINE_MAX) = Field("", title=gettext_lazy("地点"))
    notes: text(NOTES_MAX) = Field("", title=gettext_lazy("情况记录"))
    next_visit_on: date | None = Field(None, title=gettext_lazy("下次走访日期"))
    messages: ClassVar[dict] = {"visited_on": gettext_lazy("请按“年-月-日”填写接访（走访）日期。"),
                                "next_visit_on": gettext_lazy("请按“年-月-日”填写下次走访日期。")}


def record_visit(work, params: VisitIn) -> None:
    _check_visit(work, params)
    record = petition(work)
    visit = Visit(petition=record, kind=params.kind, visited_on=params.visited_on, visitors=params.visitors.strip(),
                  place=params.place.strip(), notes=params.notes.strip(), recorded_by=work.actor,
                  recorded_at=work.now)
    record.next_visit_on = params.next_visit_on
    work.save(visit)
    work.data.update(visit=visit, kind=params.kind, visited_on=params.visited_on.isoformat(),
                     next_visit_on=params.next_visit_on.isoformat() if params.next_visit_on else "")


def _check_visit(work, params: VisitIn) -> None:
    if params.kind is None:
        _refuse("kind", _("请选择接访或下访。"))
    if params.visited_on is None:
        _refuse("visited_on", _("请填写接访（走访）日期。"))
    _check_day("visited_on", params.visited_on, _("接访（走访）日期"), work, filed_on(work.case), _("信访登记日期"))
    for name, label in (("visitors", _("接访（走访）人员")), ("place", _("地点"))):
        if not getattr(params, name).strip():
            _refuse(name, _("请填写%(label)s。") % {"label": label})
    if params.next_visit_on is not None and params.next_visit_on < timezone.localdate(work.now):
        _refuse("next_visit_on", _("下次走访日期不能早于今天。"))


# ---- 列为积案 / 撤销积案


class BacklogIn(StepInput):
    """列为积案: since when the matter has stood unresolved, and why."""

    since: date | None = Field(None, title=gettext_lazy("列为积案日期"))
    reason: text(TEXT_MAX) = Field("", title=gettext_lazy("积案原因"))
    messages: ClassVar[dict] = {"since": gettext_lazy("请按“年-月-日”填写列为积案日期。")}


def mark_backlog(work, params: BacklogIn) -> None:
    if params.since is None:
        _refuse("since", _("请填写列为积案日期。"))
    _check_day("since", params.since, _("列为积案日期"), work, filed_on(work.case), _("信访登记日期"))
    if not params.reason.strip():
        _refuse("reason", _("请填写积案原因。"))
    record = petition(work)
    record.backlog, record.backlog_since, record.backlog_reason = True, params.since, params.reason.strip()
    work.data.update(since=params.since.isoformat(), reason=record.backlog_reason)


def clear_backlog(work, params: NoParams) -> None:
    record = petition(work)
    record.backlog, record.backlog_since, record.backlog_reason = False, None, ""


def in_backlog(case, lookups=None) -> str:
    """列为积案's guard: a petition is marked once."""
    return _("信访事项 %(number)s 已列为积案。") % {"number": case.number} if _backlog(case, lookups) else ""


def not_in_backlog(case, lookups=None) -> str:
    """撤销积案's guard: only a petition in the backlog leaves it."""
    return "" if _backlog(case, lookups) else _("信访事项 %(number)s 未列为积案。") % {"number": case.number}


def _backlog(case, lookups) -> bool:
    return bool(_record(case, lookups).backlog)


def _record(case, lookups) -> Petition:
    """The record a guard reads: from the step's lookups (a batch's memory), or for the case page's buttons
    from the database, once per page (every guard of the page asks)."""
    return side_record(case, lookups)


# ---- 办结, 记录信访人认可, 结案


class SettleIn(StepInput):
    """办结: how the matter was settled, and the account of it."""

    outcome: Outcome | None = Field(None, title=gettext_lazy("办结结果"))
    account: text(TEXT_MAX) = Field("", title=gettext_lazy("化解情况"))


def settle(work, params: SettleIn) -> None:
    """办结: the matter is settled for now; the petitioner's word is asked next (a new settlement asks again)."""
    if params.outcome is None:
        _refuse("outcome", _("请选择办结结果。"))
    if not params.account.strip():
        _refuse("account", _("请填写化解情况。"))
    record = petition(work)
    record.settled_at, record.outcome, record.account = work.now, params.outcome, params.account.strip()
    record.acknowledged_how, record.acknowledged_on, record.acknowledged_words = "", None, ""
    work.case.status = S.VERIFIED
    work.lookups.start(work.case, work.now, Stage.CLOSE, work.case.category, work.case.priority)
    work.data.update(outcome=params.outcome)


class AcknowledgementIn(StepInput):
    """记录信访人认可: how and when the petitioner said the matter is settled for them, in their words."""

    how: Acknowledgement | None = Field(None, title=gettext_lazy("认可方式"))
    on: date | None = Field(None, title=gettext_lazy("认可日期"))
    words: text(TEXT_MAX) = Field("", title=gettext_lazy("信访人意见"))
    messages: ClassVar[dict] = {"on": gettext_lazy("请按“年-月-日”填写认可日期。")}


def acknowledge(work, params: AcknowledgementIn) -> None:
    record = petition(work)
    if params.how is None:
        _refuse("how", _("请选择信访人认可的方式。"))
    if params.on is None:
        _refuse("on", _("请填写认可日期。"))
    settled_on = timezone.localdate(record.settled_at) if record.settled_at else filed_on(work.case)
    _check_day("on", params.on, _("认可日期"), work, settled_on, _("办结日期"))
    if not params.words.strip():
        _refuse("words", _("请记录信访人的原话或意见。"))
    record.acknowledged_how, record.acknowledged_on = params.how, params.on
    record.acknowledged_words = params.words.strip()
    work.data.update(how=params.how, on=params.on.isoformat())


def close(work, params: NoParams) -> None:
    """结案 as the spine closes a case, once the petitioner's acknowledgement is on record (the guard)."""
    spine_steps.close(work, params)


def unacknowledged(case, lookups=None) -> str:
    """结案's guard: a petition closes only with the petitioner's acknowledgement recorded."""
    if _record(case, lookups).acknowledged:
        return ""
    return _("信访事项 %(number)s 尚未记录信访人的认可（认可方式、日期和信访人意见），不能结案。") % {"number": case.number}
