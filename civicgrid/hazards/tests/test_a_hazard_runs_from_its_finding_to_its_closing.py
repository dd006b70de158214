"""A hazard runs the one loop with its own steps: recorded, graded, rectification ordered, dispatched to the
supervising department, handled, accepted on site (整改验收) and closed (销号); the spine's 核查通过 and 结案
are not open to it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.cases.services import transition
from civicgrid.cases.workflow import InvalidInput
from civicgrid.hazards.choices import CheckKind
from civicgrid.hazards.models import Hazard

from .conftest import graded


@pytest.fixture
def dispatched(hazard_case, township_dispatcher, department_handler, gas):
    case = graded(hazard_case, township_dispatcher, gas)
    transition(case, "dispatch", township_dispatcher, lead=department_handler.assignments.get().department_id)
    return case


def test_the_department_orders_handles_and_the_grid_worker_accepts_before_the_shift_lead_closes(
        dispatched, department_handler, grid_worker, shift_lead):
    deadline = timezone.localdate() + timedelta(days=10)
    transition(dispatched, "hazard_order", department_handler, measures="更换燃气软管，加装报警器", deadline=deadline)
    assignment = dispatched.assignments.get()
    transition(dispatched, "accept", department_handler, assignment=assignment)
    transition(dispatched, "handle", department_handler, assignment=assignment, note="软管已更换")
    transition(dispatched, "hazard_accept", grid_worker, note="现场复查，报警器工作正常")
    transition(dispatched, "hazard_close", shift_lead)
    dispatched.refresh_from_db()
    hazard = Hazard.objects.get()
    assert dispatched.status == "closed" and hazard.closed_at is not None
    assert hazard.verified_by == grid_worker and timezone.localtime(hazard.due_at).date() == deadline
    assert list(hazard.checks.values_list("kind", flat=True)) == [CheckKind.PASSED]


def test_the_order_gives_the_department_until_the_rectification_deadline(dispatched, department_handler):
    transition(dispatched, "hazard_order", department_handler, measures="限期整改",
               deadline=timezone.localdate() + timedelta(days=20))
    dispatched.refresh_from_db()
    hazard, assignment = Hazard.objects.get(), dispatched.assignments.get()
    assert assignment.due_at == hazard.due_at == dispatched.due_at


def test_without_a_deadline_the_rectification_stage_limit_applies(dispatched, department_handler):
    transition(dispatched, "hazard_order", department_handler, measures="限期整改")
    hazard = Hazard.objects.get()
    assert hazard.due_at - hazard.started_at == timedelta(days=30)


def test_a_deadline_in_the_past_is_refused(dispatched, department_handler):
    with pytest.raises(InvalidInput, match="整改期限不能早于今天"):
        transition(dispatched, "hazard_order", department_handler, measures="限期整改",
                   deadline=timezone.localdate() - timedelta(days=1))
    assert Hazard.objects.get().measures == ""


def test_a_rectification_ordered_without_a_department_is_accepted_from_registered(
        hazard_case, township_dispatcher, grid_worker, shift_lead, gas):
    case = graded(hazard_case, township_dispatcher, gas, grade="blue")
    transition(case, "hazard_order", township_dispatcher, measures="督促店主清理楼道杂物")
    transition(case, "hazard_accept", grid_worker, note="已清理")
    transition(case, "hazard_close", shift_lead)
    case.refresh_from_db()
    assert case.status == "closed"


def test_a_failed_acceptance_sends_it_back_to_the_department(dispatched, department_handler, grid_worker):
    transition(dispatched, "hazard_order", department_handler, measures="限期整改")
    assignment = dispatched.assignments.get()
    transition(dispatched, "accept", department_handler, assignment=assignment)
    transition(dispatched, "handle", department_handler, assignment=assignment, note="已整改")
    transition(dispatched, "hazard_reject", grid_worker, note="软管仍未更换")
    dispatched.refresh_from_db()
    assert dispatched.status == "dispatched" and dispatched.assignments.get().status == "accepted"
    assert list(Hazard.objects.get().checks.values_list("kind", flat=True)) == [CheckKind.FAILED]


def test_the_spines_verify_and_close_are_not_open_to_a_hazard(dispatched, grid_worker, shift_lead):
    for action, actor in (("verify", grid_worker), ("close", shift_lead), ("self_resolve", grid_worker)):
        with pytest.raises(InvalidInput, match="没有"):
            transition(dispatched, action, actor)
