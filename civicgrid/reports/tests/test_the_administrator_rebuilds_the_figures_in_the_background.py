"""统计汇总重建: the city's administrator starts a rebuild of the figures from the case table; it runs as a task,
counts the months it has done, and leaves the figures equal to a recount. Anyone else finds no such page."""

import pytest
from django.db import transaction

from civicgrid.cases import tally
from civicgrid.cases.models import Tally
from civicgrid.reports import progress
from civicgrid.reports.choices import JobStatus
from civicgrid.reports.models import Rebuild


def test_the_rebuild_recounts_every_month_and_shows_it_done(client, administrator, last_month,
                                                            django_capture_on_commit_callbacks):
    Tally.objects.all().delete()
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/reports/rebuild/").status_code == 302
    rebuild = Rebuild.objects.get()
    assert (rebuild.status, rebuild.done, rebuild.total) == (JobStatus.READY, 1, 1) and rebuild.rows > 0
    for cube in tally.CUBES:
        assert tally.rows(cube).count() == len(list(tally.recount(cube)))
    progress = client.get(f"/reports/rebuild/{rebuild.pk}/progress/").json()
    assert (progress["status"], progress["percent"]) == ("ready", 100)


def test_a_second_start_while_one_is_queued_finds_that_one(client, administrator, yulin):
    client.force_login(administrator)
    client.post("/reports/rebuild/")  # queued: its task waits for the commit, which the test never makes
    client.post("/reports/rebuild/")
    assert Rebuild.objects.filter(status=JobStatus.QUEUED).count() == 1


@pytest.mark.parametrize("persona", ["township_dispatcher", "leader"])
def test_no_one_but_an_administrator_finds_the_page(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/reports/rebuild/").status_code == 404
    assert client.post("/reports/rebuild/").status_code == 404 and not Rebuild.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_progress_inside_the_rebuilds_transaction_is_seen_by_the_polling_page(client, administrator):
    rebuild = Rebuild.objects.create(status=JobStatus.RUNNING, requested_by=administrator)
    client.force_login(administrator)
    with transaction.atomic():  # as ``tally.rebuild`` holds one while it recounts
        progress.record_beside(rebuild, done=2, total=5)
        seen = client.get(f"/reports/rebuild/{rebuild.pk}/progress/").json()
        transaction.set_rollback(True)
    assert (seen["done"], seen["total"], seen["percent"]) == (2, 5, 40)
