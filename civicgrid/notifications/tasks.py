"""Background delivery of the outbox, with retries that wait longer each time.

``deliver`` runs once per message right after it is queued; ``retry_due`` (every minute, from the
scheduler) tries again whatever is due. Both first *claim* the message by moving its next attempt on
by ``LEASE``: only one worker wins that update, so two workers never send one SMS twice, and a worker
that dies mid-send leaves the message to be retried once the lease runs out.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from .backends import Rejected, backend_for
from .choices import DeliveryStatus
from .models import OutboxMessage

log = logging.getLogger("civicgrid.notifications")

MAX_ATTEMPTS = 6
# Pauses after the 1st, 2nd, … failure: a gateway that is down for an hour loses nothing.
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1),
           timedelta(hours=4))
# Longer than any send takes (the SMS gateway's timeout is seconds).
LEASE = timedelta(minutes=5)
RETRY_BATCH = 500


@task
def deliver(message_id: int) -> str:
    message = claim(message_id)
    if message is None:
        return "skipped"
    return attempt(message)


@task
def retry_due() -> int:
    """Try every pending message whose pause is over, oldest first, a batch at a time until none is left
    (bulk intake queues thousands of SMS for this task); returns how many went out."""
    sent = 0
    while True:
        now = timezone.now()
        due = list(OutboxMessage.objects.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
                   .order_by("next_attempt_at").values_list("pk", flat=True)[:RETRY_BATCH])
        sent += sum(1 for pk in due if (message := claim(pk, now)) and attempt(message) == DeliveryStatus.SENT)
        # Every message looked at is now sent, failed, or waiting for a later try or another worker's lease.
        if len(due) < RETRY_BATCH:
            return sent


def claim(message_id: int, now=None) -> OutboxMessage | None:
    """The message if it is due and this worker took it; None if it is not due, gone, or another worker's."""
    now = now or timezone.now()
    taken = OutboxMessage.objects.filter(pk=message_id, status=DeliveryStatus.PENDING, next_attempt_at__lte=now) \
        .update(next_attempt_at=now + LEASE)
    return OutboxMessage.objects.get(pk=message_id) if taken else None


def attempt(message: OutboxMessage) -> str:
    """One try through the channel's backend; the message records the outcome."""
    message.attempts += 1
    try:
        backend_for(message.channel).send(message)
    except Exception as error:  # any failure of a channel, even a bug in it, is a failed try, not a stuck outbox
        _failed(message, error)
    else:
        message.status, message.sent_at, message.last_error = DeliveryStatus.SENT, timezone.now(), ""
    message.save(update_fields=["attempts", "status", "sent_at", "last_error", "next_attempt_at"])
    return message.status


def _failed(message: OutboxMessage, error: Exception) -> None:
    log.warning("outbox message %s, try %s: %r", message.pk, message.attempts, error)
    message.last_error = f"{type(error).__name__}: {error}"[:2000]
    if isinstance(error, Rejected) or message.attempts >= MAX_ATTEMPTS:
        message.status = DeliveryStatus.FAILED
    else:
        message.next_attempt_at = timezone.now() + BACKOFF[message.attempts - 1]


def retry_now(messages) -> int:
    """An operator's "retry now": unsent messages become due at once and go out in the background.

    A message that had failed for good gets one more try; if that fails too it is failed again.
    """
    pks = list(messages.exclude(status=DeliveryStatus.SENT).values_list("pk", flat=True))
    OutboxMessage.objects.filter(pk__in=pks).update(status=DeliveryStatus.PENDING, next_attempt_at=timezone.now())
    transaction.on_commit(lambda: [deliver.enqueue(pk) for pk in pks])
    return len(pks)
