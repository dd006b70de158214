"""Background work of the outbox (``outbox``), for every channel at once.

``deliver`` tries the rows a committed transaction queued (``outbox.deliver_on_commit``); ``retry_due``
(every minute, from ``manage.py run_scheduler``) tries whatever is due, including what a dead worker left.
"""

from django.tasks import task

from . import outbox


@task
def deliver(message_ids: list[int]) -> list[str]:
    """Try each row once (those not due or claimed elsewhere are skipped); the outcome of each."""
    return outbox.deliver(message_ids)


@task
def retry_due() -> int:
    """Try every row due now, a batch at a time until none is left; returns how many were sent."""
    return outbox.send_due()
