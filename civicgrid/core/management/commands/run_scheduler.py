"""Run the periodic jobs (civicgrid.core.scheduler): the deadline sweep and the outbox retries.

The jobs only enqueue Django tasks; with ``CIVICGRID_TASKS_BACKEND=database`` a ``manage.py db_worker``
process runs them (docs/operations.md). ``--once`` enqueues every job once and exits, for hosts that
would rather drive the jobs from the system's cron.
"""

import signal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from civicgrid.core import scheduler

IMMEDIATE = "django.tasks.backends.immediate.ImmediateBackend"


class Command(BaseCommand):
    help = "Run the periodic jobs (deadline sweep, outbox retries) by enqueuing Django tasks on their cron schedule."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Enqueue every job once, then exit.")

    def handle(self, *args, once=False, **options):
        translation.activate(settings.LANGUAGE_CODE)
        if once:
            return self._once()
        try:
            jobs = scheduler.build()
        except scheduler.BadCron as error:
            raise CommandError(_("定时任务的 cron 表达式有误：%(error)s") % {"error": error}) from None
        self._announce()
        self._run(jobs)

    def _once(self) -> None:
        for job, result_id in scheduler.enqueue_all():
            self.stdout.write(_("已排队：%(job)s（%(id)s）") % {"job": job.name, "id": result_id})

    def _announce(self) -> None:
        if settings.TASKS["default"]["BACKEND"] == IMMEDIATE:
            # Fine on a laptop; in production the work belongs in db_worker, not in this process.
            self.stderr.write(_("任务后端为 immediate：任务将在调度进程内直接执行。生产环境请设置 "
                                "CIVICGRID_TASKS_BACKEND=database 并运行 manage.py db_worker。"))
        for job in scheduler.JOBS:
            self.stdout.write(_("%(job)s：%(cron)s（%(tz)s）") % {"job": job.name, "cron": job.cron(),
                                                                "tz": settings.TIME_ZONE})

    def _run(self, jobs) -> None:
        # systemd and Docker stop a service with SIGTERM: treat it like Ctrl-C so the scheduler shuts down cleanly.
        previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
        try:
            jobs.start()
        except KeyboardInterrupt:
            pass
        finally:
            if jobs.running:
                jobs.shutdown(wait=False)
            signal.signal(signal.SIGTERM, previous)
        self.stdout.write(_("定时任务已停止。"))
