"""A worker claims a delivery before trying it: a second worker (the on-commit task and the minute's
retry, or two retry workers) leaves it alone, and a worker that died mid-try leaves it to be tried again
once its claim has run out."""

from django.utils import timezone

from civicgrid.api.models import WebhookDelivery
from civicgrid.cases.intake import file_case
from civicgrid.notifications import outbox
from civicgrid.testing import factories

from .webhook_support import receiver, subscription


def pending(street_litter, url):
    """The outbox message of a delivery that has not been tried."""
    subscription(url=url)
    file_case(factories.report(street_litter))
    return WebhookDelivery.objects.get().message


def test_a_claimed_delivery_is_not_taken_or_sent_by_a_second_worker(street_litter, yulin):
    with receiver() as hook_server:
        delivery = pending(street_litter, hook_server.url)
        now = timezone.now()
        first = outbox.claim(delivery.pk, now)
        assert first is not None
        assert outbox.claim(delivery.pk, now) is None
        assert outbox.send_due(now=now) == 0 and outbox.deliver([delivery.pk], now) == ["skipped"]
        assert outbox.attempt(first, now) == "sent"
        assert outbox.send_due(now=now) == 0

    assert len(hook_server.received) == 1


def test_a_worker_that_died_mid_try_leaves_the_delivery_to_be_retried_after_its_claim(street_litter, yulin):
    with receiver() as hook_server:
        delivery = pending(street_litter, hook_server.url)
        now = timezone.now()
        assert outbox.claim(delivery.pk, now) is not None  # …and the worker dies here
        assert outbox.send_due(now=now + outbox.lease() / 2) == 0
        assert outbox.send_due(now=now + outbox.lease()) == 1

    delivery.refresh_from_db()
    assert delivery.status == "sent" and delivery.attempts == 1 and delivery.claimed_until is None
    assert len(hook_server.received) == 1


def test_a_delivered_delivery_is_never_claimed_again(street_litter, yulin):
    with receiver() as hook_server:
        delivery = pending(street_litter, hook_server.url)
        assert outbox.deliver([delivery.pk]) == ["sent"]
        assert outbox.claim(delivery.pk) is None and outbox.deliver([delivery.pk]) == ["skipped"]
    assert len(hook_server.received) == 1
