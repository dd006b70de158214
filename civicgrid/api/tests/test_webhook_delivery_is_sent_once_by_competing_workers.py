"""A worker claims a delivery before trying it: a second worker (the on-commit task and the minute's
retry, or two retry workers) leaves it alone, and a worker that died mid-try leaves it to be tried again
once its claim has run out."""

from django.utils import timezone

from civicgrid.api import webhooks
from civicgrid.api.models import WebhookDelivery
from civicgrid.cases.intake import file_case
from civicgrid.testing import factories

from .webhook_support import receiver, subscription


def pending(street_litter, url):
    subscription(url=url)
    file_case(factories.report(street_litter))
    return WebhookDelivery.objects.get()


def test_a_claimed_delivery_is_not_taken_or_sent_by_a_second_worker(street_litter, yulin):
    with receiver() as hook_server:
        delivery = pending(street_litter, hook_server.url)
        now = timezone.now()
        first = webhooks.claim(delivery.pk, now)
        assert first is not None
        assert webhooks.claim(delivery.pk, now) is None
        assert webhooks.send_due(now=now) == 0 and webhooks.deliver([delivery.pk], now) == 0
        assert webhooks.attempt(first, now) == "delivered"
        assert webhooks.send_due(now=now) == 0

    assert len(hook_server.received) == 1


def test_a_worker_that_died_mid_try_leaves_the_delivery_to_be_retried_after_its_claim(street_litter, yulin):
    with receiver() as hook_server:
        delivery = pending(street_litter, hook_server.url)
        now = timezone.now()
        assert webhooks.claim(delivery.pk, now) is not None  # …and the worker dies here
        assert webhooks.send_due(now=now + webhooks.LEASE / 2) == 0
        assert webhooks.send_due(now=now + webhooks.LEASE) == 1

    delivery.refresh_from_db()
    assert delivery.status == "delivered" and delivery.attempts == 1 and delivery.claimed_until is None
    assert len(hook_server.received) == 1


def test_a_delivered_delivery_is_never_claimed_again(street_litter, yulin):
    with receiver() as hook_server:
        delivery = pending(street_litter, hook_server.url)
        assert webhooks.deliver([delivery.pk]) == 1
        assert webhooks.claim(delivery.pk) is None and webhooks.deliver([delivery.pk]) == 0
    assert len(hook_server.received) == 1
