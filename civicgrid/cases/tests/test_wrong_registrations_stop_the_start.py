"""What an app registers with the loop is checked at start-up (``manage.py check``, every server start
through ``manage.py``): a mistake is a sentence naming it, never a failure at the first request."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from civicgrid.cases import checks, registry
from civicgrid.cases.inputs import MergeIn, StepInput
from civicgrid.cases.models import CaseEvent
from civicgrid.cases.registry import register_kind, register_stage, register_step
from civicgrid.core.choices import TimeUnit


class GradeIn(StepInput):
    grade: int = 1


def grade(work, params: GradeIn) -> None:
    work.data["grade"] = params.grade


@pytest.fixture
def fresh(monkeypatch):
    """An empty registry with one stage, so each test registers only what it is about."""
    monkeypatch.setattr(registry, "REGISTRY", registry.Registry())
    register_stage("handle", "处置")


def test_the_running_registry_is_sound():
    assert registry.problems() == [] and checks.registrations_are_sound() == []


def test_a_step_registered_twice_is_refused(fresh):
    register_step("grade", "定级", grade, sources={"registered"}, target=None, roles={"dispatcher"}, params=GradeIn)
    register_step("grade", "定级", grade, sources={"registered"}, target=None, roles={"dispatcher"}, params=GradeIn)
    assert registry.problems() == ["step 'grade' is registered twice"]


def test_a_step_awaited_in_a_state_it_is_not_taken_from_is_refused(fresh):
    register_step("grade", "定级", grade, sources={"registered"}, target=None, roles={"dispatcher"}, params=GradeIn,
                  awaited_in={"registered", "handled"})
    assert registry.problems() == ["step 'grade' is awaited in 'handled', which is not one of its sources"]


def test_a_kind_whose_record_is_not_a_side_record_of_a_case_is_refused(fresh):
    register_kind("dispute", "矛盾纠纷", record=CaseEvent, limits={"handle": (15, TimeUnit.WORK_DAYS)})
    (problem,) = registry.problems()
    assert problem.startswith("kind 'dispute': its record") and "one-to-one primary key to cases.Case" in problem


def test_a_step_whose_schema_is_not_what_its_function_takes_is_refused(fresh):
    register_step("grade", "定级", grade, sources={"registered"}, target=None, roles={"dispatcher"}, params=MergeIn)
    assert registry.problems() == ["step 'grade': its function takes GradeIn, but its input schema is MergeIn"]


def test_a_kinds_stage_without_a_time_limit_is_refused(fresh):
    register_kind("dispute", "矛盾纠纷", record=None, limits={"handle": None, "mediate": (5, TimeUnit.WORK_DAYS)})
    assert registry.problems() == ["kind 'dispute': stage 'handle' has no time limit (amount, unit)",
                                   "kind 'dispute': stage 'mediate' is not registered"]


def test_manage_py_check_stops_with_the_problem(fresh, db):
    """``db``: the model checks ask the database whether it stores JSON, unless an earlier test already did."""
    register_step("grade", "定级", None, sources={"registered"}, target=None, roles={"dispatcher"})
    with pytest.raises(SystemCheckError, match="step 'grade' has no function"):
        call_command("check")



def test_a_kind_that_skips_an_unregistered_step_is_refused(fresh):
    register_kind("hazard", "隐患", record=None, limits={"handle": (3, TimeUnit.WORK_DAYS)}, skips={"close"})
    assert registry.problems() == ["kind 'hazard' skips 'close', which is not a registered step"]
