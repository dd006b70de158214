"""What each of the hazard's steps does, once ``cases.services.transition`` has allowed it.

One function per step (``run(work, params)``, registered in ``services.register``). They work in memory: the
side record comes from ``work.record()``, every record made or changed goes to ``work.save``, and a refusal is
an ``InvalidInput`` raised before anything changes. Where a hazard ends as any case does (verified, closed,
sent back to the departments) the spine's own step functions do that part, so the case and its assignments
move exactly as the loop moves them.
"""

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases import steps as spine
from civicgrid.cases.choices import ACTIVE_ASSIGNMENT_STATUSES
from civicgrid.cases.choices import AssignmentStatus as A
from civicgrid.cases.choices import Status as S
from civicgrid.cases.registry import NoParams
from civicgrid.cases.workflow import InvalidInput
from civicgrid.cases.writer import side_record
from civicgrid.core import calendar
from civicgrid.core.choices import TimeUnit
from civicgrid.core.validators import tidy_phone, validate_mainland_phone

from .choices import CheckKind
from .inputs import GradeIn, OrderIn, RecordIn
from .models import Check, Grading, Hazard, HazardField

RECTIFY = "rectify"
WARN_AT = 0.8


def record(work, params: RecordIn) -> None:
    """登记隐患 (or correct it): the field, the place or unit, and who answers for it."""
    hazard = work.record()
    hazard.field = _field(params.field)
    hazard.place = _required(params.place, "place", _("请填写隐患部位或单位。"))
    hazard.responsible_unit = _required(params.responsible_unit, "responsible_unit", _("请填写责任单位。"))
    hazard.responsible_person = params.responsible_person.strip()
    hazard.responsible_phone = _phone(params.responsible_phone)
    work.data.update(field=hazard.field.name, place=hazard.place)


def _field(pk) -> HazardField:
    found = HazardField.objects.filter(pk=pk, active=True).first() if pk else None
    if found is None:
        message = _("请选择隐患领域。")
        raise InvalidInput(message, {"field": message})
    return found


def _required(value: str, name: str, message: str) -> str:
    if not value.strip():
        raise InvalidInput(message, {name: message})
    return value.strip()


def _phone(value: str) -> str:
    phone = tidy_phone(value)
    try:
        validate_mainland_phone(phone)
    except ValidationError as error:
        message = _("责任人电话：%(problem)s") % {"problem": error.messages[0]}
        raise InvalidInput(message, {"responsible_phone": message}) from None
    return phone


def grade(work, params: GradeIn) -> None:
    """评定等级 or 调整等级: a new grading row with its reason; the record keeps the current grade."""
    if params.grade is None:
        message = _("请选择风险等级：红色、橙色、黄色或蓝色。")
        raise InvalidInput(message, {"grade": message})
    reason = _required(params.reason, "reason", _("请填写定级理由：等级每次评定或调整都须说明理由。"))
    hazard = work.record()
    if params.grade == hazard.grade:
        message = _("隐患已是“%(grade)s”，无需调整。") % {"grade": hazard.get_grade_display()}
        raise InvalidInput(message, {"grade": message})
    previous = hazard.grade
    hazard.grade, hazard.grade_reason, hazard.graded_at = params.grade, reason, work.now
    work.save(Grading(hazard=hazard, grade=params.grade, previous=previous, reason=reason,
                      graded_by=_staff(work), graded_at=work.now))
    work.data.update(grade=params.grade, previous=previous)


def order(work, params: OrderIn) -> None:
    """下达整改: the measures and the deadline; the rectification's clock runs on the record and on the case, and
    departments at work are given until the deadline to report back."""
    measures = _required(params.measures, "measures", _("请填写整改措施。"))
    hazard = work.record()
    hazard.measures, hazard.verified_at, hazard.verified_by = measures, None, None
    _start_rectification(work, hazard, params.deadline)
    _copy_clock(hazard, work.case)
    for assignment in work.assignments:
        if assignment.status in ACTIVE_ASSIGNMENT_STATUSES and (assignment.due_at or hazard.due_at) < hazard.due_at:
            _copy_clock(hazard, assignment)
            work.save(assignment)
    work.data.update(due_at=timezone.localtime(hazard.due_at).isoformat())


