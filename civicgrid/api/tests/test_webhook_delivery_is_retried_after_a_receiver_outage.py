"""No event is lost when the receiver is down: a delivery that meets a closed port or an error answer
waits, each pause longer, and is tried again until the receiver takes it, exactly once and intact; after
the webhook channel's last try it is failed. The clock is moved by passing ``now``, never by sleeping."""

import json
from datetime import timedelta

from django.utils import timezone

from civicgrid.api.models import WebhookDelivery
from civicgrid.cases.intake import file_case
from civicgrid.notifications import channels, outbox
from civicgrid.notifications.models import OutboxMessage
from civicgrid.testing import factories

from .webhook_support import receiver, subscription, verifies


def webhook_tries() -> int:
    """How many tries the webhook channel makes before it gives a delivery up."""
    return channels.get("webhook").max_attempts


def test_a_delivery_during_an_outage_is_delivered_once_when_the_receiver_is_back(
    street_litter, yulin, django_capture_on_commit_callbacks,
):
    with receiver(status=503) as hook_server:
        hook = subscription(url=hook_server.url)
        hook_server.stop()  # down: the port is closed
        with django_capture_on_commit_callbacks(execute=True):
            case = file_case(factories.report(street_litter))
        delivery = WebhookDelivery.objects.get()
        message = delivery.message
        assert message.status == "pending" and message.attempts == 1 and message.response_code is None
        assert "unreachable" in message.last_error
        first_pause = message.next_attempt_at - message.last_attempt_at
        start = message.last_attempt_at

        assert outbox.send_due(now=start + first_pause / 2) == 0  # not before the pause is over
        hook_server.start()  # back on the same port, but answering 503
        assert outbox.send_due(now=start + first_pause) == 0
        message.refresh_from_db()
        assert message.attempts == 2 and message.response_code == 503
        second_pause = message.next_attempt_at - message.last_attempt_at
        assert second_pause > first_pause

        hook_server.status = 200  # recovered
        assert outbox.send_due(now=message.next_attempt_at) == 1
        assert outbox.send_due(now=message.next_attempt_at + timedelta(days=30)) == 0

    message.refresh_from_db()
    assert message.status == "sent" and message.attempts == 3 and message.response_code == 200
    assert message.last_error == "" and message.sent_at == message.last_attempt_at
    assert [got.answered for got in hook_server.received] == [503, 200]
    [got] = hook_server.taken
    assert verifies(hook.secret, got)
    body = json.loads(got.body)
    assert body["id"] == delivery.pk and body["case"]["number"] == case.number and body["event"]["action"] == "report"
    assert hook_server.received[0].body == got.body  # the same delivery each time


def test_after_the_last_try_fails_the_delivery_is_failed_and_no_longer_tried(street_litter, yulin):
    with receiver(status=500) as hook_server:
        subscription(url=hook_server.url)
        file_case(factories.report(street_litter))
        now = timezone.now()
        for _ in range(webhook_tries()):
            outbox.send_due(now=now)
            now = WebhookDelivery.objects.get().message.next_attempt_at
        message = WebhookDelivery.objects.get().message
        assert message.status == "failed" and message.attempts == webhook_tries()
        assert outbox.send_due(now=now + timedelta(days=30)) == 0

    assert len(hook_server.received) == webhook_tries() and hook_server.taken == []
    assert message.response_code == 500 and "HTTP 500" in message.last_error


def test_the_pauses_grow_and_a_receiver_down_for_two_days_still_gets_the_event():
    webhook = channels.get("webhook")
    backoff = [webhook.pause(after_try) for after_try in range(1, webhook.max_attempts)]
    assert all(shorter < longer for shorter, longer in zip(backoff, backoff[1:-1]))
    assert sum(backoff, timedelta()) > timedelta(days=2)


def test_a_redirect_is_a_failed_try_not_a_delivery(street_litter, yulin):
    with receiver(status=302) as hook_server:
        subscription(url=hook_server.url)
        file_case(factories.report(street_litter))
        assert outbox.send_due() == 0

    message = WebhookDelivery.objects.get().message
    assert message.status == "pending" and message.response_code == 302 and len(hook_server.received) == 1


def test_a_long_run_does_not_retry_what_failed_during_it(street_litter, yulin, monkeypatch):
    subscription()  # its address refuses connections
    for _ in range(2):
        file_case(factories.report(street_litter))
    start = timezone.now() + timedelta(minutes=1)
    clock = [start]

    def slow_try(moment=None):  # each try takes ten minutes, longer than the first pause
        clock[0] += timedelta(minutes=10)
        return clock[0]

    monkeypatch.setattr(outbox.timezone, "now", slow_try)
    monkeypatch.setattr(outbox, "RETRY_BATCH", 1)  # a batch at a time, as a long queue would go
    webhook_messages = OutboxMessage.objects.filter(channel="webhook")
    webhook_messages.update(next_attempt_at=start - timedelta(seconds=1))
    outbox.send_due()
    assert sorted(webhook_messages.values_list("attempts", flat=True)) == [1, 1]
