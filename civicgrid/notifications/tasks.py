"""Background delivery of the outbox, with retries that wait longer each time."""

from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from .backends import DeliveryError, backend_for
from .choices import DeliveryStatus
from .models import OutboxMessage

MAX_ATTEMPTS = 6
# Pauses after the 1st, 2nd, … failure: a gateway that is down for an hour loses nothing.
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1),
           timedelta(hours=4))


@task
def deliver(message_id: int) -> str:
    message = OutboxMessage.objects.filter(pk=message_id, status=DeliveryStatus.PENDING).first()
    if message is None:
        return "gone"
    return attempt(message)


def attempt(message: OutboxMessage) -> str:
    message.attempts += 1
    try:
        backend_for(message.channel).send(message)
    except DeliveryError as error:
        _failed(message, str(error))
    else:
        message.status, message.sent_at, message.last_error = DeliveryStatus.SENT, timezone.now(), ""
    message.save()
    return message.status


def _failed(message: OutboxMessage, error: str) -> None:
    message.last_error = error[:2000]
    if message.attempts >= MAX_ATTEMPTS:
        message.status = DeliveryStatus.FAILED
    else:
        message.next_attempt_at = timezone.now() + BACKOFF[message.attempts - 1]


@task
def retry_due() -> int:
    """Try again every pending message whose pause is over; run by the scheduler."""
    due = OutboxMessage.objects.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=timezone.now())
    return sum(1 for message in due[:500] if attempt(message) == DeliveryStatus.SENT)
