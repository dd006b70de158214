"""关爱帮扶's rules: enrolling a resident on consent, visiting them, filing what they need, their leaving, and
their name and phone shown in full for a reason. The pages call these and nothing else; every refusal is a
sentence for the user and changes nothing.

A need found on a visit becomes a request case in the same step (``cases.intake.file_case``), filed on the
grid channel at the resident's place, with the resident as the reporter so the department can call them. The
case carries the category the worker chose, and the routing rules name the department it goes to when the
centre dispatches it (``cases.routing``); it never names the programme.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases import routing
from civicgrid.cases.choices import CaseKind, Channel
from civicgrid.cases.intake import Report, file_case, unit_address
from civicgrid.cases.models import Category
from civicgrid.cases.models.cases import TITLE_MAX
from civicgrid.cases.workflow import InvalidInput, NotAllowed, WorkflowError
from civicgrid.core import access
from civicgrid.core.querysets import prefix_filter
from civicgrid.core.validators import control_problem, mask_name, mask_phone, validate_mainland_phone
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.codes import LEVEL_LENGTHS
from civicgrid.geo.locator import get_index
from civicgrid.geo.models import Area
from civicgrid.orgs.choices import Role
from civicgrid.orgs.models import Staff

from . import caseload
from .choices import ConsentBy, ConsentMethod, Frequency, LeaveReason, Programme
from .models import NAME_MAX, NOTE_MAX, Enrolment, Need, Visit

# Who may be the responsible worker: the grid's own staff.
WORKER_ROLES = frozenset({Role.GRID_WORKER, Role.GRID_HEAD})
# A resident is placed at their grid or at the building or floor they live in.
PLACE_LEVELS = (AreaLevel.GRID, AreaLevel.UNIT, AreaLevel.SUBUNIT)
MAX_CHOICES = 500
MAX_CATEGORIES = 1000
NEEDS_MAX = 3
NEED_MAX = Need._meta.get_field("description").max_length


def refuse(errors: dict[str, str]) -> None:
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors)


def _text(errors: dict, key: str, value: str, limit: int, label: str) -> None:
    if not (value or "").strip():
        errors[key] = _("请填写%(label)s。") % {"label": label}
    elif problem := control_problem(value, label):
        errors[key] = problem
    elif len(value) > limit:
        errors[key] = _("%(label)s最多 %(limit)d 个字。") % {"label": label, "limit": limit}


# ---- enrolment


@dataclass
class EnrolmentIn:
    """What the enrolment form (and any import) gives."""

    programme: str
    resident_name: str
    area: Area | None
    worker: Staff | None
    frequency: int | None
    consent_by: str
    consent_name: str
    consented_at: datetime | None
    consent_method: str
    resident_phone: str = ""


def enrol(user, data: EnrolmentIn, now: datetime | None = None) -> Enrolment:
    """A resident enrolled in a programme on the recorded consent; refused, with nothing saved, when any part
    is missing or wrong (every problem at once)."""
    now = now or timezone.now()
    errors = _enrolment_problems(user, data, now)
    refuse(errors)
    enrolment = Enrolment(
        programme=data.programme, resident_name=data.resident_name.strip(), resident_phone=data.resident_phone,
        area=data.area, area_code=data.area.code, worker=data.worker, frequency=data.frequency,
        consent_by=data.consent_by, consent_name=data.consent_name.strip(), consented_at=data.consented_at,
        consent_method=data.consent_method, enrolled_at=now, enrolled_by=user,
        next_visit_on=timezone.localdate(now) + timedelta(days=data.frequency))
    if _already_enrolled(enrolment):
        refuse({"resident_name": _("该居民已在“%(programme)s”中，无需重复登记。") % {
            "programme": enrolment.get_programme_display()}})
    enrolment.save()
    return enrolment


def _enrolment_problems(user, data: EnrolmentIn, now: datetime) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.programme not in Programme.values:
        errors["programme"] = _("“%(value)s”不在关爱帮扶的项目清单内。项目只有：%(list)s。") % {
            "value": data.programme, "list": "、".join(str(label) for label in Programme.labels)}
    _text(errors, "resident_name", data.resident_name, NAME_MAX, _("姓名"))
    _phone(errors, data.resident_phone)
    errors.update(_consent_problems(data, now))
    errors.update(_place_problems(user, data))
    if data.frequency not in Frequency.values:
        errors["frequency"] = _("请选择走访频次。")
    return errors


def _phone(errors: dict, phone: str) -> None:
    try:
        validate_mainland_phone(phone)
    except ValidationError as error:
        errors["resident_phone"] = error.messages[0]


def _consent_problems(data: EnrolmentIn, now: datetime) -> dict[str, str]:
    """No consent, no enrolment: who consented, their name, when and how are all required."""
    errors: dict[str, str] = {}
    if data.consent_by not in ConsentBy.values:
        errors["consent_by"] = _("没有本人或监护人的同意不能登记：请选择由谁同意。")
    _text(errors, "consent_name", data.consent_name, NAME_MAX, _("同意人姓名"))
    if data.consented_at is None:
        errors["consented_at"] = _("没有本人或监护人的同意不能登记：请填写同意时间。")
    elif data.consented_at > now:
        errors["consented_at"] = _("同意时间不能晚于现在。")
    if data.consent_method not in ConsentMethod.values:
        errors["consent_method"] = _("没有本人或监护人的同意不能登记：请选择同意方式。")
    return errors


def _place_problems(user, data: EnrolmentIn) -> dict[str, str]:
    errors: dict[str, str] = {}
    area, worker = data.area, data.worker
    if area is None or area.level not in PLACE_LEVELS:
        errors["area"] = _("请选择居民所在的网格或楼栋、楼层等责任单元。")
        return errors
    if worker is None or not _works_at(worker, area.code):
        errors["worker"] = _("责任人须是“%(area)s”所在网格的网格员或网格长。") % {"area": area.name}
    elif not (worker.pk == user.pk or area.code.startswith(caseload.reach(user))):
        errors["area"] = _("您不能在“%(area)s”登记帮扶对象：只有责任人本人、其网格长和乡镇街道关爱帮扶专干可以登记。") % {
            "area": area.name}
    return errors


def _works_at(worker, code: str) -> bool:
    return any(grant.area_id and code.startswith(grant.area.code) for grant in worker.scope.holding(WORKER_ROLES))


def _already_enrolled(enrolment: Enrolment) -> bool:
    return Enrolment.objects.filter(
        programme=enrolment.programme, area=enrolment.area, resident_name=enrolment.resident_name,
        resident_phone=enrolment.resident_phone, left_at__isnull=True).exists()


def places(user):
    """The grids and units ``user`` may enrol residents at (first ``MAX_CHOICES`` in tree order)."""
    codes = _own_grids(user) + caseload.reach(user)
    found = Area.objects.filter(prefix_filter("code", codes), level__in=PLACE_LEVELS)
    return found.order_by("code")[:MAX_CHOICES]


def _own_grids(user) -> tuple[str, ...]:
    return tuple(grant.area.code for grant in user.scope.holding(WORKER_ROLES) if grant.area_id)


def workers(user):
    """The grid staff ``user`` may name as responsible worker: themselves, or anyone working in their reach."""
    codes = caseload.reach(user)
    under = Staff.objects.filter(prefix_filter("assignments__area__code", codes), assignments__role__in=WORKER_ROLES)
    return (under | Staff.objects.filter(pk=user.pk, assignments__role__in=WORKER_ROLES)).distinct().order_by(
        "username")[:MAX_CHOICES]


# ---- opening a record: need-to-know, and every view logged


def find(user, pk: int) -> Enrolment | None:
    """The record if ``user`` needs to know it; None (not found) for anyone else."""
    return caseload.records(user).select_related("area__parent", "worker").filter(pk=pk).first()


def viewed(user, enrolment: Enrolment, at: access.Where) -> None:
    """A page showing the record was opened: one row of the access log, written before the page is."""
    _require(user, enrolment)
    access.viewed(user, enrolment, enrolment.key, enrolment.area_code, at)


def masked(enrolment: Enrolment) -> dict:
    return {"name": mask_name(enrolment.resident_name), "phone": mask_phone(enrolment.resident_phone),
            "consent_name": mask_name(enrolment.consent_name)}


def reveal(user, enrolment: Enrolment, reason: str, at: access.Where) -> Enrolment:
    """The resident's name and phone in full, for ``reason``, written to the access log before they are shown."""
    _require(user, enrolment)
    reason = (reason or "").strip()
    problem = access.reason_problem(reason, _("电话预约走访时间"))
    if problem:
        raise InvalidInput(problem, {"reason": problem})
    access.revealed(user, enrolment, enrolment.key, enrolment.area_code, at, "", reason)
    return enrolment


