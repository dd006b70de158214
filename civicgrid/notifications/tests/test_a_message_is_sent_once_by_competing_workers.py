"""``deliver`` and ``retry_due`` may reach the same message at once (several workers, a late queue):
whoever claims it first sends it, the other leaves it alone."""

from datetime import timedelta

from django.utils import timezone

from civicgrid.notifications import outbox, tasks
from civicgrid.notifications.models import OutboxMessage

from . import backends


def test_a_claimed_message_cannot_be_claimed_again(queued):
    assert outbox.claim(queued.pk) is not None
    assert outbox.claim(queued.pk) is None


def test_a_message_another_worker_is_sending_is_not_retried(sms_through, queued):
    outbox.claim(queued.pk)
    with sms_through("Recording"):
        assert tasks.retry_due.call() == 0
        assert tasks.deliver.call([queued.pk]) == ["skipped"]
    assert backends.sent == []


def test_a_message_whose_worker_died_is_retried_once_the_lease_runs_out(sms_through, queued):
    outbox.claim(queued.pk)
    OutboxMessage.objects.filter(pk=queued.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))
    with sms_through("Recording"):
        assert tasks.retry_due.call() == 1
    assert backends.sent == [("13800138000", queued.body)]


def test_a_sent_message_is_not_sent_again(sms_through, queued):
    with sms_through("Recording"):
        tasks.deliver.call([queued.pk])
        assert tasks.deliver.call([queued.pk]) == ["skipped"]
        assert tasks.retry_due.call() == 0
    assert len(backends.sent) == 1

