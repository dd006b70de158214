"""The periodic deadline sweep (超期扫描): marks overdue work once and tells whoever must act.

Run by the scheduler through ``tasks.sweep_deadlines``. Each case or assignment is marked once, with
one ``overdue`` event on the case's timeline; suspended work is skipped because its clock stands still.
"""

from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.notifications.choices import NoticeKind
from civicgrid.notifications.services import notify

from .choices import ACTIVE_ASSIGNMENT_STATUSES, OPEN_STATUSES
from .models import Assignment, Case, CaseEvent
from .notices import centre_staff, department_staff
from .workflow import Action

BATCH = 2000


def run(now=None) -> dict:
    now = now or timezone.now()
    return {"cases": _sweep_cases(now), "assignments": _sweep_assignments(now)}


def _sweep_cases(now) -> int:
    late = Case.objects.filter(status__in=OPEN_STATUSES, suspended_at__isnull=True, overdue=False, due_at__lt=now)
    cases = list(late.select_related("centre_area")[:BATCH])
    with transaction.atomic():
        Case.objects.filter(pk__in=[c.pk for c in cases]).update(overdue=True)
        CaseEvent.objects.bulk_create([_event(case, None, now) for case in cases])
    for case in cases:
        notify(centre_staff(case.centre_area), NoticeKind.OVERDUE,
               _("案件 %(number)s（%(status)s）已超期。") % {"number": case.number, "status": case.get_status_display()},
               case)
    return len(cases)


def _sweep_assignments(now) -> int:
    late = Assignment.objects.filter(status__in=ACTIVE_ASSIGNMENT_STATUSES, suspended_at__isnull=True,
                                     overdue=False, due_at__lt=now)
    assignments = list(late.select_related("case", "department")[:BATCH])
    with transaction.atomic():
        Assignment.objects.filter(pk__in=[a.pk for a in assignments]).update(overdue=True)
        CaseEvent.objects.bulk_create([_event(a.case, a, now) for a in assignments])
    by_department = defaultdict(list)
    for assignment in assignments:
        by_department[assignment.department_id].append(assignment)
    for department_id, items in by_department.items():
        staff = list(department_staff([department_id]))
        for assignment in items:
            notify(staff, NoticeKind.OVERDUE, _("案件 %(number)s 已超过办理期限，请尽快处置。") % {
                "number": assignment.case.number}, assignment.case)
    return len(assignments)


def _event(case, assignment, now) -> CaseEvent:
    return CaseEvent(case=case, assignment=assignment, action=Action.OVERDUE, actor_label=_("系统"),
                     from_status=case.status, to_status=case.status, created_at=now,
                     data={"department": assignment.department.name} if assignment else {})