def _require(user, enrolment: Enrolment) -> None:
    if not caseload.holds(user, enrolment):
        raise NotAllowed(_("您不是该帮扶对象的责任人、网格长或关爱帮扶专干。"))


def _active(enrolment: Enrolment) -> None:
    if not enrolment.active:
        refuse({"enrolment": _("该居民已于 %(day)s 退出帮扶项目。") % {
            "day": timezone.localdate(enrolment.left_at).isoformat()}})


# ---- visits and the needs found on them


@dataclass
class NeedIn:
    """A need found on a visit: what the resident needs and the category of request it is."""

    category: Category | None
    description: str


@dataclass
class VisitIn:
    visited_at: datetime | None
    notes: str
    needs: list[NeedIn] = field(default_factory=list)


def record_visit(user, enrolment: Enrolment, data: VisitIn, now: datetime | None = None) -> Visit:
    """A visit and, in the same step, a request case for each need found; all or nothing."""
    now = now or timezone.now()
    _require(user, enrolment)
    _active(enrolment)
    refuse(_visit_problems(enrolment, data, now))
    with transaction.atomic():
        visit = Visit.objects.create(enrolment=enrolment, visited_by=user, visited_at=data.visited_at,
                                     notes=data.notes.strip(), recorded_at=now)
        for number, need in enumerate(data.needs, start=1):
            Need.objects.create(visit=visit, description=need.description.strip(),
                                case=_file_need(user, enrolment, need, number, now))
        _visited(enrolment, data.visited_at)
    return visit


