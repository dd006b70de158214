"""In production the scheduler queues the sweep and ``manage.py db_worker`` runs it (docs/operations.md)."""

import signal
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from civicgrid.cases.models import Case, CaseEvent
from civicgrid.cases.services import transition

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]


@pytest.fixture
def signals_kept():
    """db_worker installs its own signal handlers and leaves them; the test run keeps pytest's."""
    saved = {number: signal.getsignal(number) for number in SIGNALS}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


@pytest.fixture
def late_case(reported_case, intake_clerk):
    transition(reported_case, "register", intake_clerk)
    # The clock ran out an hour ago: the worker sweeps at the real time, not at one a test chooses.
    Case.objects.filter(pk=reported_case.pk).update(due_at=timezone.now() - timedelta(hours=1))
    return reported_case


# The worker commits and checks its connection between tasks, which a test's wrapping transaction cannot survive.
@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_sweep_the_scheduler_queued(late_case, signals_kept):
    with override_settings(TASKS=DATABASE_TASKS):
        call_command("run_scheduler", "--once", stdout=StringIO())
        late_case.refresh_from_db()
        assert not late_case.overdue, "queued, not yet run"

        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    late_case.refresh_from_db()
    assert late_case.overdue and CaseEvent.objects.filter(case=late_case, action="overdue").count() == 1
    sweep = DBTaskResult.objects.get(task_path="civicgrid.cases.tasks.sweep_deadlines")
    assert sweep.status == "SUCCESSFUL" and sweep.return_value["cases"] == 1
