"""A message the channel did not take stays in the outbox and is tried again, each pause longer, until
it goes out or the channel's last try has failed."""

from datetime import timedelta

from django.utils import timezone

from civicgrid.notifications import channels, tasks
from civicgrid.notifications.models import OutboxMessage
from civicgrid.notifications.services import send

from . import backends


def pause_is_over(message) -> None:
    """The time the outbox waits for has passed (moving the message's clock rather than the world's)."""
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def test_a_failed_first_try_leaves_the_message_pending_with_the_error_and_a_later_try(
    sms_through, django_capture_on_commit_callbacks, db,
):
    with sms_through("Failing"), django_capture_on_commit_callbacks(execute=True):
        message = send("sms", "13800138000", "您反映的问题已受理。")

    message.refresh_from_db()
    assert message.status == "pending" and message.attempts == 1
    assert "短信网关无响应" in message.last_error
    assert message.next_attempt_at > timezone.now() + channels.get("sms").pause(1) - timedelta(seconds=5)


def test_nothing_is_retried_before_its_pause_is_over(sms_through, queued):
    with sms_through("Failing"):
        tasks.deliver.call([queued.pk])
    with sms_through("Recording"):
        assert tasks.retry_due.call() == 0
    queued.refresh_from_db()
    assert queued.attempts == 1 and backends.sent == []


def test_once_the_pause_is_over_a_retry_sends_it(sms_through, queued):
    with sms_through("Failing"):
        tasks.deliver.call([queued.pk])
    pause_is_over(queued)
    with sms_through("Recording"):
        assert tasks.retry_due.call() == 1

    queued.refresh_from_db()
    assert queued.status == "sent" and queued.attempts == 2 and queued.sent_at and queued.last_error == ""
    assert backends.sent == [("13800138000", queued.body)]


def test_each_pause_is_longer_and_after_the_last_try_the_message_has_failed(sms_through, queued):
    pauses = []
    with sms_through("Failing"):
        tasks.deliver.call([queued.pk])
        for _ in range(channels.get("sms").max_attempts - 1):
            queued.refresh_from_db()
            pauses.append(queued.next_attempt_at - timezone.now())
            pause_is_over(queued)
            tasks.retry_due.call()

    queued.refresh_from_db()
    assert all(shorter < longer for shorter, longer in zip(pauses, pauses[1:]))
    assert queued.status == "failed" and queued.attempts == channels.get("sms").max_attempts
    pause_is_over(queued)
    with sms_through("Recording"):
        assert tasks.retry_due.call() == 0
    assert backends.sent == []


def test_a_refusal_for_good_fails_the_message_at_once(sms_through, queued):
    with sms_through("Refusing"):
        assert tasks.deliver.call([queued.pk]) == ["failed"]
    queued.refresh_from_db()
    assert queued.attempts == 1 and "号码无效" in queued.last_error


def test_a_backend_that_crashes_on_one_message_does_not_hold_up_the_others(sms_through, db):
    poison = OutboxMessage.objects.create(channel="sms", recipient="13900000000", body="甲")
    fine = OutboxMessage.objects.create(channel="sms", recipient="13800138000", body="乙")
    with sms_through("Buggy"):
        assert tasks.retry_due.call() == 1

    poison.refresh_from_db()
    fine.refresh_from_db()
    assert fine.status == "sent"
    assert poison.status == "pending" and poison.attempts == 1 and poison.last_error.startswith("RuntimeError")
