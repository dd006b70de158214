"""Background work of the loop: side effects of a step, and the periodic deadline sweep."""

from django.tasks import task

from . import notices, sweep, tally


@task
def after_transition(event_id: int) -> None:
    from .models import CaseEvent

    event = CaseEvent.objects.select_related("case__centre_area").filter(pk=event_id).first()
    if event is not None:
        notices.after(event)


@task
def sweep_deadlines() -> dict:
    """Queued by ``manage.py run_scheduler`` (``CIVICGRID_SWEEP_CRON``); returns what it marked and reminded."""
    return sweep.run()


@task
def purge_emptied_figures() -> int:
    """Queued by ``manage.py run_scheduler`` (``CIVICGRID_FIGURES_PURGE_CRON``); returns the rows deleted."""
    return tally.purge_emptied()
