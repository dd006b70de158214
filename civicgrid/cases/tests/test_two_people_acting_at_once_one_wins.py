"""Two people press a button on the same case at the same moment: one step is taken, the other is told."""

import threading

import pytest
from django.db import connection

from civicgrid.cases import services
from civicgrid.cases.models import CaseEvent
from civicgrid.cases.services import transition
from civicgrid.cases.workflow import WorkflowError


def _race(calls):
    """Run each call in its own thread and connection, all released together; returns results or errors."""
    barrier, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(index, call):
        barrier.wait()
        try:
            results[index] = call()
        except WorkflowError as error:
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def slow_steps(monkeypatch):
    """Hold the row lock a moment inside the step, so the other thread really arrives while it is held."""
    original = services.apply
    held = threading.Event()

    def apply(work):
        held.wait(0.3)
        return original(work)

    monkeypatch.setattr(services, "apply", apply)


@pytest.mark.django_db(transaction=True)
def test_two_dispatchers_registering_the_same_version_one_wins_the_other_is_told(
        slow_steps, reported_case, intake_clerk, shift_lead):
    version = reported_case.version
    results = _race([lambda who=who: transition(reported_case.pk, "register", who, version=version)
                     for who in (intake_clerk, shift_lead)])
    refused = [r for r in results if isinstance(r, WorkflowError)]
    assert len(refused) == 1 and "已被他人处理" in refused[0].message
    assert CaseEvent.objects.filter(case=reported_case, action="register").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_handlers_accepting_the_same_assignment_without_a_version_one_wins(
        slow_steps, reported_case, intake_clerk, township_dispatcher, department_handler):
    transition(reported_case, "register", intake_clerk)
    transition(reported_case, "dispatch", township_dispatcher, lead=department_handler.assignments.get().department_id)
    assignment = reported_case.assignments.get()
    results = _race([lambda: transition(reported_case.pk, "accept", department_handler, assignment=assignment.pk)] * 2)
    refused = [r for r in results if isinstance(r, WorkflowError)]
    assert len(refused) == 1 and "不能“签收”" in refused[0].message
    assert CaseEvent.objects.filter(case=reported_case, action="accept").count() == 1
