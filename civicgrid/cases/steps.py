"""What each of the spine's steps does to a case and its assignments, once ``services.transition`` has allowed it.

One function per step, named after it, registered in ``spine.py``: ``step(work, params)``, where ``work`` is
the step being taken (``writer.Work``) and ``params`` its input, already read by the step's schema
(``inputs.py``). A step checks what the schema cannot (that a department serves the area, say) before it
changes anything, and raises ``InvalidInput`` if it is wrong. It works in memory: it changes the case, hands
every other record it changes or makes to ``work.save`` and reads the case's assignments from
``work.assignments``; the writer writes them all (``writer.write``, or ``writer.write_many`` for a batch).
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.core.choices import TimeUnit
from civicgrid.core.records import new
from civicgrid.geo.choices import AreaLevel, CoordinateSystem
from civicgrid.geo.coords import CoordinateError, to_wgs84
from civicgrid.geo.locator import get_index
from civicgrid.geo.models import Area
from civicgrid.orgs.models import Department

from . import deadlines
from .choices import (
    ACTIVE_ASSIGNMENT_STATUSES,
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
from .inputs import CallbackIn, CommentIn, DispatchIn, ExtensionIn, MergeIn, PlaceIn, SummonIn
from .intake import handling_centre
from .models import Approval, Assignment, Case, CaseFollower
from .registry import NoParams
from .workflow import SYSTEM, InvalidInput
from .writer import Lookups

MAX_EXTENSION_DAYS = 30


def settle(work, decision) -> None:
    """Mark the approval being answered; the step itself then carries it out (or not, when refused)."""
    pending = work.lookups.pending(work.case, work.row.approves, work.assignment)
    approval = next((a for a in pending if decision.approval in (a, a.pk)), None)
    if approval is None:
        raise InvalidInput(_("该申请已被处理，请刷新页面。"))
    approval.status = ApprovalStatus.REFUSED if decision.refuse else ApprovalStatus.APPROVED
    approval.decided_by, approval.decided_at, approval.decision_note = work.actor, work.now, decision.note
    work.save(approval)
    work.data.update(approval=approval, kind=approval.kind, decision=approval.status)


def file_request(work, params: NoParams, amount: int | None = None, unit: str = "") -> None:
    """申请: file a request for someone above to approve; the case itself does not move."""
    kind = work.row.approval
    if work.lookups.pending(work.case, kind, work.assignment):
        raise InvalidInput(_("已有一份待审批的同类申请，请等待审批结果。"))
    approval = Approval(case=work.case, assignment=work.assignment, kind=kind, reason=work.note, amount=amount,
                        unit=unit, requested_by=work.actor, requested_at=work.now)
    work.save(approval)
    work.data.update(approval=approval, kind=kind, amount=amount, unit=unit)


def request_extension(work, params: ExtensionIn) -> None:
    """申请延时: the request carries how much longer, so the approver grants exactly that."""
    file_request(work, NoParams(), *_extension(params))


def _extension(params: ExtensionIn) -> tuple[int, str]:
    amount, unit = params.amount, params.unit or TimeUnit.WORK_DAYS
    if amount is None:
        raise InvalidInput(_("请填写延长的天数（整数）。"), {"amount": _("请填写整数。")})
    if not 1 <= amount <= MAX_EXTENSION_DAYS:
        message = _("延长时限须为 1 到 %(max)d 之间的整数。") % {"max": MAX_EXTENSION_DAYS}
        raise InvalidInput(message, {"amount": message})
    return amount, unit


def register(work, params: NoParams) -> None:
    work.case.status = S.REGISTERED
    _start_stage(work, Stage.DISPATCH)


def void(work, params: NoParams) -> None:
    _finish(work, S.VOIDED)


def self_resolve(work, params: NoParams) -> None:
    _finish(work, S.SELF_RESOLVED)


def merge(work, params: MergeIn) -> None:
    """合并: this case is a duplicate of ``original``; its reporter follows the original from now on."""
    original = _original(work, params.original)
    case = work.case
    case.duplicate_of = original
    if case.reporter_phone or case.reporter_name:
        work.save(CaseFollower(case=original, source=case, name=case.reporter_name, phone=case.reporter_phone))
    for follower in work.lookups.followers(case):
        follower.case = original
        work.save(follower)
    work.data.update(original=original.number)
    _finish(work, S.MERGED)


def _original(work, number: str | None) -> Case:
    """The open case to merge into, among those the actor may see; one message whatever is wrong."""
    found = work.lookups.open_case(work.actor, str(number or "").strip()[:32], work.case)
    if found is None:
        message = _("找不到可合并的原案件：请填写您负责范围内另一件未办结案件的编号。")
        raise InvalidInput(message, {"original": message})
    return found


def place(work, params: PlaceIn) -> None:
    """定位: a case filed by address alone gets its point, and with it its grid and its township's centre."""
    lon, lat = _point(params)
    code = get_index().locate_one(lon, lat)
    if code is None:
        raise InvalidInput(_("该点不在任何网格内，请重新选点。"), {"location": _("该点不在任何网格内。")})
    case = work.case
    case.area = Area.objects.select_related("parent__parent").get(code=code)  # handling_centre walks up
    case.longitude, case.latitude, case.area_code = lon, lat, code
    case.centre_area = handling_centre(case.area)
    work.data.update(area=code, centre=case.centre_area.name)


