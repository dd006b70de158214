"""Periodic reports (定期报表) and rebuilds of the figures: who may ask, what asking does, and the work.

Reports are read and asked for by centre staff (受理员, 派遣员, 值班长), leaders and administrators, for the
centres their roles reach (``reach``); any other centre is not theirs (the pages answer 404). A report is one
row per centre, kind and start, so asking twice, even at the same instant, gives one report: the second
asker finds the first one's. Asking for one that is ready (or failed) generates it again, replacing its
files; one already queued or running is left to finish. The work runs as a task (``tasks.generate_report``)
and records its progress as it goes; the schedule asks, every night, for each centre's last complete day,
week, month and quarter (``ensure_due``).
"""

import logging
from datetime import date, timedelta
from functools import reduce
from operator import or_

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases import tally
from civicgrid.cases.workflow import NotAllowed
from civicgrid.dashboards.figures import Period
from civicgrid.geo.choices import AreaLevel
from civicgrid.orgs import scope
from civicgrid.orgs.choices import CENTRE_ROLES, Role
from civicgrid.orgs.models import Centre

from . import content, documents, periods, progress
from .choices import BUSY, JobStatus, PeriodKind
from .models import Rebuild, Report

log = logging.getLogger("civicgrid.reports")

READERS = frozenset({*CENTRE_ROLES, Role.LEADER, Role.ADMINISTRATOR})
STEPS = len(content.SECTIONS) + 2  # the sections, then the workbook and the print
MESSAGE_MAX = 500
# A report still queued or running this long after it was asked for is taken to be lost with its worker.
STALE_AFTER = timedelta(hours=1)


# --- Who may --------------------------------------------------------------------------------------------


def reach(user) -> tuple[str, ...]:
    """The area prefixes whose centres' reports the user reads and asks for ("" for a superuser: all)."""
    return scope.reach(user, READERS)


def centres(user):
    """The centres whose reports the user may read, top down."""
    under = reduce(or_, (Q(area__code__startswith=code) for code in reach(user)), Q(pk__in=[]))
    return Centre.objects.filter(under).select_related("area").order_by("area__code")


def may_read(user, centre: Centre) -> bool:
    return centre.area.code.startswith(reach(user))


def reports(user):
    """The reports of the user's centres, newest period first."""
    return Report.objects.filter(centre__in=centres(user)).select_related("centre__area")


def may_rebuild(user) -> bool:
    """Rebuilding the figures recounts the whole city: superusers and administrators at a city or above."""
    return user.is_superuser or any(grant.area_id and grant.area.level <= AreaLevel.CITY
                                    for grant in user.scope.holding({Role.ADMINISTRATOR}))


# --- Asking for a report --------------------------------------------------------------------------------


def request(user, centre: Centre, kind: str, day: date) -> tuple[Report, bool]:
    """Ask for ``centre``'s report of ``kind`` around ``day`` (generated again if it exists): the report, and
    whether this request queued its generation (False: it was already queued or running)."""
    if not may_read(user, centre):
        raise NotAllowed(_("您无权为该综治中心生成报表。"))
    return ensure(centre, kind, periods.asked(kind, day), user, again=True)


def ensure(centre: Centre, kind: str, period: Period, user=None, again: bool = False) -> tuple[Report, bool]:
    """The report of ``centre``, ``kind`` and ``period``, created and queued when missing; queued again
    when ``again`` and it is not already on its way."""
    report, created = _one(centre, kind, period, user)
    queued = created or again and _requeue(report, user)
    if queued:
        from .tasks import generate_report

        transaction.on_commit(lambda: generate_report.enqueue(report.pk))
    return report, queued


def _one(centre: Centre, kind: str, period: Period, user) -> tuple[Report, bool]:
    """The one row of the period: whoever inserts second finds the first one's (the unique constraint makes
    the second insert fail, and ``get_or_create`` then reads the row the first one wrote)."""
    fields = {"end": period.end, "requested_by": user, "requested_at": timezone.now()}
    return Report.objects.get_or_create(centre=centre, kind=kind, start=period.start, defaults=fields)


def _requeue(report: Report, user) -> bool:
    """Queue a finished report again; of two asking at once only one succeeds (a conditional update). One
    queued or running for longer than ``STALE_AFTER`` (its worker died) may be queued again too."""
    now = timezone.now()
    fields = {"status": JobStatus.QUEUED, "done": 0, "total": 0, "message": "", "requested_by": user,
              "requested_at": now}
    under_way = Q(status__in=BUSY, requested_at__gt=now - STALE_AFTER)
    changed = Report.objects.filter(pk=report.pk).exclude(under_way).update(**fields)
    report.refresh_from_db()
    return bool(changed)


