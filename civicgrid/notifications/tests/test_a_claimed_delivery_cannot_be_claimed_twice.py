"""A worker claims a delivery before its try; while the claim holds no other worker takes it, whether it
asks afterwards or at the same moment from its own connection, whatever the channel."""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from civicgrid.notifications import outbox
from civicgrid.notifications.models import OutboxMessage

WORKERS = 4


def test_a_second_claim_gets_nothing_and_the_delivery_is_left_to_its_claimant(probe, pending):
    now = timezone.now()
    first = outbox.claim(pending.pk, now)

    assert first is not None and first.claimed_until == now + outbox.lease()
    assert outbox.claim(pending.pk, now) is None
    assert outbox.deliver([pending.pk], now) == [outbox.SKIPPED] and outbox.send_due(now) == 0
    assert probe.sent == []
    assert outbox.attempt(first, now) == "sent" and probe.sent == [pending.pk]


@pytest.mark.django_db(transaction=True)
def test_workers_racing_for_one_delivery_send_it_once(probe):
    message = OutboxMessage.objects.create(channel="probe", recipient="探针接收方", body="一条投递")
    barrier, outcomes = threading.Barrier(WORKERS), []

    def work():
        barrier.wait()
        try:
            outcomes.extend(outbox.deliver([message.pk]))
        finally:
            connection.close()

    workers = [threading.Thread(target=work) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)

    assert sorted(outcomes) == ["sent"] + [outbox.SKIPPED] * (WORKERS - 1)
    assert probe.sent == [message.pk]
    message.refresh_from_db()
    assert message.status == "sent" and message.attempts == 1
