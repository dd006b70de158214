"""Who hears about a step: in-app notices to the staff who must act next, SMS to the resident.

Runs after the transition has committed (``tasks.after_transition``), so a slow gateway or a failed
notice never undoes a step. A notice stores its wording's code and parameters (registered here, when
``CasesConfig.ready()`` imports this module) and reads in each reader's language; SMS go out in the site's
language, whoever's click sent them.
"""

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civicgrid.geo.codes import LEVEL_LENGTHS
from civicgrid.notifications.choices import Channel, NoticeKind
from civicgrid.notifications.services import notify, send
from civicgrid.notifications.texts import register, site_language
from civicgrid.orgs.choices import DEPARTMENT_ROLES, GRID_ROLES, Role
from civicgrid.orgs.models import RoleAssignment

from . import registry
from .choices import ACTIVE_ASSIGNMENT_STATUSES, ApprovalKind, ApprovalStatus, Status

DISPATCHERS = (Role.DISPATCHER, Role.SHIFT_LEAD)

NEW_TASK = register("case.dispatched", gettext_lazy("新派遣案件 %(number)s：%(title)s"))
APPROVAL = register("case.approval_requested", gettext_lazy("%(number)s 有%(kind)s申请待审批：%(note)s"),
                    kind=ApprovalKind)
DECIDED = register("case.approval_decided", gettext_lazy("您对 %(number)s 的%(kind)s申请%(decision)s。"),
                   kind=ApprovalKind, decision=ApprovalStatus)
TO_VERIFY = register("case.handled", gettext_lazy("案件 %(number)s 已处置，请现场核查。"))
TO_CLOSE = register("case.verified", gettext_lazy("案件 %(number)s 已核查通过，请结案。"))
ESCALATED = register("case.escalated", gettext_lazy("下级中心上报案件 %(number)s：%(title)s"))
REMINDED = register("case.reminded", gettext_lazy("请尽快办理案件 %(number)s：%(title)s"))
SUPERVISED = register("case.supervised", gettext_lazy("案件 %(number)s 已被督办，请加快办理。"))
CLOSED_NO_CALLBACK = register("case.closed_without_callback", gettext_lazy("您上报的案件 %(number)s 已办结（无需回访）。"))
REWORK = register("case.rework", gettext_lazy("案件 %(number)s 需返工，请重新处置。"))
CASE_OVERDUE = register("case.overdue", gettext_lazy("案件 %(number)s（%(status)s）已超期。"), status=Status)
ASSIGNMENT_OVERDUE = register("assignment.overdue", gettext_lazy("案件 %(number)s 已超过办理期限，请尽快处置。"))
YELLOW_LIGHT = register("assignment.yellow", gettext_lazy("催办提醒：案件 %(number)s 将于 %(due)s 到期，请抓紧办理。"))


def department_staff(department_ids):
    return RoleAssignment.objects.filter(department_id__in=department_ids, role__in=DEPARTMENT_ROLES) \
        .values_list("staff_id", flat=True)


def centre_staff(area, roles=DISPATCHERS):
    return RoleAssignment.objects.filter(area=area, role__in=roles).values_list("staff_id", flat=True)


def verifiers(case):
    """Who verifies on site: the grid's own staff, and the inspectors (监督员) whose area holds the case."""
    above = [case.area_code[:length] for length in LEVEL_LENGTHS.values() if length <= len(case.area_code)]
    grid = Q(area_id=case.area_id, role__in=GRID_ROLES)
    return RoleAssignment.objects.filter(grid | Q(area__code__in=above, role=Role.INSPECTOR)) \
        .values_list("staff_id", flat=True)


def after(event) -> None:
    """The step's own notices (registered with it), then the resident's SMS when the case reached a new state."""
    step = registry.step(event.action)
    if step and step.notify:
        step.notify(event)
    if event.to_status != event.from_status and event.to_status in RESIDENT_TEXTS:
        with site_language():
            tell_residents(event.case, RESIDENT_TEXTS[event.to_status]())


def new_assignments(event) -> None:
    ids = event.case.assignments.filter(pk__in=event.data.get("assignments", [])).values_list("department_id",
                                                                                            flat=True)
    notify(department_staff(ids), NoticeKind.NEW_TASK, NEW_TASK(**_texts(event)), event.case)


def approval_requested(event) -> None:
    approver_roles = registry.step(registry.approver_action(event.data["kind"])).roles
    text = APPROVAL(**_texts(event), kind=event.data["kind"], note=event.note[:100])
    notify(centre_staff(event.case.centre_area, approver_roles), NoticeKind.APPROVAL, text, event.case)


def decided(event) -> None:
    from .models import Approval

    approval = Approval.objects.filter(pk=event.data.get("approval")).first()
    if approval:
        text = DECIDED(number=event.case.number, kind=approval.kind, decision=approval.status)
        notify([approval.requested_by_id], NoticeKind.RESULT, text, event.case)


def _to_departments(kind, text, only_to=None):
    def handler(event):
        if only_to and event.to_status != only_to:
            return
        case = event.case
        ids = case.assignments.filter(status__in=ACTIVE_ASSIGNMENT_STATUSES).values_list("department_id", flat=True)
        notify(department_staff(ids), kind, text(**_texts(event)), case)
    return handler


def to_verifiers(event) -> None:
    if event.to_status == Status.HANDLED:
        notify(verifiers(event.case), NoticeKind.NEW_TASK, TO_VERIFY(number=event.case.number), event.case)


def to_shift_lead(event) -> None:
    notify(centre_staff(event.case.centre_area, (Role.SHIFT_LEAD,)), NoticeKind.NEW_TASK,
           TO_CLOSE(number=event.case.number), event.case)


def to_filer(event) -> None:
    """The staff member who filed the case (a grid worker, a 楼栋长) hears that it is finished."""
    if event.case.reported_by_id:
        notify([event.case.reported_by_id], NoticeKind.RESULT, CLOSED_NO_CALLBACK(number=event.case.number), event.case)


def to_new_centre(event) -> None:
    notify(centre_staff(event.case.centre_area), NoticeKind.NEW_TASK, ESCALATED(**_texts(event)), event.case)


def _texts(event) -> dict:
    return {"number": event.case.number, "title": event.case.title[:40]}


def tell_residents(case, text: str) -> None:
    """SMS to the reporter and to everyone whose duplicate report was merged into this case."""
    phones = [case.reporter_phone, *case.followers.values_list("phone", flat=True)]
    link = settings.CIVICGRID_PUBLIC_URL.rstrip("/") + reverse("public:track")
    for phone in dict.fromkeys(p for p in phones if p):
        send(Channel.SMS, phone, text % {"number": case.number, "link": link})


RESIDENT_TEXTS = {
    Status.REGISTERED: lambda: _("【综治中心】您反映的问题已受理，编号 %(number)s，可凭编号和手机号在 %(link)s 查询进度。"),
    Status.CLOSED: lambda: _("【综治中心】您反映的问题（%(number)s）已办结，请在 %(link)s 查看结果并评价。"),
}


reminded = _to_departments(NoticeKind.REMINDER, REMINDED)
supervised = _to_departments(NoticeKind.SUPERVISION, SUPERVISED)
reworked = _to_departments(NoticeKind.NEW_TASK, REWORK, only_to=Status.DISPATCHED)
