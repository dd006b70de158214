"""Bulk intake queues thousands of SMS for the minute-by-minute retry: one run sends them all, a batch
at a time, and stops once nothing due is left, even when the gateway takes none."""

from civicgrid.notifications import outbox, tasks
from civicgrid.notifications.models import OutboxMessage

from . import backends


def test_a_backlog_larger_than_a_batch_goes_out_in_one_run(sms_through, db, monkeypatch):
    monkeypatch.setattr(outbox, "RETRY_BATCH", 2)
    OutboxMessage.objects.bulk_create([OutboxMessage(channel="sms", recipient=f"1380013800{n}", body="已受理")
                                       for n in range(5)])
    with sms_through("Recording"):
        assert tasks.retry_due.call() == 5
    assert len(backends.sent) == 5


def test_a_backlog_the_gateway_refuses_ends_the_run_instead_of_looping(sms_through, db, monkeypatch):
    monkeypatch.setattr(outbox, "RETRY_BATCH", 2)
    OutboxMessage.objects.bulk_create([OutboxMessage(channel="sms", recipient=f"1380013800{n}", body="已受理")
                                       for n in range(5)])
    with sms_through("Failing"):
        assert tasks.retry_due.call() == 0
    assert set(OutboxMessage.objects.values_list("attempts", flat=True)) == {1}
