"""Background work of the patrols: deleting routes past their retention period."""

from django.tasks import task

from . import routes


@task
def sweep_routes() -> int:
    """Queued by ``manage.py run_scheduler`` (``CIVICGRID_PATROL_SWEEP_CRON``); returns how many routes went."""
    return routes.sweep()