def ensure_due(today: date | None = None) -> int:
    """Every centre's report of its last complete day, week, month and quarter, queued if missing; how many
    were queued."""
    queued = 0
    for centre in Centre.objects.select_related("area"):
        for kind in PeriodKind.values:
            queued += ensure(centre, kind, Period(*periods.last_complete(kind, today)))[1]
    return queued


# --- The work -------------------------------------------------------------------------------------------


def generate(report_id: int) -> str:
    """Generate the report's files, recording progress; its state at the end. Only one run at a time takes a
    queued report (the others find it taken and leave it)."""
    started = Report.objects.filter(pk=report_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, done=0, total=STEPS)
    if not started:
        return "taken"
    report = Report.objects.select_related("centre__area").get(pk=report_id)
    try:
        _write(report)
    except Exception as error:  # any failure is the report's, shown on its page; the worker goes on
        log.exception("report %s failed", report_id)
        _failed(report, error)
    return report.status


def _write(report: Report) -> None:
    period = Period(report.start, report.end)
    found = content.gather(report.centre, report.kind, period, lambda done: progress.record(report, done=done))
    _replace(report.xlsx, report, "xlsx", documents.workbook(found))
    progress.record(report, done=STEPS - 1)
    _replace(report.pdf, report, "pdf", documents.printed(found))
    report.status, report.done, report.generated_at = JobStatus.READY, STEPS, timezone.now()
    report.finished_at = report.generated_at
    report.save(update_fields=["status", "done", "generated_at", "finished_at", "xlsx", "pdf"])


def _replace(file, report: Report, extension: str, data: bytes) -> None:
    """The report's file written again under the same name: the old one goes first."""
    if file:
        file.delete(save=False)
    file.save(f"{report.centre.area.code}/{report.kind}-{report.start:%Y%m%d}.{extension}", ContentFile(data),
              save=False)


def _failed(report: Report, error: Exception) -> None:
    """The reason kept, and the files as they are now (one may already be replaced, or removed)."""
    message = (getattr(error, "message", "") or str(error) or type(error).__name__)[:MESSAGE_MAX]
    Report.objects.filter(pk=report.pk).update(status=JobStatus.FAILED, message=message, finished_at=timezone.now(),
                                               xlsx=report.xlsx.name or "", pdf=report.pdf.name or "")
    report.status = JobStatus.FAILED


def report_name(report: Report) -> str:
    """What a report is called: the centre, the period and the kind, in the reader's language."""
    return f"{report.centre.name}-{periods.title(report.kind, report.start)}{report.get_kind_display()}"


def filename(report: Report, extension: str) -> str:
    return f"{report_name(report)}.{extension}"


# --- Rebuilding the figures -----------------------------------------------------------------------------


def start_rebuild(user) -> tuple[Rebuild, bool]:
    """Queue a rebuild of the figures, unless one is already queued or running (then that one)."""
    if not may_rebuild(user):
        raise NotAllowed(_("只有市级系统管理员可以重建统计汇总。"))
    with transaction.atomic():
        busy = Rebuild.objects.select_for_update().filter(status__in=BUSY).first()
        if busy is not None:
            return busy, False
        rebuild = Rebuild.objects.create(requested_by=user, requested_at=timezone.now())
    from .tasks import rebuild_figures

    transaction.on_commit(lambda: rebuild_figures.enqueue(rebuild.pk))
    return rebuild, True


def run_rebuild(rebuild_id: int) -> str:
    """Recount every cube from the case table, recording the months done as it goes."""
    if not Rebuild.objects.filter(pk=rebuild_id, status=JobStatus.QUEUED).update(status=JobStatus.RUNNING):
        return "taken"
    rebuild = Rebuild.objects.get(pk=rebuild_id)
    try:
        rows = tally.rebuild(progress=lambda done, total: progress.record_beside(rebuild, done=done, total=total))
    except Exception as error:  # shown on the rebuild page; the figures are as before (the transaction undid it)
        log.exception("rebuild %s failed", rebuild_id)
        Rebuild.objects.filter(pk=rebuild_id).update(status=JobStatus.FAILED, finished_at=timezone.now(),
                                                     message=str(error)[:MESSAGE_MAX])
        return JobStatus.FAILED
    Rebuild.objects.filter(pk=rebuild_id).update(status=JobStatus.READY, rows=rows, done=rebuild.done,
                                                 total=rebuild.total, finished_at=timezone.now())
    progress.forget(rebuild)
    return JobStatus.READY