def _visit_problems(enrolment: Enrolment, data: VisitIn, now: datetime) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.visited_at is None:
        errors["visited_at"] = _("请填写走访时间。")
    elif data.visited_at > now:
        errors["visited_at"] = _("走访时间不能晚于现在。")
    elif data.visited_at < enrolment.consented_at:
        errors["visited_at"] = _("走访时间不能早于同意帮扶的时间。")
    _text(errors, "notes", data.notes, NOTE_MAX, _("走访记录"))
    if len(data.needs) > NEEDS_MAX:
        errors["needs"] = _("一次走访最多登记 %(n)d 项需求。") % {"n": NEEDS_MAX}
    for number, need in enumerate(data.needs, start=1):
        _need_problems(errors, number, need)
    return errors


def _need_problems(errors: dict, number: int, need: NeedIn) -> None:
    category = need.category
    if category is None or not category.is_active or category.kind != CaseKind.REQUEST:
        errors[f"need-{number}-category"] = _("需求 %(n)d：请选择一个启用的诉求类事项分类。") % {"n": number}
    _text(errors, f"need-{number}-description", need.description, NEED_MAX, _("需求 %(n)d") % {"n": number})


def _file_need(user, enrolment: Enrolment, need: NeedIn, number: int, now: datetime):
    """The need as a request case at the resident's place; a refusal names the need and undoes the visit."""
    try:
        return file_case(need_report(enrolment, need), user, now=now)
    except WorkflowError as refusal:
        message = _("需求 %(n)d 未能上报：%(why)s") % {"n": number, "why": refusal.message}
        raise InvalidInput(message, {f"need-{number}-description": message}) from None


def need_report(enrolment: Enrolment, need: NeedIn) -> Report:
    """Filed on the grid channel at a point inside the resident's grid, with their unit's name as the address
    and the resident as reporter (masked everywhere, as every reporter is); the programme is not named."""
    lon, lat = get_index().centre(enrolment.area_code[:LEVEL_LENGTHS[AreaLevel.GRID]]) or (None, None)
    description = need.description.strip()
    return Report(category=need.category, title=description[:TITLE_MAX], description=description,
                  channel=Channel.GRID_WORKER, longitude=lon, latitude=lat, address=unit_address(enrolment.area),
                  reporter_name=enrolment.resident_name, reporter_phone=enrolment.resident_phone)


def _visited(enrolment: Enrolment, visited_at: datetime) -> None:
    """The latest visit sets when the next one is due; one entered late for an earlier day does not."""
    if enrolment.last_visited_at and enrolment.last_visited_at > visited_at:
        return
    enrolment.last_visited_at = visited_at
    enrolment.next_visit_on = timezone.localdate(visited_at) + timedelta(days=enrolment.frequency)
    enrolment.save(update_fields=["last_visited_at", "next_visit_on"])


def need_categories():
    """The categories a need may be filed under: the active request categories, in tree order."""
    found = Category.objects.filter(is_active=True, kind=CaseKind.REQUEST).order_by("code")
    return found.only("code", "name", "path")[:MAX_CATEGORIES]


def routes(needs) -> dict[int, str]:
    """The department the routing rules name for each need's case (by need), as the dispatcher is offered it."""
    if not needs:
        return {}
    book = routing.RuleBook()
    leads = {need.pk: book.propose(need.case.category, need.case.area_code).lead for need in needs}
    return {pk: str(lead) for pk, lead in leads.items() if lead}


# ---- leaving


def leave(user, enrolment: Enrolment, reason: str, note: str, now: datetime | None = None) -> Enrolment:
    """The resident leaves the programme; the record and its visits are kept, no more visits fall due."""
    now = now or timezone.now()
    _require(user, enrolment)
    _active(enrolment)
    errors: dict[str, str] = {}
    if reason not in LeaveReason.values:
        errors["reason"] = _("请选择退出原因。")
    if reason == LeaveReason.OTHER or note:
        _text(errors, "note", note, 500, _("退出说明"))
    refuse(errors)
    enrolment.left_at, enrolment.leave_reason, enrolment.leave_note = now, reason, note.strip()
    enrolment.next_visit_on = None
    enrolment.save(update_fields=["left_at", "leave_reason", "leave_note", "next_visit_on"])
    return enrolment


# ---- the caseload list: masked names, no log (it opens no record)


def listed(user, filters: dict, today):
    """The user's caseload: those in the programmes now (by default), those due within a week, or those who
    left; narrowed to one programme."""
    rows = caseload.records(user).select_related("area__parent", "worker")
    state = filters.get("state")
    if state == "left":
        rows = rows.filter(left_at__isnull=False).order_by("-left_at", "-pk")
    else:
        rows = rows.filter(left_at__isnull=True).order_by("next_visit_on", "pk")
    if state == "due":
        rows = rows.filter(next_visit_on__lte=today + timedelta(days=7))
    if filters.get("programme"):
        rows = rows.filter(programme=filters["programme"])
    return rows
