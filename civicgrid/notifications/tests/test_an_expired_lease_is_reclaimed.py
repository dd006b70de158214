"""A worker that dies between claiming a delivery and recording its try leaves the delivery claimed; once
the lease (CIVICGRID_OUTBOX_LEASE_S) has run out, the next run takes it and sends it."""

from datetime import timedelta

from django.test import override_settings
from django.utils import timezone

from civicgrid.notifications import outbox


def test_a_dead_workers_delivery_waits_for_the_lease_and_then_goes_out(probe, pending):
    now = timezone.now()
    assert outbox.claim(pending.pk, now) is not None  # …and the worker dies here

    assert outbox.send_due(now + outbox.lease() - timedelta(seconds=1)) == 0
    assert outbox.send_due(now + outbox.lease()) == 1
    pending.refresh_from_db()
    assert pending.status == "sent" and pending.attempts == 1 and pending.claimed_until is None
    assert probe.sent == [pending.pk]


def test_an_expired_lease_can_be_claimed_by_another_worker_at_once(probe, pending):
    now = timezone.now()
    outbox.claim(pending.pk, now)
    later = now + outbox.lease()

    again = outbox.claim(pending.pk, later)
    assert again is not None and again.claimed_until == later + outbox.lease()


@override_settings(CIVICGRID_OUTBOX_LEASE_S=60)
def test_the_lease_is_the_setting(probe, pending):
    now = timezone.now()
    assert outbox.claim(pending.pk, now).claimed_until == now + timedelta(seconds=60)
    assert outbox.claim(pending.pk, now + timedelta(seconds=59)) is None
    assert outbox.claim(pending.pk, now + timedelta(seconds=60)) is not None
