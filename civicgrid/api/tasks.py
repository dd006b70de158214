"""Background work of the API app: sending webhook deliveries (see ``webhooks``).

``deliver`` runs right after the step that made the deliveries commits; ``retry_due`` (every minute, from
``manage.py run_scheduler``) sends again whatever is due, including what a dead worker left behind.
"""

from django.tasks import task

from . import webhooks


@task
def deliver(delivery_ids: list[int]) -> int:
    """Try each delivery once (those not yet due or claimed elsewhere are left alone); returns how many went."""
    return webhooks.deliver(delivery_ids)


@task
def retry_due() -> int:
    return webhooks.send_due()
