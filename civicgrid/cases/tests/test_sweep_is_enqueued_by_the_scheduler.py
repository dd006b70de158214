"""``manage.py run_scheduler`` enqueues the deadline sweep, the purge of idempotency records and the outbox's
retries (SMS, e-mail and webhooks alike) on a cron schedule; it never runs the work itself when a worker is
configured."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from django.core.management import CommandError, call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from civicgrid.core import scheduler

SHANGHAI = ZoneInfo("Asia/Shanghai")
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TASK_PATHS = {"civicgrid.cases.tasks.sweep_deadlines", "civicgrid.notifications.tasks.retry_due",
              "civicgrid.core.tasks.purge_idempotency_records", "civicgrid.reports.tasks.generate_due_reports",
              "civicgrid.patrols.tasks.sweep_routes", "civicgrid.cases.tasks.purge_emptied_figures"}
JOB_IDS = {"sweep_deadlines", "retry_outbox", "purge_idempotency", "generate_reports", "sweep_patrol_routes",
           "purge_emptied_figures"}


def jobs_by_id(built):
    return {job.id: job for job in built.get_jobs()}


def test_the_scheduler_has_a_sweep_an_outbox_and_a_purge_job_that_enqueue_their_tasks():
    jobs = jobs_by_id(scheduler.build())

    assert set(jobs) == JOB_IDS
    assert {job.args[0] for job in jobs.values()} == TASK_PATHS
    assert all(job.func is scheduler.enqueue for job in jobs.values())


def test_each_job_runs_one_at_a_time_and_missed_runs_collapse_into_one():
    for job in scheduler.build().get_jobs():
        assert job.max_instances == 1 and job.coalesce is True


@override_settings(CIVICGRID_SWEEP_CRON="30 2 * * *")
def test_the_sweep_follows_the_cron_setting_in_shanghai_time():
    trigger = jobs_by_id(scheduler.build())["sweep_deadlines"].trigger

    assert isinstance(trigger, CronTrigger) and str(trigger.timezone) == "Asia/Shanghai"
    after = datetime(2026, 2, 16, 12, 0, tzinfo=SHANGHAI)
    assert trigger.get_next_fire_time(None, after) == datetime(2026, 2, 17, 2, 30, tzinfo=SHANGHAI)


def test_the_outbox_is_retried_every_minute():
    trigger = jobs_by_id(scheduler.build())["retry_outbox"].trigger
    after = datetime(2026, 2, 16, 12, 0, 30, tzinfo=SHANGHAI)
    assert trigger.get_next_fire_time(None, after) == datetime(2026, 2, 16, 12, 1, tzinfo=SHANGHAI)


@override_settings(TASKS=DATABASE_TASKS)
def test_once_with_the_database_backend_queues_every_task_for_the_worker(db):
    out = StringIO()
    call_command("run_scheduler", "--once", stdout=out)

    queued = DBTaskResult.objects.all()
    assert {result.task_path for result in queued} == TASK_PATHS
    assert {result.status for result in queued} == {"READY"}
    assert "超期扫描" in out.getvalue() and "发件箱重试" in out.getvalue()


@override_settings(CIVICGRID_SWEEP_CRON="every five minutes")
def test_a_bad_cron_setting_stops_the_command_naming_the_variable():
    with pytest.raises(CommandError, match="CIVICGRID_SWEEP_CRON"):
        call_command("run_scheduler")


@override_settings(CIVICGRID_SWEEP_CRON="*/10 * * * *")
def test_without_once_the_command_runs_the_blocking_scheduler_until_interrupted(monkeypatch):
    started = []

    def start(self, *args, **kwargs):
        started.append({job.id for job in self.get_jobs()})
        raise KeyboardInterrupt

    monkeypatch.setattr(BlockingScheduler, "start", start)
    out = StringIO()
    call_command("run_scheduler", stdout=out, stderr=StringIO())

    assert started == [JOB_IDS]
    assert "*/10 * * * *" in out.getvalue() and "定时任务已停止" in out.getvalue()
