"""Background work of core: purging idempotency records past their retention period."""

from django.tasks import task

from .http import idempotency


@task
def purge_idempotency_records() -> int:
    """Queued by ``manage.py run_scheduler`` (``CIVICGRID_IDEMPOTENCY_PURGE_CRON``); returns how many went."""
    return idempotency.purge()
