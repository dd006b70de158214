"""What each action does to a case and its assignments, once ``services.transition`` has allowed it.

One function per action, named after it. A step validates its own parameters before it changes
anything and raises ``InvalidInput`` if they are wrong; it never saves the case (``transition`` does,
with the version bump) but may save assignments and approvals it creates.
"""

from django.utils.translation import gettext as _

from civicgrid.core.choices import TimeUnit
from civicgrid.geo.choices import AreaLevel, CoordinateSystem
from civicgrid.geo.coords import CoordinateError, to_wgs84
from civicgrid.geo.locator import get_index
from civicgrid.geo.models import Area
from civicgrid.orgs.models import Department

from . import deadlines
from .choices import (
    ACTIVE_ASSIGNMENT_STATUSES,
    OPEN_STATUSES,
    ApprovalStatus,
    AssignmentRole,
    Satisfaction,
    Stage,
)
from .choices import (
    AssignmentStatus as A,
)
from .choices import (
    Status as S,
)
from .intake import handling_centre
from .models import Approval, Assignment, Case, CaseFollower
from .routing import serving_departments
from .workflow import APPROVER_ACTION, TABLE, Action, InvalidInput

MAX_EXTENSION_DAYS = 30


def run(step) -> None:
    decision = step.params.get("decision")
    if decision:
        _settle(step, decision)
        if decision.refuse:
            step.action = Action.REFUSE
            return
    if step.row.approval:
        return request(step)
    STEPS[step.row.action](step)


def _settle(step, decision) -> None:
    """Mark the approval being answered; the step itself then carries it out (or not, when refused)."""
    approval = Approval.objects.select_for_update().filter(
        pk=decision.approval, case=step.case, kind=step.row.approves, assignment=step.assignment,
        status=ApprovalStatus.PENDING).first()
    if approval is None:
        raise InvalidInput(_("该申请已被处理，请刷新页面。"))
    approval.status = ApprovalStatus.REFUSED if decision.refuse else ApprovalStatus.APPROVED
    approval.decided_by, approval.decided_at, approval.decision_note = step.actor, step.now, decision.note
    approval.save()
    step.data.update(approval=approval.pk, kind=approval.kind, decision=approval.status)


def _lapse_requests(step, **where) -> None:
    """Requests about work that has moved on can no longer be decided; they lapse instead of waiting forever."""
    pending = Approval.objects.filter(case=step.case, status=ApprovalStatus.PENDING, **where)
    pending.update(status=ApprovalStatus.LAPSED, decided_at=step.now,
                   decision_note=_("案件已进入下一环节，申请自动失效。"))


def lapse_stale_requests(step) -> None:
    """After any step: case-level requests whose approving step the case's new state no longer allows lapse."""
    stale = [kind for kind, action in APPROVER_ACTION.items()
             if not TABLE[action].on_assignment and step.case.status not in TABLE[action].sources]
    if stale:
        _lapse_requests(step, assignment__isnull=True, kind__in=stale)


def request(step) -> None:
    """申请: file a request for someone above to approve; the case itself does not move."""
    kind = step.row.approval
    if Approval.objects.filter(case=step.case, assignment=step.assignment, kind=kind,
                               status=ApprovalStatus.PENDING).exists():
        raise InvalidInput(_("已有一份待审批的同类申请，请等待审批结果。"))
    amount, unit = _extension(step) if step.row.action == Action.REQUEST_EXTENSION else (None, "")
    approval = Approval.objects.create(case=step.case, assignment=step.assignment, kind=kind, reason=step.note,
                                       amount=amount, unit=unit, requested_by=step.actor, requested_at=step.now)
    step.data.update(approval=approval.pk, kind=kind, amount=amount, unit=unit)


def _extension(step) -> tuple[int, str]:
    amount, unit = step.params.get("amount"), step.params.get("unit") or TimeUnit.WORK_DAYS
    try:
        amount = int(amount)
    except (TypeError, ValueError):
        raise InvalidInput(_("请填写延长的天数（整数）。"), {"amount": _("请填写整数。")}) from None
    if not 1 <= amount <= MAX_EXTENSION_DAYS or unit not in TimeUnit.values:
        message = _("延长时限须为 1 到 %(max)d 之间的整数。") % {"max": MAX_EXTENSION_DAYS}
        raise InvalidInput(message, {"amount": message})
    return amount, unit


