"""The deadline sweep marks late cases and assignments once, on the timeline, and tells who must act."""

from datetime import timedelta

import pytest

from civicgrid.cases import sweep
from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Assignment, Case, CaseEvent
from civicgrid.cases.services import transition
from civicgrid.notifications.models import Notice
from civicgrid.testing import factories


@pytest.fixture
def dispatched(reported_case, intake_clerk, township_dispatcher, department_handler):
    """The litter case registered and sent to the department of ``department_handler``."""
    transition(reported_case, "register", intake_clerk)
    lead = department_handler.assignments.get().department
    transition(reported_case, "dispatch", township_dispatcher, lead=lead.pk)
    reported_case.refresh_from_db()
    return reported_case


def overdue_events(case):
    return CaseEvent.objects.filter(case=case, action="overdue")


def test_a_late_case_and_its_late_assignment_are_marked_with_one_event_each(dispatched):
    counts = sweep.run(now=dispatched.due_at + timedelta(minutes=1))

    dispatched.refresh_from_db()
    assignment = Assignment.objects.get(case=dispatched)
    assert counts == {"cases": 1, "assignments": 1, "reminders": 0}
    assert dispatched.overdue and assignment.overdue
    assert overdue_events(dispatched).filter(assignment=None).count() == 1
    assert overdue_events(dispatched).filter(assignment=assignment).count() == 1
    assert overdue_events(dispatched).get(assignment=None).actor is None


def test_a_second_sweep_marks_nothing_new(dispatched):
    later = dispatched.due_at + timedelta(minutes=1)
    sweep.run(now=later)
    notices = Notice.objects.count()

    assert sweep.run(now=later + timedelta(days=3)) == {"cases": 0, "assignments": 0, "reminders": 0}
    assert overdue_events(dispatched).count() == 2
    assert Notice.objects.count() == notices


def test_work_not_yet_due_is_left_alone(dispatched):
    assert sweep.run(now=dispatched.due_at - timedelta(seconds=1))["cases"] == 0
    dispatched.refresh_from_db()
    assert not dispatched.overdue and not overdue_events(dispatched).exists()


def test_the_centre_s_dispatchers_and_shift_leads_and_the_department_s_staff_are_told(
    dispatched, township_dispatcher, shift_lead, department_handler, second_department_handler, outsider,
    grid_worker,
):
    sweep.run(now=dispatched.due_at + timedelta(minutes=1))

    told = set(Notice.objects.filter(kind="overdue", case=dispatched).values_list("recipient__username", flat=True))
    assert told == {"dispatcher", "shift_lead", "handler"}
    assert "已超期" in Notice.objects.get(recipient=shift_lead, kind="overdue").text
    assert "已超过办理期限" in Notice.objects.get(recipient=department_handler, kind="overdue").text


def test_a_case_late_again_in_a_later_stage_is_marked_again(reported_case, intake_clerk, township_dispatcher,
                                                             department_handler):
    transition(reported_case, "register", intake_clerk)
    reported_case.refresh_from_db()
    sweep.run(now=reported_case.due_at + timedelta(minutes=1))

    lead = department_handler.assignments.get().department
    transition(reported_case, "dispatch", township_dispatcher, lead=lead.pk)
    reported_case.refresh_from_db()
    assert not reported_case.overdue, "a new stage starts a new clock"
    sweep.run(now=reported_case.due_at + timedelta(minutes=1))

    stages = overdue_events(reported_case).filter(assignment=None).values_list("from_status", flat=True)
    assert list(stages) == ["registered", "dispatched"]


def test_a_backlog_larger_than_a_batch_is_cleared_in_one_run(street_litter, intake_clerk, monkeypatch):
    cases = [file_case(factories.report(street_litter, title=f"第{n}件")) for n in range(3)]
    for case in cases:
        transition(case, "register", intake_clerk)
    monkeypatch.setattr(sweep, "BATCH", 2)

    latest_due = max(Case.objects.values_list("due_at", flat=True))
    assert sweep.run(now=latest_due + timedelta(minutes=1))["cases"] == 3
    assert CaseEvent.objects.filter(action="overdue").count() == 3
