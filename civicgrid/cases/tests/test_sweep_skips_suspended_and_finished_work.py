"""Suspended work has a stopped clock and finished work none: the sweep leaves both alone."""

from datetime import timedelta

import pytest

from civicgrid.cases import sweep
from civicgrid.cases.models import Approval, Assignment, CaseEvent
from civicgrid.cases.services import decide, transition
from civicgrid.notifications.models import Notice
from civicgrid.testing import factories

FAR_FUTURE = timedelta(days=365)


@pytest.fixture
def dispatched(reported_case, intake_clerk, township_dispatcher, department_handler):
    transition(reported_case, "register", intake_clerk)
    lead = department_handler.assignments.get().department
    transition(reported_case, "dispatch", township_dispatcher, lead=lead.pk)
    reported_case.refresh_from_db()
    return reported_case


def nothing_was_swept(case) -> bool:
    return (not CaseEvent.objects.filter(case=case, action__in=["overdue", "remind"]).exists()
            and not Notice.objects.filter(case=case, kind__in=["overdue", "reminder"]).exists())


def test_a_suspended_case_and_its_assignments_are_skipped(dispatched, township_dispatcher, shift_lead):
    transition(dispatched, "request_suspension", township_dispatcher, note="等待上级政策答复")
    decide(Approval.objects.get(case=dispatched), True, shift_lead)

    assert sweep.run(now=dispatched.due_at + FAR_FUTURE) == {"cases": 0, "assignments": 0, "reminders": 0}
    dispatched.refresh_from_db()
    assert not dispatched.overdue and not Assignment.objects.get(case=dispatched).overdue
    assert nothing_was_swept(dispatched)


def test_a_resumed_case_is_swept_again_once_its_shifted_clock_runs_out(dispatched, township_dispatcher,
                                                                        shift_lead):
    transition(dispatched, "request_suspension", township_dispatcher, note="等待上级政策答复")
    decide(Approval.objects.get(case=dispatched), True, shift_lead)
    transition(dispatched, "resume", township_dispatcher)
    dispatched.refresh_from_db()

    assert sweep.run(now=dispatched.due_at + timedelta(minutes=1))["cases"] == 1


def test_a_closed_case_is_skipped(dispatched, department_handler, grid_worker, shift_lead):
    assignment = Assignment.objects.get(case=dispatched)
    transition(dispatched, "accept", department_handler, assignment=assignment)
    transition(dispatched, "handle", department_handler, assignment=assignment, note="已清理",
               files=[factories.jpeg()])
    transition(dispatched, "verify", grid_worker)
    transition(dispatched, "close", shift_lead)

    assert sweep.run(now=dispatched.due_at + FAR_FUTURE) == {"cases": 0, "assignments": 0, "reminders": 0}
    assert nothing_was_swept(dispatched)


def test_a_voided_case_is_skipped(reported_case, intake_clerk, shift_lead):
    due = reported_case.due_at
    transition(reported_case, "request_void", intake_clerk, note="重复来电")
    decide(Approval.objects.get(case=reported_case), True, shift_lead, note="同意作废")

    assert sweep.run(now=due + FAR_FUTURE)["cases"] == 0
    assert nothing_was_swept(reported_case)


def test_a_handled_assignment_is_skipped_while_its_case_waits_for_verification(dispatched, department_handler):
    assignment = Assignment.objects.get(case=dispatched)
    transition(dispatched, "accept", department_handler, assignment=assignment)
    transition(dispatched, "handle", department_handler, assignment=assignment, note="已清理",
               files=[factories.jpeg()])
    dispatched.refresh_from_db()

    counts = sweep.run(now=dispatched.due_at + timedelta(minutes=1))
    assert counts == {"cases": 1, "assignments": 0, "reminders": 0}, "the verification stage is late, not the department"