def _point(params: PlaceIn) -> tuple[float, float]:
    try:
        return to_wgs84(float(params.longitude), float(params.latitude), params.system or CoordinateSystem.WGS84)
    except (TypeError, ValueError) as error:
        message = str(error) if isinstance(error, CoordinateError) else _("请填写有效的经度和纬度。")
        raise InvalidInput(message, {"location": message}) from None


def dispatch(work, params: DispatchIn) -> None:
    """派遣: one lead department and optional co-departments, each with its own clocks."""
    lead, co = _departments(work, params.lead), _departments_list(work, params.co)
    if lead is None:
        raise InvalidInput(_("请选择主办部门。"), {"lead": _("请选择主办部门。")})
    if lead in co:
        message = _("%(department)s已是主办部门，不能同时作为协办部门，请取消勾选。") % {"department": lead.name}
        raise InvalidInput(message, {"co": message})
    _check_not_active(work, [lead, *co])
    created = [_assign(work, lead, AssignmentRole.LEAD), *(_assign(work, d, AssignmentRole.CO) for d in co)]
    work.case.status = S.DISPATCHED
    _start_stage(work, Stage.HANDLE)
    work.data.update(assignments=created, lead=lead.name, co=[d.name for d in co])


def summon(work, params: SummonIn) -> None:
    """吹哨: more departments join a case already out, as co-departments."""
    departments = _departments_list(work, params.co)
    if not departments:
        raise InvalidInput(_("请选择要增派的部门。"), {"co": _("请至少选择一个部门。")})
    _check_not_active(work, departments)
    created = [_assign(work, department, AssignmentRole.CO) for department in departments]
    work.data.update(assignments=created, co=[d.name for d in departments])


def _departments(work, value) -> Department | None:
    if value in (None, ""):
        return None
    found = _departments_list(work, [value])
    return found[0]


def _departments_list(work, values) -> list[Department]:
    pks = list(values)
    found = work.lookups.departments(pks)
    if len(found) != len(set(pks)):
        raise InvalidInput(_("所选部门不存在。"), {"co": _("所选部门不存在。")})
    serving = work.lookups.serving(work.case.area_code)
    for department in found.values():
        _check_serves(work.case, department, serving)
    return [found[pk] for pk in dict.fromkeys(pks)]


def _check_serves(case: Case, department: Department, serving: set) -> None:
    if department.pk not in serving:
        raise InvalidInput(_("%(department)s不负责案件所在区域，不能派遣。") % {"department": department.name})


def _check_not_active(work, departments) -> None:
    busy = {a.department_id for a in work.assignments if a.status in {*ACTIVE_ASSIGNMENT_STATUSES, A.HANDLED}}
    for department in departments:
        if department.pk in busy:
            raise InvalidInput(_("%(department)s已在办理此案件。") % {"department": department.name})


