"""The one way a case changes state: ``transition``. Pages, the API, Open311 and imports all call it.

A transition locks the case row, refuses a stale version, checks the step in ``workflow``, reads its input
by the step's schema, applies it in memory (``apply``: the registered function changes the case and the
records it touches) and hands it to the one writer (``writer.write``): the case, its records, a
``CaseEvent`` and the files, with the side effects (notices, messages) after the commit. Any refusal
raises a ``WorkflowError`` before anything is written; the transaction makes sure of it.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import BaseModel, ValidationError

from civicgrid.core.validators import control_problem

from . import actors, attachments, registry, steps, tally, workflow, writer
from .actors import Actor
from .choices import ApprovalStatus
from .models import Approval, Assignment, Case, CaseEvent
from .workflow import Action, InvalidInput, StaleCase
from .writer import Work

NOTE_MAX = 1000


def transition(case: Case | int, action: str, actor, *, version: int | None = None, assignment=None,
               note: str = "", files=(), now: datetime | None = None, **params) -> CaseEvent:
    """Take ``action`` on ``case`` as ``actor`` (a Staff, ``workflow.RESIDENT`` or ``workflow.SYSTEM``).

    ``params`` are the step's input by its schema's field names; records stand for their ids (a case for
    its number), so Python callers may pass a department or a case as they have it."""
    params.pop("decision", None)  # only ``decide`` answers requests
    return _transition(case, action, actor, version, assignment, note, files, now, params)


def _transition(case, action, actor, version, assignment, note, files, now, params, decision=None) -> CaseEvent:
    with transaction.atomic():
        case = _lock(case)
        _check_version(case, version)
        assignment = _lock_assignment(case, assignment)
        work = prepare(case, action, actor, assignment=assignment, note=note, files=files, now=now or timezone.now(),
                       params=params, decision=decision)
        return writer.write(work)


def prepare(case: Case, action: str, actor, *, assignment=None, note: str = "", files=(), now: datetime,
            params: dict, decision=None, lookups: writer.Lookups | None = None) -> Work:
    """A step checked and applied in memory, ready for the writer: who may take it, its note, files and input
    (refused with a ``WorkflowError`` before anything changes), then ``apply``."""
    files, note, lookups = list(files), (note or "").strip(), lookups or writer.Lookups()
    row = workflow.check(actor, action, case, assignment, state=not (decision and decision.refuse), lookups=lookups)
    _check_input(row, note, files)
    work = Work(case, assignment, actor, row, note, files, now, read_params(row, params), decision, lookups=lookups)
    apply(work)
    return work


def apply(work: Work) -> None:
    """The step in memory: settle the request it answers, if any (a refusal stops there), then its function."""
    if work.decision:
        steps.settle(work, work.decision)
    if work.decision and work.decision.refuse:
        work.action = Action.REFUSE
    else:
        work.row.run(work, work.params)
    tally.derive(work)
    if work.actor != workflow.SYSTEM:  # the sweep's marks must not make the page a user has open stale
        work.case.version += 1
    work.to_status = work.case.status
    work.label = actor_label(work.actor, work.assignment, work.case)


def apply_system(case: Case, action: str, now: datetime, assignment=None, lookups=None) -> Work:
    """A step the system takes on a case already locked (the sweep's 超期 and 黄灯提醒), applied in memory."""
    return prepare(case, action, workflow.SYSTEM, assignment=assignment, now=now, params={}, lookups=lookups)


def read_params(row: registry.Step, params: dict) -> BaseModel:
    """The step's input read by its schema; what does not fit is refused with the field it is about."""
    try:
        return row.params.model_validate(writer.ids(params))
    except ValidationError as error:
        problems = {_field(problem): _problem_text(row.params, problem) for problem in error.errors()}
        raise InvalidInput(next(iter(problems.values())), problems) from None


def _field(problem: dict) -> str:
    return str(problem["loc"][0]) if problem["loc"] else "params"


def _problem_text(schema, problem: dict) -> str:
    name = _field(problem)
    info = schema.model_fields.get(name)
    if name in getattr(schema, "messages", {}):
        return str(schema.messages[name])
    if info is None:
        return _("此操作没有“%(field)s”这一项。") % {"field": name}
    return _("“%(field)s”填写有误，请检查。") % {"field": info.title or name}


@dataclass(frozen=True)
class Decision:
    """An answer to a pending request, passed from ``decide`` to the step that settles it. ``approval`` is
    its id, or the request itself in a batch that has not written it yet (``Lookups.approval`` finds it)."""

    approval: int | Approval
    refuse: bool
    note: str


def decide(approval: Approval | int, approve: bool, actor, *, note: str = "", version: int | None = None,
           now: datetime | None = None) -> CaseEvent:
    """审批: carry out a pending request, or refuse it; only those who could take the action themselves decide."""
    approval = Approval.objects.select_related("case").get(pk=getattr(approval, "pk", approval))
    action, note, params, decision = answer(approval, approval.pk, approve, note)
    return _transition(approval.case_id, action, actor, version, approval.assignment_id, note, (), now, params,
                       decision)


def answer(approval: Approval, ref, approve: bool, note: str) -> tuple[str, str, dict, Decision]:
    """The step that answers ``approval``, its note (the request's reason unless the approver wrote one), its
    input (what the request asked for, so the approver grants exactly that) and the decision."""
    granted = {"amount": approval.amount, "unit": approval.unit} if approval.amount else {}
    return (registry.approver_action(approval.kind), note or approval.reason, granted,
            Decision(ref, refuse=not approve, note=note))


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


def _check_input(row: registry.Step, note: str, files: list) -> None:
    _check_note(row, note)
    if row.needs_files and not files:
        raise InvalidInput(_("“%(action)s”须上传现场照片。") % {"action": row.label}, {"files": _("请上传现场照片。")})
    problems = attachments.check(files)
    if problems:
        raise InvalidInput(next(iter(problems.values())), {f"files.{k}": v for k, v in problems.items()})


NOTE = gettext_lazy("说明")


def _check_note(row: registry.Step, note: str) -> None:
    if row.needs_note and not note:
        raise InvalidInput(_("“%(action)s”须填写说明。") % {"action": row.label}, {"note": _("请填写说明。")})
    message = control_problem(note, NOTE)  # lazy: translated only for a message, not for every step
    if len(note) > NOTE_MAX:
        message = _("说明最多 %(limit)d 个字，现有 %(n)d 个。") % {"limit": NOTE_MAX, "n": len(note)}
    if message:
        raise InvalidInput(message, {"note": message})


def actor_label(actor, assignment, case) -> Actor:
    """Who acted, as residents see it instead of a name: the resident, the department, the grid worker,
    or the centre (or office) the actor belongs to, which may be above the case's own centre."""
    if actor == workflow.RESIDENT:
        return Actor(actors.RESIDENT)
    if actor == workflow.SYSTEM or actor is None:
        return Actor(actors.SYSTEM)
    scope = actor.scope
    departments = [g.department for g in scope.grants if g.department_id]
    if assignment is not None and assignment.department in departments:
        return Actor(actors.DEPARTMENT, assignment.department.name)
    grant = scope.deepest_area_grant(case.area_code)
    if grant is not None:
        return Actor(grant.role, grant.area.name)
    if departments:
        return Actor(actors.DEPARTMENT, departments[0].name)
    return Actor(actors.CENTRE, case.centre_area.name)


def pending_approval(case: Case, kind: str, assignment=None) -> Approval | None:
    return Approval.objects.filter(case=case, kind=kind, assignment=assignment,
                                   status=ApprovalStatus.PENDING).first()
