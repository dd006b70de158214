from civicgrid.cases.choices import AssignmentStatus, Status
from civicgrid.cases.models import CaseEvent
from civicgrid.cases.services import transition
from civicgrid.cases.workflow import RESIDENT
from civicgrid.notifications.models import Notice, OutboxMessage
from civicgrid.testing import factories


def test_a_reported_case_goes_from_report_to_a_satisfied_callback(
    reported_case, intake_clerk, township_dispatcher, department_handler, second_department_handler, grid_worker,
    shift_lead, django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        run_the_loop(reported_case, intake_clerk, township_dispatcher, department_handler,
                     second_department_handler, grid_worker, shift_lead)
    assert Notice.objects.filter(recipient=department_handler, kind="new_task").exists()
    assert Notice.objects.filter(recipient=grid_worker, kind="new_task").count() == 2
    assert OutboxMessage.objects.filter(recipient="13800138000").count() == 3


def run_the_loop(case, intake_clerk, township_dispatcher, department_handler, second_department_handler,
                 grid_worker, shift_lead):
    assert case.status == Status.REPORTED and case.area.code == "610802001001001"
    assert case.centre_area.code == "610802001" and case.number.startswith("610802-")
    transition(case, "register", intake_clerk)
    lead = department_handler.assignments.get().department
    co = second_department_handler.assignments.get().department
    transition(case, "dispatch", township_dispatcher, lead=lead.pk, co=[co.pk])
    case.refresh_from_db()
    assert case.status == Status.DISPATCHED and case.assignments.count() == 2
    for handler in (department_handler, second_department_handler):
        assignment = case.assignments.get(department__assignments__staff=handler)
        transition(case, "accept", handler, assignment=assignment)
        transition(case, "handle", handler, assignment=assignment, note="已清理", files=[factories.jpeg()])
    case.refresh_from_db()
    assert case.status == Status.HANDLED
    transition(case, "verify", grid_worker)
    transition(case, "close", shift_lead)
    transition(case, "callback", RESIDENT, satisfaction="unsatisfied")
    case.refresh_from_db()
    assert case.status == Status.DISPATCHED and case.rework_count == 1
    assert set(case.assignments.values_list("status", flat=True)) == {AssignmentStatus.ACCEPTED}
    for assignment in case.assignments.all():
        handler = assignment.department.assignments.get().staff
        transition(case, "handle", handler, assignment=assignment, note="再次清理")
    transition(case, "verify", grid_worker)
    transition(case, "close", shift_lead)
    transition(case, "callback", RESIDENT, satisfaction="satisfied")
    case.refresh_from_db()
    assert case.status == Status.RATED and case.satisfaction == "satisfied"
    assert CaseEvent.objects.filter(case=case).count() == 15
