"""The one way a case changes state: ``transition``. Pages, the API, Open311 and imports all call it.

A transition locks the case row, refuses a stale version, checks the table in ``workflow``, lets the
action's step (``steps``) change the case and its assignments, writes a ``CaseEvent`` and the files,
and schedules its side effects (notices, messages) for after the commit. Any refusal raises a
``WorkflowError`` before anything is written; the transaction makes sure of it.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.orgs.choices import CENTRE_ROLES, GRID_ROLES

from . import attachments, signals, steps, workflow
from .choices import ApprovalStatus
from .models import Approval, Assignment, Case, CaseEvent
from .workflow import Action, InvalidInput, StaleCase, staff_or_none

NOTE_MAX = 1000


@dataclass
class Step:
    """What a step function gets, and what it leaves for the event and the side effects."""

    case: Case
    assignment: Assignment | None
    actor: object
    row: workflow.Transition
    note: str
    files: list
    now: datetime
    params: dict
    data: dict = field(default_factory=dict)
    action: str = ""


def transition(case: Case | int, action: str, actor, *, version: int | None = None, assignment=None,
               note: str = "", files=(), now: datetime | None = None, **params) -> CaseEvent:
    """Take ``action`` on ``case`` as ``actor`` (a Staff, ``workflow.RESIDENT`` or ``workflow.SYSTEM``)."""
    params.pop("decision", None)  # only ``decide`` answers requests
    return _transition(case, action, actor, version, assignment, note, files, now, params)


def _transition(case, action, actor, version, assignment, note, files, now, params) -> CaseEvent:
    files, note = list(files), (note or "").strip()
    with transaction.atomic():
        case = _lock(case)
        _check_version(case, version)
        assignment = _lock_assignment(case, assignment)
        decision = params.get("decision")
        row = workflow.check(actor, action, case, assignment, state=not (decision and decision.refuse))
        _check_input(row, note, files)
        step = Step(case, assignment, actor, row, note, files, now or timezone.now(), params, action=action)
        from_status = case.status
        steps.run(step)
        return _record(step, from_status)


@dataclass(frozen=True)
class Decision:
    """An answer to a pending request, passed from ``decide`` to the step that settles it."""

    approval: int
    refuse: bool
    note: str


def decide(approval: Approval | int, approve: bool, actor, *, note: str = "", version: int | None = None,
           now: datetime | None = None) -> CaseEvent:
    """审批: carry out a pending request, or refuse it; only those who could take the action themselves decide."""
    approval = Approval.objects.select_related("case").get(pk=getattr(approval, "pk", approval))
    action = workflow.APPROVER_ACTION[approval.kind]
    decision = Decision(approval.pk, refuse=not approve, note=note)
    return _transition(approval.case_id, action, actor, version, approval.assignment_id, note or approval.reason,
                       (), now, {"decision": decision, **_granted(approval)})


def _granted(approval: Approval) -> dict:
    return {"amount": approval.amount, "unit": approval.unit} if approval.amount else {}


def _lock(case) -> Case:
    pk = getattr(case, "pk", case)
    try:
        # no_key: rows that only point at the case (events written by the sweep) need not wait for it.
        return Case.objects.select_for_update(no_key=True).select_related("centre_area", "category").get(pk=pk)
    except Case.DoesNotExist:
        raise InvalidInput(_("案件不存在。")) from None


def _check_version(case: Case, version) -> None:
    if version is not None and str(case.version) != str(version):
        raise StaleCase(_("案件 %(number)s 已被他人处理（当前为“%(state)s”），您的页面已过期，请刷新后再操作。") % {
            "number": case.number, "state": case.get_status_display()})


def _lock_assignment(case: Case, assignment) -> Assignment | None:
    if assignment is None:
        return None
    pk = getattr(assignment, "pk", assignment)
    found = Assignment.objects.select_for_update(no_key=True).filter(case=case, pk=pk).first()
    if found is None:
        raise InvalidInput(_("派遣单不属于案件 %(number)s。") % {"number": case.number})
    return found


def _check_input(row: workflow.Transition, note: str, files: list) -> None:
    label = Action(row.action).label
    if row.needs_note and not note:
        raise InvalidInput(_("“%(action)s”须填写说明。") % {"action": label}, {"note": _("请填写说明。")})
    if len(note) > NOTE_MAX:
        message = _("说明最多 %(limit)d 个字，现有 %(n)d 个。") % {"limit": NOTE_MAX, "n": len(note)}
        raise InvalidInput(message, {"note": message})
    if row.needs_files and not files:
        raise InvalidInput(_("“%(action)s”须上传现场照片。") % {"action": label}, {"files": _("请上传现场照片。")})
    problems = attachments.check(files)
    if problems:
        raise InvalidInput(next(iter(problems.values())), {f"files.{k}": v for k, v in problems.items()})


def _record(step: Step, from_status: str) -> CaseEvent:
    case = step.case
    case.version += 1
    case.save()
    event = CaseEvent.objects.create(
        case=case, assignment=step.assignment, action=step.action, actor=staff_or_none(step.actor),
        actor_label=actor_label(step.actor, step.assignment, case), from_status=from_status,
        to_status=case.status, note=step.note, data=step.data, created_at=step.now,
    )
    attachments.store(case, event, step.files, staff_or_none(step.actor))
    steps.lapse_stale_requests(step)
    signals.written([event])
    transaction.on_commit(lambda: _after(event.pk))
    return event


def _after(event_id: int) -> None:
    from .tasks import after_transition

    after_transition.enqueue(event_id)



def actor_label(actor, assignment, case) -> str:
    """Who acted, as residents see it instead of a name: the resident, the department, the grid worker,
    or the centre (or office) the actor belongs to, which may be above the case's own centre."""
    if actor == workflow.RESIDENT:
        return _("诉求人")
    if actor == workflow.SYSTEM or actor is None:
        return _("系统")
    scope = actor.scope
    departments = [g.department for g in scope.grants if g.department_id]
    if assignment is not None and assignment.department in departments:
        return assignment.department.name
    grant = scope.deepest_area_grant(case.area_code)
    if grant is None:
        return departments[0].name if departments else _("%(area)s综治中心") % {"area": case.centre_area.name}
    return _grant_label(grant)


def _grant_label(grant) -> str:
    if grant.role in GRID_ROLES:
        return _("网格员（%(grid)s）") % {"grid": grant.area.name}
    if grant.role in CENTRE_ROLES:
        return _("%(area)s综治中心") % {"area": grant.area.name}
    return f"{grant.area.name}{grant.get_role_display()}"


def pending_approval(case: Case, kind: str, assignment=None) -> Approval | None:
    return Approval.objects.filter(case=case, kind=kind, assignment=assignment,
                                   status=ApprovalStatus.PENDING).first()
