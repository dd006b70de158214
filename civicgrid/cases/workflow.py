"""Who may take which step of the one loop now (DESIGN.md, "The one loop").

The rows (from-states, to-state, roles) are registered steps (``registry``; the spine's own in ``spine.py``).
Nothing else in civicgrid decides whether a step is allowed: ``services.transition`` asks ``check``;
pages and the API ask ``available`` to show only the buttons the user may press.

Who may act depends on where their role sits:
- centre roles (受理员, 派遣员, 值班长) act for the centre handling the case or a centre above it;
- department roles act on their own department's assignment;
- grid roles, the 监督员 (inspector) and leaders act on cases inside their area;
- ``resident`` is the person who reported, via the tracking page (no login).
"""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.codes import LEVEL_LENGTHS
from civicgrid.orgs.choices import CENTRE_ROLES, DEPARTMENT_ROLES, GRID_ROLES, Role
from civicgrid.orgs.scope import acts_at

from . import registry
from .choices import OPEN_STATUSES
from .choices import AssignmentStatus as A
from .choices import Status as S

RESIDENT = "resident"
SYSTEM = "system"


class Action(models.TextChoices):
    """操作: the codes of the spine's own steps and events (``spine.py``); other apps register more."""

    REPORT = "report", _("上报")
    REGISTER = "register", _("立案")
    REQUEST_VOID = "request_void", _("申请作废")
    VOID = "void", _("作废")
    SELF_RESOLVE = "self_resolve", _("自行处置")
    MERGE = "merge", _("合并重复件")
    PLACE = "place", _("定位")
    DISPATCH = "dispatch", _("派遣")
    SUMMON = "summon", _("吹哨增派")
    ESCALATE = "escalate", _("上报上级中心")
    ACCEPT = "accept", _("签收")
    REQUEST_RETURN = "request_return", _("申请回退")
    RETURN = "return", _("回退")
    HANDLE = "handle", _("处理反馈")
    REQUEST_EXTENSION = "request_extension", _("申请延时")
    EXTEND = "extend", _("延时")
    REQUEST_SUSPENSION = "request_suspension", _("申请挂账")
    SUSPEND = "suspend", _("挂账")
    RESUME = "resume", _("解除挂账")
    VERIFY = "verify", _("核查通过")
    REJECT = "reject", _("核查不通过")
    CLOSE = "close", _("结案")
    REWORK = "rework", _("返工")
    CALLBACK = "callback", _("回访")
    NO_CALLBACK = "no_callback", _("无需回访")
    SUPERVISE = "supervise", _("督办")
    REMIND = "remind", _("催办")
    REFUSE = "refuse", _("驳回申请")
    COMMENT = "comment", _("补充说明")
    OVERDUE = "overdue", _("超期")


CENTRE = frozenset(CENTRE_ROLES)
DISPATCHERS = frozenset({Role.DISPATCHER, Role.SHIFT_LEAD})
DEPARTMENT = frozenset(DEPARTMENT_ROLES)
# 核查 on site: the grid's own staff, and the 监督员 of GB/T 30428 wherever their area reaches.
VERIFIERS = frozenset({*GRID_ROLES, Role.INSPECTOR})
OPEN = frozenset(OPEN_STATUSES)
ACTIVE = frozenset({A.DISPATCHED, A.ACCEPTED})
PRE_DISPATCH = frozenset({S.REPORTED, S.REGISTERED})
IN_HAND = frozenset({S.REGISTERED, S.DISPATCHED})
# Everyone in reach of an open case may add a remark to it: the reporter, and any staff role whose scope
# (or, for departments, whose live assignment) reaches it; ``roles_of`` decides the reach.
REMARKERS = frozenset({RESIDENT, *Role.values})


