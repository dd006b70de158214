"""The periodic deadline sweep (超期扫描): marks overdue work once and tells whoever must act.

Run by the scheduler through ``tasks.sweep_deadlines``. Each case or assignment is marked once per
clock, with one ``overdue`` event on the case's timeline: a new stage starts a new clock
(``deadlines.start`` clears the mark), so a case late again in a later stage is marked again.
Suspended work is skipped because its clock stands still; finished work has no clock.

Before work turns red, each assignment whose light has turned yellow gets one reminder (黄灯提醒):
a ``remind`` event by the system (no actor) on the timeline, and a notice to the department's staff.
That event is also what keeps the reminder to one per clock.

The marks are steps of the loop (``overdue``, ``remind`` by the system) applied through the one writer
(``services.apply_system``, ``writer.write_many``), a batch at a time; they leave the case's version alone,
so a page a user has open stays current.

Rows are locked with SKIP LOCKED, so a row a transition holds is left for the next sweep rather than
waited for, and two sweeps running at once do not mark the same row twice. Each batch commits on its
own: marks, events and notices together or not at all.
"""

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from civicgrid.notifications.choices import NoticeKind
from civicgrid.notifications.services import notify
from civicgrid.notifications.texts import Words

from . import services, writer
from .choices import ACTIVE_ASSIGNMENT_STATUSES, OPEN_STATUSES
from .models import Assignment, Case, CaseEvent
from .notices import ASSIGNMENT_OVERDUE, CASE_OVERDUE, YELLOW_LIGHT, centre_staff, department_staff
from .workflow import Action

BATCH = 500


def run(now=None) -> dict:
    now = now or timezone.now()
    return {"cases": _drain(_sweep_cases, now), "assignments": _drain(_sweep_assignments, now),
            "reminders": _drain(_remind_yellow, now)}


def _drain(sweep, now) -> int:
    """Repeat a batch until one comes back short, so a backlog is cleared in one run without long locks."""
    total = 0
    while (done := sweep(now)) == BATCH:
        total += done
    return total + done


def _locked(queryset):
    # of=("self",): lock the swept rows only, not the rows joined in for names and numbers.
    return list(queryset.select_for_update(skip_locked=True, of=("self",))[:BATCH])


def late_cases(now):
    return Case.objects.filter(status__in=OPEN_STATUSES, suspended_at__isnull=True, overdue=False, due_at__lt=now)


def late_assignments(now):
    return _running_assignments().filter(overdue=False, due_at__lt=now)


def yellow_assignments(now):
    """Running assignments in their yellow stretch that have had no reminder since their clock started."""
    reminded = CaseEvent.objects.filter(assignment=OuterRef("pk"), action=Action.REMIND, actor__isnull=True,
                                        created_at__gte=OuterRef("started_at"))
    return _running_assignments().filter(overdue=False, warn_at__lte=now, due_at__gt=now) \
        .exclude(Exists(reminded))


def _running_assignments():
    return Assignment.objects.filter(status__in=ACTIVE_ASSIGNMENT_STATUSES, suspended_at__isnull=True,
                                     case__status__in=OPEN_STATUSES)


def _sweep_cases(now) -> int:
    with transaction.atomic():
        cases = _locked(late_cases(now).select_related("centre_area", "category").order_by("due_at"))
        _write([services.apply_system(case, Action.OVERDUE, now) for case in cases])
        staff = _StaffCache(centre_staff)
        for case in cases:
            notify(staff[case.centre_area_id], *case_notice(case), case)
    return len(cases)


def _sweep_assignments(now) -> int:
    with transaction.atomic():
        assignments = _locked(late_assignments(now).select_related("case__centre_area", "department")
                              .order_by("due_at"))
        _write([services.apply_system(a.case, Action.OVERDUE, now, a) for a in assignments])
        staff = _StaffCache(department_staff_of)
        for assignment in assignments:
            notify(staff[assignment.department_id], *assignment_notice(assignment), assignment.case)
    return len(assignments)


def _remind_yellow(now) -> int:
    with transaction.atomic():
        assignments = _locked(yellow_assignments(now).select_related("case__centre_area", "department")
                              .order_by("due_at"))
        _write([services.apply_system(a.case, Action.REMIND, now, a) for a in assignments])
        staff = _StaffCache(department_staff_of)
        for assignment in assignments:
            notify(staff[assignment.department_id], *reminder_notice(assignment), assignment.case)
    return len(assignments)


# The same rules for work a batch keeps in memory (``batch.Batch.sweep``), read off the records themselves.


def is_late_case(case: Case, now) -> bool:
    return case.status in OPEN_STATUSES and case.suspended_at is None and not case.overdue and \
        case.due_at is not None and case.due_at < now


def is_running(assignment: Assignment, case: Case) -> bool:
    return assignment.status in ACTIVE_ASSIGNMENT_STATUSES and assignment.suspended_at is None and \
        case.status in OPEN_STATUSES and not assignment.overdue


def is_late_assignment(assignment: Assignment, case: Case, now) -> bool:
    return is_running(assignment, case) and assignment.due_at < now


def is_yellow(assignment: Assignment, case: Case, now, reminded_at) -> bool:
    """In its yellow stretch with no reminder (``reminded_at``: the last, or None) since its clock started."""
    if not is_running(assignment, case) or not assignment.warn_at <= now < assignment.due_at:
        return False
    return reminded_at is None or reminded_at < assignment.started_at


def case_notice(case: Case) -> tuple[str, Words]:
    return NoticeKind.OVERDUE, CASE_OVERDUE(number=case.number, status=case.status)


def assignment_notice(assignment: Assignment) -> tuple[str, Words]:
    return NoticeKind.OVERDUE, ASSIGNMENT_OVERDUE(number=assignment.case.number)


def reminder_notice(assignment: Assignment) -> tuple[str, Words]:
    due = timezone.localtime(assignment.due_at).strftime("%Y-%m-%d %H:%M")
    return NoticeKind.REMINDER, YELLOW_LIGHT(number=assignment.case.number, due=due)


class _StaffCache(dict):
    """Staff ids per centre or department, looked up once per batch: a batch often shares a few of them."""

    def __init__(self, lookup):
        super().__init__()
        self.lookup = lookup

    def __missing__(self, key):
        self[key] = list(self.lookup(key))
        return self[key]


def department_staff_of(department_id):
    return department_staff([department_id])


def _write(works) -> None:
    """The marks through the one writer, a batch at a time: only the ``overdue`` (and a case's ``late``) flags change."""
    writer.write_many(works, changed={Case: ["overdue", "late"], Assignment: ["overdue"]})
