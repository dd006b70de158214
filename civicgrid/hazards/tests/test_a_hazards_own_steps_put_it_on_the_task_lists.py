"""A hazard waits for its own steps, not the spine's it skips: handled by the department, it is the grid
worker's 整改验收 (待核查 on their task list); accepted, the shift lead's 销号 (待结案)."""

from django.utils import timezone

from civicgrid.cases.services import transition
from civicgrid.core import worklist

from .conftest import graded


def waiting(user) -> list[tuple[str, str]]:
    return [(task.kind, task.url) for task in worklist.tasks_for(user, user.scope.roles, timezone.now())
            if task.kind != "零报告"]


def test_the_rectified_hazard_waits_for_acceptance_then_for_closing(
        hazard_case, township_dispatcher, department_handler, grid_worker, shift_lead, gas):
    case = graded(hazard_case, township_dispatcher, gas)
    transition(case, "dispatch", township_dispatcher, lead=department_handler.assignments.get().department_id)
    transition(case, "hazard_order", department_handler, measures="更换燃气软管")
    assignment = case.assignments.get()
    transition(case, "accept", department_handler, assignment=assignment)
    transition(case, "handle", department_handler, assignment=assignment, note="软管已更换")
    url = f"/cases/{case.number}/"
    assert waiting(grid_worker) == [("待核查", url)] and waiting(shift_lead) == []
    transition(case, "hazard_accept", grid_worker, note="现场复查合格")
    assert waiting(grid_worker) == [] and waiting(shift_lead) == [("待结案", url)]
    transition(case, "hazard_close", shift_lead)
    assert waiting(shift_lead) == [("待回访", url)]