def register(step) -> None:
    step.case.status = S.REGISTERED
    _start_stage(step, Stage.DISPATCH)


def void(step) -> None:
    _finish(step, S.VOIDED)


def self_resolve(step) -> None:
    _finish(step, S.SELF_RESOLVED)


def merge(step) -> None:
    """合并: this case is a duplicate of ``original``; its reporter follows the original from now on."""
    original = _original(step)
    case = step.case
    case.duplicate_of = original
    if case.reporter_phone or case.reporter_name:
        CaseFollower.objects.create(case=original, source=case, name=case.reporter_name, phone=case.reporter_phone)
    CaseFollower.objects.filter(case=case).update(case=original)
    step.data.update(original=original.number)
    _finish(step, S.MERGED)


def _original(step) -> Case:
    """The open case to merge into, among those the actor may see; one message whatever is wrong."""
    number = getattr(step.params.get("original"), "number", step.params.get("original"))
    found = Case.objects.restrict(step.actor).select_for_update(no_key=True).filter(
        number=str(number or "").strip()[:32], status__in=OPEN_STATUSES).exclude(pk=step.case.pk).first()
    if found is None:
        message = _("找不到可合并的原案件：请填写您负责范围内另一件未办结案件的编号。")
        raise InvalidInput(message, {"original": message})
    return found


def place(step) -> None:
    """定位: a case filed by address alone gets its point, and with it its grid and its township's centre."""
    lon, lat = _point(step.params)
    code = get_index().locate_one(lon, lat)
    if code is None:
        raise InvalidInput(_("该点不在任何网格内，请重新选点。"), {"location": _("该点不在任何网格内。")})
    case = step.case
    case.area = Area.objects.select_related("parent__parent").get(code=code)  # handling_centre walks up
    case.longitude, case.latitude, case.area_code = lon, lat, code
    case.centre_area = handling_centre(case.area)
    step.data.update(area=code, centre=case.centre_area.name)


def _point(params) -> tuple[float, float]:
    try:
        return to_wgs84(float(params.get("longitude")), float(params.get("latitude")),
                        params.get("system") or CoordinateSystem.WGS84)
    except (TypeError, ValueError) as error:
        message = str(error) if isinstance(error, CoordinateError) else _("请填写有效的经度和纬度。")
        raise InvalidInput(message, {"location": message}) from None


def dispatch(step) -> None:
    """派遣: one lead department and optional co-departments, each with its own clocks."""
    lead, co = _departments(step, step.params.get("lead")), _departments_list(step, step.params.get("co") or [])
    if lead is None:
        raise InvalidInput(_("请选择主办部门。"), {"lead": _("请选择主办部门。")})
    co = [department for department in co if department.pk != lead.pk]
    _check_not_active(step, [lead, *co])
    created = [_assign(step, lead, AssignmentRole.LEAD), *(_assign(step, d, AssignmentRole.CO) for d in co)]
    step.case.status = S.DISPATCHED
    _start_stage(step, Stage.HANDLE)
    step.data.update(assignments=[a.pk for a in created], lead=lead.name, co=[d.name for d in co])


def summon(step) -> None:
    """吹哨: more departments join a case already out, as co-departments."""
    departments = _departments_list(step, step.params.get("co") or [])
    if not departments:
        raise InvalidInput(_("请选择要增派的部门。"), {"co": _("请至少选择一个部门。")})
    _check_not_active(step, departments)
    created = [_assign(step, department, AssignmentRole.CO) for department in departments]
    step.data.update(assignments=[a.pk for a in created], co=[d.name for d in departments])


def _departments(step, value) -> Department | None:
    if value in (None, ""):
        return None
    found = _departments_list(step, [value])
    return found[0]


