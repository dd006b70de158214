"""Background work of the reports: generating one report, the nightly schedule, and rebuilding the figures."""

from django.tasks import task

from . import services


@task
def generate_report(report_id: int) -> str:
    return services.generate(report_id)


@task
def generate_due_reports() -> int:
    """Queued by ``manage.py run_scheduler`` (``CIVICGRID_REPORTS_CRON``); returns how many reports it queued."""
    return services.ensure_due()


@task
def rebuild_figures(rebuild_id: int) -> str:
    return services.run_rebuild(rebuild_id)
