"""What a resident sees of a case: the tracking page and Open311 both show exactly this.

- the steps registered as ``public`` (``public_actions``), each as who did it (the department or the
  centre, the event's ``by``; never a staff member's name), the step's name and its time;
- the text and the photos of the results (steps registered as ``result``: 处理反馈, 自行处置); no other notes;
- nothing of requests and approvals (申请/审批 of 作废, 回退, 延时, 挂账), 督办, 催办, 超期 or 补充说明,
  which are the centre's own business (a remark may carry whatever its writer typed, names included).

Each step says what it did in words residents may read (``describe``); the spine's wording is here.
"""

from django.utils.translation import gettext as _

from civicgrid.core.wording import clauses, listing

from . import registry
from .choices import Satisfaction, Status
from .models import Case, CaseEvent


def public_actions() -> frozenset:
    return frozenset(step.action for step in registry.steps() if step.public)


def result_actions() -> frozenset:
    return frozenset(step.action for step in registry.steps() if step.result)


def public_timeline(case: Case) -> list[dict]:
    """The case's events as residents see them (see the module's docstring for the rule)."""
    events = case.events.filter(action__in=public_actions()).prefetch_related("attachments")
    return [_public_event(event) for event in events]


def _public_event(event: CaseEvent) -> dict:
    result = event.action in result_actions()
    return {
        "at": event.created_at, "action": registry.label(event.action), "by": event.by,
        "detail": step_detail(event), "note": public_note(event),
        "files": list(event.attachments.all()) if result else [],
    }


def public_note(event: CaseEvent) -> str:
    """The event's own text if residents may read it: only a result's."""
    return event.note if event.action in result_actions() else ""


def step_detail(event: CaseEvent) -> str:
    """What a step did, in words residents may read: to whom it was dispatched, the rating given…"""
    step = registry.step(event.action)
    return step.describe(event.data or {}) if step and step.describe else ""


def dispatched(data: dict) -> str:
    return clauses([_("主办：%(d)s") % {"d": data.get("lead", "")},
                    _("协办：%(d)s") % {"d": listing(data["co"])} if data.get("co") else ""])


def summoned(data: dict) -> str:
    return _("增派：%(d)s") % {"d": listing(data.get("co", []))}


def escalated(data: dict) -> str:
    return _("转至%(centre)s综治中心") % {"centre": data.get("to_centre", "")}


def merged(data: dict) -> str:
    return _("与 %(number)s 合并办理") % {"number": data.get("original", "")}


def rated(data: dict) -> str:
    if data.get("satisfaction") in Satisfaction.values:
        return _("评价：%(label)s") % {"label": Satisfaction(data["satisfaction"]).label}
    return ""


def explanations() -> dict:
    """What each state means to a resident; built per request so the texts follow its language."""
    return {
        Status.REPORTED: _("已收到您的反映，等待综治中心受理。"),
        Status.REGISTERED: _("综治中心已受理，正在安排承办部门。"),
        Status.DISPATCHED: _("承办部门正在办理。"),
        Status.HANDLED: _("承办部门已办理完毕，等待现场核查。"),
        Status.VERIFIED: _("现场核查通过，等待结案。"),
        Status.CLOSED: _("已办结，请对办理结果作出评价。"),
        Status.RATED: _("已办结，感谢您的评价。"),
        Status.NO_CALLBACK: _("已办结。"),
        Status.SELF_RESOLVED: _("网格员已现场处置，请对处置结果作出评价。"),
        Status.VOIDED: _("经核实，该反映不予受理，已作废。如有疑问请拨打 12345 咨询。"),
    }
