"""No event is lost when the receiver is down: a delivery that meets a closed port or an error answer
waits, each pause longer, and is tried again until the receiver takes it, exactly once and intact; after
MAX_ATTEMPTS failed tries it is failed. The clock is moved by passing ``now``, never by sleeping."""

import json
from datetime import timedelta

from django.utils import timezone

from civicgrid.api import webhooks
from civicgrid.api.models import WebhookDelivery
from civicgrid.cases.intake import file_case
from civicgrid.testing import factories

from .webhook_support import receiver, subscription, verifies


def test_a_delivery_during_an_outage_is_delivered_once_when_the_receiver_is_back(
    street_litter, yulin, django_capture_on_commit_callbacks,
):
    with receiver(status=503) as hook_server:
        hook = subscription(url=hook_server.url)
        hook_server.stop()  # down: the port is closed
        with django_capture_on_commit_callbacks(execute=True):
            case = file_case(factories.report(street_litter))
        delivery = WebhookDelivery.objects.get()
        delivery.refresh_from_db()
        assert delivery.status == "pending" and delivery.attempts == 1 and delivery.response_code is None
        assert "unreachable" in delivery.last_error
        first_pause = delivery.next_attempt_at - delivery.last_attempt_at
        start = delivery.last_attempt_at

        assert webhooks.send_due(now=start + first_pause / 2) == 0  # not before the pause is over
        hook_server.start()  # back on the same port, but answering 503
        assert webhooks.send_due(now=start + first_pause) == 0
        delivery.refresh_from_db()
        assert delivery.attempts == 2 and delivery.response_code == 503
        second_pause = delivery.next_attempt_at - delivery.last_attempt_at
        assert second_pause > first_pause

        hook_server.status = 200  # recovered
        assert webhooks.send_due(now=delivery.next_attempt_at) == 1
        assert webhooks.send_due(now=delivery.next_attempt_at + timedelta(days=30)) == 0

    delivery.refresh_from_db()
    assert delivery.status == "delivered" and delivery.attempts == 3 and delivery.response_code == 200
    assert delivery.last_error == "" and delivery.delivered_at == delivery.last_attempt_at
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
        for _ in range(webhooks.MAX_ATTEMPTS):
            webhooks.send_due(now=now)
            now = WebhookDelivery.objects.get().next_attempt_at
        delivery = WebhookDelivery.objects.get()
        assert delivery.status == "failed" and delivery.attempts == webhooks.MAX_ATTEMPTS
        assert webhooks.send_due(now=now + timedelta(days=30)) == 0

    assert len(hook_server.received) == webhooks.MAX_ATTEMPTS and hook_server.taken == []
    assert delivery.response_code == 500 and "HTTP 500" in delivery.last_error


def test_the_pauses_grow_and_a_receiver_down_for_two_days_still_gets_the_event():
    assert all(shorter < longer for shorter, longer in zip(webhooks.BACKOFF, webhooks.BACKOFF[1:-1]))
    assert sum(webhooks.BACKOFF, timedelta()) > timedelta(days=2)


def test_a_redirect_is_a_failed_try_not_a_delivery(street_litter, yulin):
    with receiver(status=302) as hook_server:
        subscription(url=hook_server.url)
        file_case(factories.report(street_litter))
        assert webhooks.send_due() == 0

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "pending" and delivery.response_code == 302 and len(hook_server.received) == 1


def test_a_long_run_does_not_retry_what_failed_during_it(street_litter, yulin, monkeypatch):
    subscription()  # its address refuses connections
    for _ in range(2):
        file_case(factories.report(street_litter))
    start = timezone.now() + timedelta(minutes=1)
    clock = [start]

    def slow_try(moment=None):  # each try takes ten minutes, longer than the first pause
        clock[0] += timedelta(minutes=10)
        return clock[0]

    monkeypatch.setattr(webhooks.timezone, "now", slow_try)
    monkeypatch.setattr(webhooks, "RETRY_BATCH", 1)  # a batch at a time, as a long queue would go
    WebhookDelivery.objects.update(next_attempt_at=start - timedelta(seconds=1))
    webhooks.send_due()
    assert sorted(WebhookDelivery.objects.values_list("attempts", flat=True)) == [1, 1]
