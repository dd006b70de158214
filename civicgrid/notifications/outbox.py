"""The outbox (发件箱): every delivery is a row, tried by one worker at a time, paused longer after each failed
try, and given up after its channel's last try, where administrators see it and can send it again.

Queueing. A caller writes ``OutboxMessage`` rows in its own transaction (``services.send``, bulk intake's
one insert, webhooks' ``record``), so a rolled-back step leaves none and a committed one has them on disk
whatever happens next, and calls ``deliver_on_commit`` to have them tried once it commits. ``send_due``
(the ``retry_due`` task, every minute from the scheduler) tries whatever else is due: retries after their
pause, rows a bulk insert queued without a task, rows whose worker died.

Claims. Before a try a worker claims the row with one conditional UPDATE that sets ``claimed_until`` to
now plus the lease (``CIVICGRID_OUTBOX_LEASE_S``). Only one worker's UPDATE finds the row unclaimed, so two
workers never send one delivery at once; a worker that dies mid-try leaves the row to be tried again once
its lease has run out.

Tries. The row's channel (``channels``) sends it. Sent: done. A failed try waits the channel's next pause;
after the channel's last try, or at once when the receiver refused it for good, the row is failed.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from . import channels
from .choices import DeliveryStatus
from .models import OutboxMessage

log = logging.getLogger("civicgrid.notifications")

SKIPPED = "skipped"  # not due, already sent or failed, or another worker's: this worker left it alone
RETRY_BATCH = 500
ENQUEUE_BATCH = 500


def lease() -> timedelta:
    return timedelta(seconds=settings.CIVICGRID_OUTBOX_LEASE_S)


def deliver_on_commit(pks: list[int]) -> None:
    """Try these rows in the background once the current transaction commits, a task per batch."""
    if not pks:
        return
    from .tasks import deliver  # the tasks call this module

    def enqueue():
        for start in range(0, len(pks), ENQUEUE_BATCH):
            deliver.enqueue(pks[start:start + ENQUEUE_BATCH])

    transaction.on_commit(enqueue)


def deliver(pks: list[int], now: datetime | None = None) -> list[str]:
    """Try each of ``pks`` that is due and unclaimed; the outcome of each (a status, or ``SKIPPED``).

    Without ``now`` each try reads the clock afresh: tries to slow receivers take seconds each, and every
    claim and every next try must be counted from when it really happens.
    """
    return [_deliver_one(pk, now or timezone.now()) for pk in pks]


def _deliver_one(pk: int, now: datetime) -> str:
    message = claim(pk, now)
    return attempt(message, now) if message else SKIPPED


def send_due(now: datetime | None = None) -> int:
    """Try every row due when the run starts, oldest first, a batch at a time; returns how many were sent.

    Only those due at the start: one that fails during the run waits for its pause and a later run, however
    long this run takes, so a dead receiver does not use up its tries in one run.
    """
    sent, started = 0, now or timezone.now()
    while True:
        due = list(_due(started).order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:RETRY_BATCH])
        sent += deliver(due, now).count(DeliveryStatus.SENT)
        # Each row looked at is now sent, failed, waiting for a later try or claimed by another worker.
        if len(due) < RETRY_BATCH:
            return sent


def _due(now: datetime):
    return OutboxMessage.objects.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now).filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lte=now))


def claim(pk: int, now: datetime | None = None) -> OutboxMessage | None:
    """The row if it is due and this worker took it; None if it is not due, gone, or another worker's."""
    now = now or timezone.now()
    if not _due(now).filter(pk=pk).update(claimed_until=now + lease()):
        return None
    return OutboxMessage.objects.get(pk=pk)


def attempt(message: OutboxMessage, now: datetime | None = None) -> str:
    """One try through the row's channel; the row records the outcome and is released."""
    now = now or timezone.now()
    message.attempts += 1
    message.last_attempt_at, message.claimed_until = now, None
    try:
        message.response_code = channels.send(message, now)
    except Exception as error:  # any failure, even a bug in a channel, is a failed try, not a stuck outbox
        _failed(message, error, now)
    else:
        message.status, message.sent_at, message.last_error = DeliveryStatus.SENT, now, ""
    message.save(update_fields=["attempts", "last_attempt_at", "claimed_until", "response_code", "status",
                                "sent_at", "last_error", "next_attempt_at"])
    return message.status


def _failed(message: OutboxMessage, error: Exception, now: datetime) -> None:
    log.warning("outbox message %s (%s), try %s: %r", message.pk, message.channel, message.attempts, error)
    message.response_code = getattr(error, "code", None)
    message.last_error = f"{type(error).__name__}: {error}"[:2000]
    if isinstance(error, channels.Rejected):
        message.status = DeliveryStatus.FAILED
        return
    channel = channels.get(message.channel)
    if message.attempts >= channel.max_attempts:
        message.status = DeliveryStatus.FAILED
    else:
        message.next_attempt_at = now + channel.pause(message.attempts)


def retry_now(messages) -> int:
    """An administrator's "retry now": unsent rows become due at once and are tried in the background.

    A failed row gets one more try; if that fails too it is failed again. A row a worker is trying at this
    moment keeps its claim, so the retry cannot send it twice.
    """
    pks = list(messages.exclude(status=DeliveryStatus.SENT).values_list("pk", flat=True))
    OutboxMessage.objects.filter(pk__in=pks).update(status=DeliveryStatus.PENDING, next_attempt_at=timezone.now())
    deliver_on_commit(pks)
    return len(pks)