def _assign(work, department: Department, role: str) -> Assignment:
    """A new 派遣单 with two clocks: 签收 (``accept_due_at``) and 处置 (the deadline fields)."""
    case = work.case
    assignment = new(Assignment, case=case, department=department, role=role, dispatched_at=work.now,
                     suspended_at=case.suspended_at)
    work.lookups.start(assignment, work.now, Stage.ACCEPT, case.category, case.priority)
    assignment.accept_due_at = assignment.due_at
    work.lookups.start(assignment, work.now, Stage.HANDLE, case.category, case.priority)
    work.save(assignment)
    work.assignments.append(assignment)
    return assignment


def escalate(work, params: NoParams) -> None:
    """上报: the centre one level up takes the case over and may summon more departments."""
    current = work.case.centre_area
    if current.parent is None or current.level <= AreaLevel.CITY:
        raise InvalidInput(_("%(centre)s已是最高一级中心，不能再上报。") % {"centre": current.name})
    work.case.centre_area = current.parent
    work.data.update(from_centre=current.name, to_centre=current.parent.name)


def accept(work, params: NoParams) -> None:
    work.assignment.status, work.assignment.accepted_at = A.ACCEPTED, work.now
    work.save(work.assignment)


def return_(work, params: NoParams) -> None:
    """回退: the department is not the right one; the case waits for re-dispatch when its lead is gone."""
    assignment = work.assignment
    assignment.status = A.RETURNED
    work.case.returns += 1
    deadlines.stop(assignment)
    work.save(assignment)
    work.lapse_requests(assignment=assignment)
    if assignment.role == AssignmentRole.LEAD:
        work.case.status = S.REGISTERED
        _start_stage(work, Stage.DISPATCH)
    work.data.update(department=assignment.department.name)


def handle(work, params: NoParams) -> None:
    """处理反馈: the department reports its result; the case is handled once every department has."""
    assignment = work.assignment
    assignment.status, assignment.handled_at, assignment.result = A.HANDLED, work.now, work.note
    deadlines.stop(assignment)
    work.save(assignment)
    work.lapse_requests(assignment=assignment)
    if _all_handled(work):
        work.case.status = S.HANDLED
        _start_stage(work, Stage.VERIFY)


def _all_handled(work) -> bool:
    live = [a for a in work.assignments if a.status != A.RETURNED]
    has_lead = any(a.role == AssignmentRole.LEAD for a in live)
    return has_lead and not any(a.status in ACTIVE_ASSIGNMENT_STATUSES for a in live)


def _active(work) -> list[Assignment]:
    return [a for a in work.assignments if a.status in ACTIVE_ASSIGNMENT_STATUSES]


def extend(work, params: ExtensionIn) -> None:
    amount, unit = _extension(params)
    deadlines.extend(work.assignment, amount, unit)
    work.assignment.extensions += 1
    work.save(work.assignment)
    case = work.case
    if case.due_at and work.assignment.due_at > case.due_at:
        case.due_at, case.warn_at, case.overdue = work.assignment.due_at, work.assignment.warn_at, False
    work.data.update(amount=amount, unit=unit, due_at=_instant(work.assignment.due_at))


def suspend(work, params: NoParams) -> None:
    work.case.suspended_at = work.now
    for assignment in _active(work):
        assignment.suspended_at = work.now
        work.save(assignment)


def resume(work, params: NoParams) -> None:
    """解除挂账: every clock still running is moved on by the time the case was suspended."""
    case, paused_from = work.case, work.case.suspended_at
    deadlines.resume(case, max(paused_from, case.started_at or paused_from), work.now)
    case.suspended_at = None
    for assignment in _active(work):
        deadlines.resume(assignment, max(paused_from, assignment.started_at or paused_from), work.now)
        assignment.suspended_at = None
        work.save(assignment)
    work.data.update(suspended_from=_instant(paused_from))


def verify(work, params: NoParams) -> None:
    work.case.status = S.VERIFIED
    _start_stage(work, Stage.CLOSE)