def _departments_list(step, values) -> list[Department]:
    pks = [getattr(value, "pk", value) for value in values]
    try:
        found = {d.pk: d for d in Department.objects.filter(pk__in=pks)}
    except (TypeError, ValueError):
        found = {}
    if len(found) != len(set(pks)):
        raise InvalidInput(_("所选部门不存在。"), {"co": _("所选部门不存在。")})
    serving = {d.pk for d in serving_departments(step.case.area_code)}
    for department in found.values():
        _check_serves(step.case, department, serving)
    return [found[pk] for pk in dict.fromkeys(pks)]


def _check_serves(case: Case, department: Department, serving: set) -> None:
    if department.pk not in serving:
        raise InvalidInput(_("%(department)s不负责案件所在区域，不能派遣。") % {"department": department.name})


def _check_not_active(step, departments) -> None:
    busy = set(step.case.assignments.filter(status__in=[*ACTIVE_ASSIGNMENT_STATUSES, A.HANDLED])
               .values_list("department_id", flat=True))
    for department in departments:
        if department.pk in busy:
            raise InvalidInput(_("%(department)s已在办理此案件。") % {"department": department.name})


def _assign(step, department: Department, role: str) -> Assignment:
    """A new 派遣单 with two clocks: 签收 (``accept_due_at``) and 处置 (the deadline fields)."""
    case = step.case
    assignment = Assignment(case=case, department=department, role=role, dispatched_at=step.now,
                            suspended_at=case.suspended_at)
    deadlines.start(assignment, step.now, deadlines.limit_for(case.category, Stage.ACCEPT, case.priority))
    assignment.accept_due_at = assignment.due_at
    deadlines.start(assignment, step.now, deadlines.limit_for(case.category, Stage.HANDLE, case.priority))
    assignment.save()
    return assignment


def escalate(step) -> None:
    """上报: the centre one level up takes the case over and may summon more departments."""
    current = step.case.centre_area
    if current.parent is None or current.level <= AreaLevel.CITY:
        raise InvalidInput(_("%(centre)s已是最高一级中心，不能再上报。") % {"centre": current.name})
    step.case.centre_area = current.parent
    step.data.update(from_centre=current.name, to_centre=current.parent.name)


def accept(step) -> None:
    step.assignment.status, step.assignment.accepted_at = A.ACCEPTED, step.now
    step.assignment.save()


def return_(step) -> None:
    """回退: the department is not the right one; the case waits for re-dispatch when its lead is gone."""
    assignment = step.assignment
    assignment.status = A.RETURNED
    deadlines.stop(assignment)
    assignment.save()
    _lapse_requests(step, assignment=assignment)
    if assignment.role == AssignmentRole.LEAD:
        step.case.status = S.REGISTERED
        _start_stage(step, Stage.DISPATCH)
    step.data.update(department=assignment.department.name)


def handle(step) -> None:
    """处理反馈: the department reports its result; the case is handled once every department has."""
    assignment = step.assignment
    assignment.status, assignment.handled_at, assignment.result = A.HANDLED, step.now, step.note
    deadlines.stop(assignment)
    assignment.save()
    _lapse_requests(step, assignment=assignment)
    if _all_handled(step.case):
        step.case.status = S.HANDLED
        _start_stage(step, Stage.VERIFY)


def _all_handled(case: Case) -> bool:
    live = case.assignments.exclude(status=A.RETURNED)
    has_lead = live.filter(role=AssignmentRole.LEAD).exists()
    return has_lead and not live.filter(status__in=ACTIVE_ASSIGNMENT_STATUSES).exists()


def extend(step) -> None:
    amount, unit = _extension(step)
    deadlines.extend(step.assignment, amount, unit)
    step.assignment.extensions += 1
    step.assignment.save()
    case = step.case
    if case.due_at and step.assignment.due_at > case.due_at:
        case.due_at, case.warn_at, case.overdue = step.assignment.due_at, step.assignment.warn_at, False
    step.data.update(amount=amount, unit=unit, due_at=step.assignment.due_at.isoformat())


def suspend(step) -> None:
    step.case.suspended_at = step.now
    step.case.assignments.filter(status__in=ACTIVE_ASSIGNMENT_STATUSES).update(suspended_at=step.now)


