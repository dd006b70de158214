"""Periodic jobs (定时任务): what runs when, for ``manage.py run_scheduler``.

The scheduler only enqueues Django tasks; the work runs wherever the tasks backend runs it (``manage.py
db_worker`` with the database backend). The scheduler stays one small process that is never busy, and
a slow sweep is a slow task, not a late or doubled schedule.

Each job is a cron expression read from the settings when the scheduler is built, in the centre's time
zone (``TIME_ZONE``), so ``0 8 * * *`` means eight in the morning in Shanghai, not UTC.
"""

import logging
from dataclasses import dataclass

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from django.conf import settings
from django.db import connections
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

log = logging.getLogger("civicgrid.scheduler")

# The outbox pauses a minute or more between tries by default, so looking every minute loses no time.
OUTBOX_RETRY_CRON = "* * * * *"
# A run that starts late (the machine was busy or asleep) still enqueues within this many seconds;
# later than that the next run is near enough.
MISFIRE_GRACE_S = 60


@dataclass(frozen=True)
class Job:
    id: str
    name: str
    task: str
    setting: str | None

    def cron(self) -> str:
        return getattr(settings, self.setting) if self.setting else OUTBOX_RETRY_CRON


JOBS = (
    Job("sweep_deadlines", _("超期扫描与黄灯提醒"), "civicgrid.cases.tasks.sweep_deadlines", "CIVICGRID_SWEEP_CRON"),
    # Every channel's deliveries: SMS, e-mail, webhooks, …
    Job("retry_outbox", _("发件箱重试"), "civicgrid.notifications.tasks.retry_due", None),
    # Stored answers name people: kept only as long as a client's retry needs them.
    Job("purge_idempotency", _("清理过期幂等记录"), "civicgrid.core.tasks.purge_idempotency_records",
        "CIVICGRID_IDEMPOTENCY_PURGE_CRON"),
    # Each centre's reports of the last complete day, week, month and quarter, those missing queued.
    Job("generate_reports", _("定期报表生成"), "civicgrid.reports.tasks.generate_due_reports", "CIVICGRID_REPORTS_CRON"),
    # Patrol routes are people's movements: kept for the retention period the administrator sets, then deleted.
    Job("sweep_patrol_routes", _("清理过期巡逻轨迹"), "civicgrid.patrols.tasks.sweep_routes",
        "CIVICGRID_PATROL_SWEEP_CRON"),
    # The figures' rows of the open states that every case has moved on from.
    Job("purge_emptied_figures", _("清理已清空的统计汇总行"), "civicgrid.cases.tasks.purge_emptied_figures",
        "CIVICGRID_FIGURES_PURGE_CRON"),
)


class BadCron(ValueError):
    """A job's cron expression does not parse; the message names the setting to fix."""


def trigger(job: Job) -> CronTrigger:
    try:
        return CronTrigger.from_crontab(job.cron(), timezone=settings.TIME_ZONE)
    except ValueError as error:
        raise BadCron(f"{job.setting or 'OUTBOX_RETRY_CRON'}={job.cron()!r}: {error}") from None


def build(scheduler_class=BlockingScheduler):
    """The scheduler with every job added, not started, so callers (and tests) can look at it first."""
    scheduler = scheduler_class(timezone=settings.TIME_ZONE)
    for job in JOBS:
        # One run at a time, and runs missed while the process was busy collapse into one.
        scheduler.add_job(enqueue, trigger(job), args=[job.task], id=job.id, name=str(job.name),
                          max_instances=1, coalesce=True, misfire_grace_time=MISFIRE_GRACE_S,
                          replace_existing=True)
    return scheduler


def enqueue(task_path: str) -> str:
    """Put one run of a task in the queue; returns its result id."""
    _drop_stale_connections()
    try:
        result = import_string(task_path).enqueue()
    finally:
        _drop_stale_connections()
    log.info("enqueued %s as %s", task_path, result.id)
    return str(result.id)


def _drop_stale_connections() -> None:
    """What Django does around each request, for a process that lives for weeks without one:
    a connection the database dropped in the meantime is replaced, not used."""
    for connection in connections.all(initialized_only=True):
        # Inside a caller's transaction (a test, --once from a script) the connection is in use.
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


def enqueue_all() -> list[tuple[Job, str]]:
    """Every job once, now: for ``run_scheduler --once`` (a system cron entry, a test)."""
    return [(job, enqueue(job.task)) for job in JOBS]