class WorkflowError(Exception):
    """A step refused; ``message`` says why in the user's language and nothing was changed."""

    def __init__(self, message: str, errors: dict | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


class NotAllowed(WorkflowError):
    pass


class WrongState(WorkflowError):
    pass


class StaleCase(WorkflowError):
    pass


class InvalidInput(WorkflowError):
    pass


class NotGranted(InvalidInput):
    """Input the caller may not give: an urgent priority or an ID number from a filer without the right."""


def row(action: str, kind: str | None = None) -> registry.Step:
    """The registered step ``action`` that anyone may take (on a case of ``kind``, when given)."""
    found = registry.step(action)
    if found is None or not found.takeable or kind is not None and not found.applies_to(kind):
        raise InvalidInput(gettext("没有“%(action)s”这个操作。") % {"action": action})
    return found


def check(actor, action: str, case, assignment=None, state: bool = True, lookups=None) -> registry.Step:
    """The row for ``action`` if ``actor`` may take it now; otherwise WrongState or NotAllowed.

    ``state=False`` checks only who may act: refusing a request is always possible for its approver,
    even when the case has moved on. ``lookups`` is handed to the step's guard."""
    step = row(action, case.kind)
    if state:
        _check_state(step, case, assignment)
        _check_guard(step, case, lookups)
        _check_suspended(step, case)
    if not step.roles & roles_of(actor, case, assignment):
        raise NotAllowed(gettext("您没有权限对案件 %(number)s 执行“%(action)s”。") % {
            "number": case.number, "action": step.label})
    return step


def _check_state(step: registry.Step, case, assignment) -> None:
    if step.on_assignment and assignment is None:
        raise InvalidInput(gettext("“%(action)s”须指定派遣单。") % {"action": step.label})
    state = assignment.status if step.on_assignment else case.status
    if state not in step.sources or case.status not in OPEN_STATUSES and step.on_assignment:
        label = assignment.get_status_display() if step.on_assignment else case.get_status_display()
        raise WrongState(gettext("案件 %(number)s 当前为“%(state)s”，不能“%(action)s”。请刷新页面查看最新状态。") % {
            "number": case.number, "state": label, "action": step.label})
    if step.action in SUSPENSION_GUARDED and (case.suspended_at is None) == (step.action == Action.RESUME):
        raise WrongState(gettext("案件 %(number)s %(state)s，不能“%(action)s”。") % {
            "number": case.number, "state": gettext("未挂账") if case.suspended_at is None else gettext("已挂账"),
            "action": step.label})


SUSPENSION_GUARDED = {Action.REQUEST_SUSPENSION, Action.SUSPEND, Action.RESUME}
# While a case is suspended (挂账) its work stands still: only these steps are open.
WHILE_SUSPENDED = {Action.RESUME, Action.VOID, Action.REQUEST_VOID, Action.SUPERVISE, Action.REMIND,
                   Action.ESCALATE, Action.COMMENT}


def _check_suspended(step: registry.Step, case) -> None:
    if case.suspended_at is not None and step.action not in WHILE_SUSPENDED | SUSPENSION_GUARDED:
        raise WrongState(gettext("案件 %(number)s 已挂账，请先解除挂账再“%(action)s”。") % {
            "number": case.number, "action": step.label})


def _check_guard(step: registry.Step, case, lookups) -> None:
    problem = step.guard(case, lookups) if step.guard else ""
    if problem:
        raise WrongState(problem)


def unplaced(case, lookups=None) -> str:
    """定位's guard: it is for cases filed by address alone, which sit at an area above the grids."""
    if len(case.area_code) >= LEVEL_LENGTHS[AreaLevel.GRID]:
        return gettext("案件 %(number)s 已定位到网格，无需再定位。") % {"number": case.number}
    return ""


def roles_of(actor, case, assignment=None) -> set[str]:
    """The roles ``actor`` holds for this case (and assignment): the resident marker, or staff roles in reach."""
    if actor in (RESIDENT, SYSTEM):
        return {actor}
    if actor is None or not getattr(actor, "is_authenticated", False):
        return set()
    return {grant.role for grant in actor.scope.grants if _reaches(grant, case, assignment)}


def staff_or_none(actor):
    """The staff member behind ``actor``; None for residents, the system and anonymous visitors."""
    return actor if getattr(actor, "is_authenticated", False) else None


def _reaches(grant, case, assignment) -> bool:
    """Department roles reach through their department's live assignment; the others by scope
    (``orgs.scope.acts_at``): centre roles at the centre handling the case, the rest at the case's area."""
    if grant.role in DEPARTMENT_ROLES:
        if assignment is not None:
            return grant.department_id == assignment.department_id
        return any(a.department_id == grant.department_id for a in _active_assignments(case))
    return acts_at(grant, case.centre_area.code if grant.role in CENTRE_ROLES else case.area_code)


def _active_assignments(case) -> list:
    cached = case.__dict__.get("_active_assignments")
    if cached is None:
        cached = list(case.assignments.filter(status__in=ACTIVE)) if case.pk else []
        case.__dict__["_active_assignments"] = cached
    return cached


def known_assignments(case, assignments) -> None:
    """Tell the checks a case's assignments, for a case a batch keeps in memory (the database has none yet)."""
    case.__dict__["_active_assignments"] = [a for a in assignments if a.status in ACTIVE]


def available(user, case, assignments=()) -> list[tuple[registry.Step, object]]:
    """The (step, assignment) pairs ``user`` may take now, in registration order, for showing as buttons."""
    found = []
    for step in (s for s in registry.steps() if s.offered and s.takeable and s.applies_to(case.kind)):
        for assignment in (assignments if step.on_assignment else [None]):
            try:
                check(user, step.action, case, assignment)
            except WorkflowError:
                continue
            found.append((step, assignment))
    return found