def resume(step) -> None:
    """解除挂账: every clock still running is moved on by the time the case was suspended."""
    case, paused_from = step.case, step.case.suspended_at
    deadlines.resume(case, max(paused_from, case.started_at or paused_from), step.now)
    case.suspended_at = None
    for assignment in case.assignments.filter(status__in=ACTIVE_ASSIGNMENT_STATUSES):
        deadlines.resume(assignment, max(paused_from, assignment.started_at or paused_from), step.now)
        assignment.suspended_at = None
        assignment.save()
    step.data.update(suspended_from=paused_from.isoformat())


def verify(step) -> None:
    step.case.status = S.VERIFIED
    _start_stage(step, Stage.CLOSE)


def reject(step) -> None:
    _rework(step)


def rework(step) -> None:
    _rework(step)


def _rework(step) -> None:
    """返工: the departments that handled the case take it up again, with fresh handling limits."""
    case = step.case
    case.status, case.rework_count, case.closed_at, case.satisfaction = S.DISPATCHED, case.rework_count + 1, None, ""
    limit = deadlines.limit_for(case.category, Stage.HANDLE, case.priority)
    for assignment in case.assignments.filter(status=A.HANDLED):
        assignment.status, assignment.handled_at = A.ACCEPTED, None
        deadlines.start(assignment, step.now, limit)
        assignment.save()
    _start_stage(step, Stage.HANDLE)


def close(step) -> None:
    _finish(step, S.CLOSED)


def callback(step) -> None:
    """回访: a satisfied resident ends the loop; an unsatisfied one sends it back to work."""
    satisfaction = step.params.get("satisfaction")
    if satisfaction not in Satisfaction.values:
        raise InvalidInput(_("请选择满意、基本满意或不满意。"), {"satisfaction": _("请选择评价。")})
    step.data.update(satisfaction=satisfaction)
    if satisfaction != Satisfaction.UNSATISFIED:
        step.case.satisfaction, step.case.status = satisfaction, S.RATED
    elif step.case.assignments.filter(status=A.HANDLED).exists():
        _rework(step)
    else:
        step.case.status, step.case.closed_at, step.case.rework_count = S.REGISTERED, None, step.case.rework_count + 1
        _start_stage(step, Stage.DISPATCH)


def supervise(step) -> None:
    step.case.supervised = True


def remind(step) -> None:
    step.data.update(departments=list(step.case.assignments.filter(status__in=ACTIVE_ASSIGNMENT_STATUSES)
                                      .values_list("department__name", flat=True)))


REFERENCE_MAX = 100


def comment(step) -> None:
    """补充说明: a remark on the case; nothing moves. ``via`` and ``reference`` say where it came from
    (an Open311 client's own id for it), so a client's retry can be told from a second remark."""
    for key in ("via", "reference"):
        value = str(step.params.get(key) or "")[:REFERENCE_MAX]
        if value:
            step.data[key] = value


def _start_stage(step, stage: str) -> None:
    case = step.case
    deadlines.start(case, step.now, deadlines.limit_for(case.category, stage, case.priority))


def _finish(step, status: str) -> None:
    case = step.case
    case.status, case.closed_at, case.suspended_at = status, step.now, None
    deadlines.stop(case)
    _lapse_requests(step)
    for assignment in case.assignments.filter(status__in=ACTIVE_ASSIGNMENT_STATUSES):
        deadlines.stop(assignment)
        assignment.status = A.CANCELLED
        assignment.save()


STEPS = {
    Action.REGISTER: register, Action.VOID: void, Action.SELF_RESOLVE: self_resolve, Action.MERGE: merge,
    Action.PLACE: place, Action.DISPATCH: dispatch, Action.SUMMON: summon, Action.ESCALATE: escalate, Action.ACCEPT: accept,
    Action.RETURN: return_, Action.HANDLE: handle, Action.EXTEND: extend, Action.SUSPEND: suspend,
    Action.RESUME: resume, Action.VERIFY: verify, Action.REJECT: reject, Action.REWORK: rework,
    Action.CLOSE: close, Action.CALLBACK: callback, Action.SUPERVISE: supervise, Action.REMIND: remind,
    Action.COMMENT: comment,
}
