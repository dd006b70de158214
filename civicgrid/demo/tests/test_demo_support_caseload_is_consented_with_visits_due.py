"""The demo's support caseload (关爱帮扶): the demo grid worker looks after a dozen consented residents with
visits behind them, some overdue and some due this week on their task list (its need filed as a case only
when the demo has cases);
the township's intake clerk is its programme officer, and its dispatcher is not let in."""

import pytest
from django.urls import reverse
from django.utils import timezone

from civicgrid.care.models import Enrolment, Need
from civicgrid.core import worklist
from civicgrid.demo.people import GRID
from civicgrid.orgs.models import Staff

pytestmark = pytest.mark.django_db


def test_the_demo_grid_worker_has_a_consented_caseload_with_visits_due(demo_city, client):
    worker = Staff.objects.get(username="wanggeyuan")
    own = Enrolment.objects.filter(worker=worker)
    assert own.count() == 12 and all(e.area_code.startswith(GRID) for e in own)
    assert not Enrolment.objects.filter(consent_name="").exists()
    assert all(e.visits.exists() for e in own)
    now = timezone.now()
    due = [task for task in worklist.tasks_for(worker, worker.scope.roles, now) if task.kind == "关爱走访"]
    assert any(task.overdue(now) for task in due) and any(not task.overdue(now) for task in due)
    assert not Need.objects.exists()  # a demo loaded without cases files no need as a case either


def test_the_officer_opens_a_record_and_the_dispatcher_does_not(demo_city, client):
    record = Enrolment.objects.filter(area_code__startswith=GRID).first()
    client.force_login(Staff.objects.get(username="shouliyuan"))
    assert client.get(reverse("care:detail", args=[record.pk])).status_code == 200
    client.force_login(Staff.objects.get(username="paiqianyuan"))
    assert client.get(reverse("care:detail", args=[record.pk])).status_code == 404
