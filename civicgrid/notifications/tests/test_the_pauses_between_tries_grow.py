"""A delivery the receiver did not take waits before its next try, each pause longer than the one before,
counted from the try; the pauses are a setting of its channel, whose last pause repeats when the channel
makes more tries than it names pauses."""

from datetime import timedelta

from django.test import override_settings
from django.utils import timezone

from civicgrid.notifications import outbox
from civicgrid.notifications.channels import DeliveryError


def pauses_until_given_up(probe, pending) -> list[timedelta]:
    """Fail every try, each as soon as it is due; the pause after each failed try but the last."""
    probe.failure = DeliveryError("无响应")
    pauses, now = [], timezone.now()
    for _ in range(20):
        outbox.send_due(now)
        pending.refresh_from_db()
        if pending.status != "pending":
            return pauses
        pauses.append(pending.next_attempt_at - pending.last_attempt_at)
        tries = pending.attempts
        outbox.send_due(pending.next_attempt_at - timedelta(seconds=1))
        pending.refresh_from_db()
        assert pending.attempts == tries, "tried again before its pause was over"
        now = pending.next_attempt_at
    raise AssertionError("never given up")


def test_each_pause_is_longer_than_the_one_before(probe, pending):
    pauses = pauses_until_given_up(probe, pending)
    assert pauses == [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1),
                      timedelta(hours=4)]
    assert all(shorter < longer for shorter, longer in zip(pauses, pauses[1:]))


@override_settings(CIVICGRID_OUTBOX_BACKOFF=(timedelta(minutes=2), timedelta(hours=1)), CIVICGRID_OUTBOX_MAX_ATTEMPTS=5)
def test_the_pauses_are_the_channels_setting_and_the_last_one_repeats(probe, pending):
    assert pauses_until_given_up(probe, pending) == [timedelta(minutes=2), timedelta(hours=1), timedelta(hours=1),
                                                     timedelta(hours=1)]
