"""When an assignment's light turns yellow (80 % of its time used), its department gets one reminder (催办提醒)."""

from datetime import timedelta

import pytest

from civicgrid.cases import sweep
from civicgrid.cases.models import Approval, Assignment, CaseEvent
from civicgrid.cases.services import decide, transition
from civicgrid.notifications.models import Notice


@pytest.fixture
def dispatched(reported_case, intake_clerk, township_dispatcher, department_handler):
    transition(reported_case, "register", intake_clerk)
    lead = department_handler.assignments.get().department
    transition(reported_case, "dispatch", township_dispatcher, lead=lead.pk)
    reported_case.refresh_from_db()
    return reported_case


@pytest.fixture
def assignment(dispatched):
    return Assignment.objects.get(case=dispatched)


def reminders(assignment):
    return CaseEvent.objects.filter(assignment=assignment, action="remind")


def test_a_yellow_assignment_gets_a_reminder_on_its_timeline_and_a_notice_to_its_department(
    assignment, department_handler, township_dispatcher,
):
    assert sweep.run(now=assignment.warn_at + timedelta(seconds=1))["reminders"] == 1

    event = reminders(assignment).get()
    assert event.actor is None and event.actor_label == "系统" and event.data["automatic"] is True
    notice = Notice.objects.get(kind="reminder")
    assert notice.recipient == department_handler and notice.case_id == assignment.case_id
    assert notice.text.startswith("催办提醒") and assignment.case.number in notice.text
    assert not Notice.objects.filter(recipient=township_dispatcher, kind="reminder").exists()


def test_the_reminder_is_sent_once_while_the_light_stays_yellow(assignment):
    sweep.run(now=assignment.warn_at + timedelta(seconds=1))

    assert sweep.run(now=assignment.due_at - timedelta(seconds=1))["reminders"] == 0
    assert reminders(assignment).count() == 1 and Notice.objects.filter(kind="reminder").count() == 1


def test_a_green_assignment_gets_no_reminder(assignment):
    assert sweep.run(now=assignment.warn_at - timedelta(seconds=1))["reminders"] == 0
    assert not reminders(assignment).exists()


def test_red_work_is_marked_overdue_rather_than_reminded(assignment):
    counts = sweep.run(now=assignment.due_at + timedelta(minutes=1))
    assert counts["reminders"] == 0 and counts["assignments"] == 1


def test_a_handled_assignment_gets_no_reminder(assignment, department_handler):
    warn_at = assignment.warn_at
    transition(assignment.case, "accept", department_handler, assignment=assignment)
    transition(assignment.case, "handle", department_handler, assignment=assignment, note="已清理")

    assert sweep.run(now=warn_at + timedelta(seconds=1))["reminders"] == 0


def test_a_suspended_assignment_gets_no_reminder(dispatched, assignment, township_dispatcher, shift_lead):
    transition(dispatched, "request_suspension", township_dispatcher, note="等待上级政策答复")
    decide(Approval.objects.get(case=dispatched), True, shift_lead)

    assert sweep.run(now=assignment.warn_at + timedelta(seconds=1))["reminders"] == 0


def test_a_reworked_assignment_is_on_a_new_clock_and_is_reminded_again(
    dispatched, assignment, department_handler, grid_worker,
):
    yellow = assignment.warn_at + timedelta(seconds=1)
    sweep.run(now=yellow)
    later = yellow + timedelta(minutes=5)
    transition(dispatched, "accept", department_handler, assignment=assignment, now=later)
    transition(dispatched, "handle", department_handler, assignment=assignment, note="已清理", now=later)
    transition(dispatched, "reject", grid_worker, note="现场仍有垃圾", now=later)
    assignment.refresh_from_db()

    assert sweep.run(now=assignment.warn_at + timedelta(seconds=1))["reminders"] == 1
    assert reminders(assignment).count() == 2