def _start_rectification(work, hazard: Hazard, deadline) -> None:
    case = work.case
    if deadline is None:
        work.lookups.start(hazard, work.now, RECTIFY, case.category, case.priority)
        return
    if deadline < timezone.localdate(work.now):
        message = _("整改期限不能早于今天。")
        raise InvalidInput(message, {"deadline": message})
    due = timezone.make_aware(datetime.combine(deadline, time(23, 59, 59)))
    hazard.started_at, hazard.due_at, hazard.limit_unit, hazard.overdue = work.now, due, TimeUnit.NATURAL_DAYS, False
    hazard.warn_at = calendar.current().fraction_point(work.now, due, WARN_AT, TimeUnit.NATURAL_DAYS)


def _copy_clock(source, target) -> None:
    target.started_at, target.warn_at, target.due_at = source.started_at, source.warn_at, source.due_at
    target.limit_unit, target.overdue = source.limit_unit, source.overdue


def check(work, params: NoParams) -> None:
    """现场检查: who went, when, what they found (the note) and the photos (the step's files)."""
    _check(work, work.record(), CheckKind.CHECK)


def _check(work, hazard: Hazard, kind: str) -> Check:
    found = Check(hazard=hazard, kind=kind, findings=work.note, checked_by=_staff(work), checked_at=work.now)
    work.save(found)
    work.data.update(check=found, kind=kind)
    return found


def accept(work, params: NoParams) -> None:
    """整改验收通过: the rectification is verified on site; the case waits for 销号."""
    hazard = work.record()
    if not hazard.measures:
        raise InvalidInput(_("隐患 %(number)s 尚未下达整改要求，不能验收。") % {"number": work.case.number})
    if any(a.status in ACTIVE_ASSIGNMENT_STATUSES for a in work.assignments):
        raise InvalidInput(_("仍有部门在办理隐患 %(number)s，请待其处理反馈后再验收。") % {"number": work.case.number})
    _check(work, hazard, CheckKind.PASSED)
    hazard.verified_at, hazard.verified_by = work.now, _staff(work)
    spine.verify(work, NoParams())


def reject(work, params: NoParams) -> None:
    """整改验收不通过: back to the departments that handled it (as the spine's 核查不通过), or, for a
    rectification ordered without a department, back to waiting for it under its own clock."""
    hazard = work.record()
    _check(work, hazard, CheckKind.FAILED)
    hazard.verified_at, hazard.verified_by = None, None
    if any(a.status == A.HANDLED for a in work.assignments):
        spine.reject(work, NoParams())
        return
    work.case.status = S.REGISTERED
    _copy_clock(hazard, work.case)


def close(work, params: NoParams) -> None:
    """销号: the hazard leaves the register; the case is closed as the spine closes it."""
    work.record().closed_at = work.now
    spine.close(work, NoParams())


def _staff(work):
    return work.actor if getattr(work.actor, "is_authenticated", False) else None


# ---- guards: why a step does not fit this hazard although the case's state allows it


def unrecorded(case, lookups=None) -> str:
    """Grading, ordering and checking need the hazard recorded first (登记隐患)."""
    if _record(case, lookups).field_id is None:
        return _("隐患 %(number)s 尚未登记隐患信息，请先“登记隐患”。") % {"number": case.number}
    return ""


def unordered(case, lookups=None) -> str:
    """整改验收 needs a rectification to accept."""
    return unrecorded(case, lookups) or (
        "" if _record(case, lookups).measures else
        _("隐患 %(number)s 尚未下达整改要求，不能验收。") % {"number": case.number})


def unverified(case, lookups=None) -> str:
    """销号 only once the rectification is verified on site (整改验收通过), and the case waits for it."""
    if case.status == S.VERIFIED and _record(case, lookups).verified_at is not None:
        return ""
    return _("隐患 %(number)s 的整改尚未经现场验收通过，不能销号。请先“整改验收”。") % {"number": case.number}


def _record(case, lookups) -> Hazard:
    """The case's hazard record: the step's own lookup inside a step; outside one (the page's buttons), read
    once per case object."""
    return side_record(case, lookups, related=("field", "verified_by"))


def hazard_of(case) -> Hazard | None:
    """The case's hazard record as written (None before 登记隐患), read once per case object: the case page's
    buttons, the 登记隐患 form and the record's panel all ask."""
    found = side_record(case, related=("field", "verified_by"))
    return None if found._state.adding else found

