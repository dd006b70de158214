"""Idempotency records keep answers that name people: the scheduled purge deletes those older than
``CIVICGRID_IDEMPOTENCY_RETENTION_H`` hours and keeps the younger ones, so a retry within the period
still gets its first answer and a retry after it files anew."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from civicgrid.core import scheduler
from civicgrid.core.http import idempotency
from civicgrid.core.models import IdempotencyRecord
from civicgrid.core.tasks import purge_idempotency_records


def record(key: str, hours_old: float) -> IdempotencyRecord:
    found = IdempotencyRecord.objects.create(owner="app:1", key=key, request_hash="h", status_code=201,
                                             response={"reporter": {"name": "张三"}})
    IdempotencyRecord.objects.filter(pk=found.pk).update(created_at=timezone.now() - timedelta(hours=hours_old))
    return found


@pytest.mark.django_db
@override_settings(CIVICGRID_IDEMPOTENCY_RETENTION_H=24)
def test_the_purge_deletes_records_older_than_the_retention_and_keeps_the_rest():
    record("old", hours_old=25)
    record("young", hours_old=23)
    assert purge_idempotency_records.enqueue().return_value == 1
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["young"]


@pytest.mark.django_db
@override_settings(CIVICGRID_IDEMPOTENCY_RETENTION_H=1)
def test_the_retention_is_the_setting():
    record("two hours", hours_old=2)
    assert idempotency.purge() == 1


@pytest.mark.django_db
def test_a_retry_after_the_purge_runs_again():
    runs = []
    first = idempotency.once("app:1", "k-1", {"a": 1}, lambda: runs.append(1) or (201, {"n": len(runs)}))
    IdempotencyRecord.objects.update(created_at=timezone.now() - timedelta(days=2))
    idempotency.purge()
    again = idempotency.once("app:1", "k-1", {"a": 1}, lambda: runs.append(1) or (201, {"n": len(runs)}))
    assert (first, again) == ((201, {"n": 1}), (201, {"n": 2}))


@override_settings(CIVICGRID_IDEMPOTENCY_PURGE_CRON="0 3 * * *")
def test_the_scheduler_queues_the_purge_on_its_cron_setting():
    job = {job.id: job for job in scheduler.build().get_jobs()}["purge_idempotency"]
    assert list(job.args) == ["civicgrid.core.tasks.purge_idempotency_records"]
    assert "hour='3'" in str(job.trigger) and "minute='0'" in str(job.trigger)