def reject(work, params: NoParams) -> None:
    _rework(work)


def rework(work, params: NoParams) -> None:
    _rework(work)


def _rework(work) -> None:
    """返工: the departments that handled the case take it up again, with fresh handling limits."""
    case = work.case
    case.status, case.rework_count, case.closed_at, case.satisfaction = S.DISPATCHED, case.rework_count + 1, None, ""
    for assignment in [a for a in work.assignments if a.status == A.HANDLED]:
        assignment.status, assignment.handled_at = A.ACCEPTED, None
        work.lookups.start(assignment, work.now, Stage.HANDLE, case.category, case.priority)
        work.save(assignment)
    _start_stage(work, Stage.HANDLE)


def close(work, params: NoParams) -> None:
    _finish(work, S.CLOSED)


def callback(work, params: CallbackIn) -> None:
    """回访: a satisfied resident ends the loop; an unsatisfied one sends it back to work."""
    satisfaction = params.satisfaction
    if satisfaction is None:
        raise InvalidInput(_("请选择满意、基本满意或不满意。"), {"satisfaction": _("请选择评价。")})
    work.data.update(satisfaction=satisfaction)
    if satisfaction != Satisfaction.UNSATISFIED:
        work.case.satisfaction, work.case.status = satisfaction, S.RATED
    elif any(a.status == A.HANDLED for a in work.assignments):
        _rework(work)
    else:
        work.case.status, work.case.closed_at, work.case.rework_count = S.REGISTERED, None, work.case.rework_count + 1
        _start_stage(work, Stage.DISPATCH)


def no_callback(work, params: NoParams) -> None:
    """无需回访: nobody can be called back on the result; the note says why. The case is finished, neither
    rated nor waiting for a callback."""
    work.case.status = S.NO_CALLBACK


def nobody_to_call(case: Case, lookups=None) -> str:
    """无需回访's guard: refused while there is a phone to call back on, the reporter's or a merged duplicate's
    reporter's (an anonymous report may leave one too)."""
    if case.reporter_phone or any(follower.phone for follower in (lookups or Lookups()).followers(case)):
        return _("案件 %(number)s 的诉求人留有联系电话，请电话回访，不能“无需回访”。") % {"number": case.number}
    return ""


def overdue(work, params: NoParams) -> None:
    """超期: the sweep marks late work once per clock; the assignment's own mark when the step names one."""
    (work.assignment or work.case).overdue = True
    work.case.late = work.case.late or work.assignment is None
    if work.assignment is not None:
        work.save(work.assignment)
        work.data.update(department=work.assignment.department.name)


def supervise(work, params: NoParams) -> None:
    work.case.supervised = True


def remind(work, params: NoParams) -> None:
    """催办 the departments at work; the sweep's yellow-light reminder (黄灯提醒) names the one assignment."""
    if work.actor != SYSTEM or work.assignment is None:
        work.data.update(departments=[a.department.name for a in _active(work)])
    else:
        work.data.update(department=work.assignment.department.name, automatic=True,
                         due_at=_instant(work.assignment.due_at))


REFERENCE_MAX = 100


def comment(work, params: CommentIn) -> None:
    """补充说明: a remark on the case; nothing moves. ``via`` and ``reference`` say where it came from
    (an Open311 client's own id for it), so a client's retry can be told from a second remark."""
    for key in ("via", "reference"):
        value = getattr(params, key)[:REFERENCE_MAX]
        if value:
            work.data[key] = value


def _instant(moment) -> str:
    """An instant in an event's data, in local time whether it was just worked out or read back (UTC)."""
    return timezone.localtime(moment).isoformat()


def _start_stage(work, stage: str) -> None:
    case = work.case
    work.lookups.start(case, work.now, stage, case.category, case.priority)


def _finish(work, status: str) -> None:
    case = work.case
    case.status, case.closed_at, case.suspended_at = status, work.now, None
    deadlines.stop(case)
    work.lapse_requests()
    for assignment in _active(work):
        deadlines.stop(assignment)
        assignment.status = A.CANCELLED
        work.save(assignment)
