"""The patrols' part of each person's task list (我的任务): their patrol shifts today not yet over."""

from datetime import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.core.worklist import Task

from . import services


def shifts_today(user, now: datetime) -> list[Task]:
    """One task per shift of ``user`` today that has not ended, due at its end, with its points checked so far."""
    shifts = list(services.my_shifts(user, timezone.localdate(now)).filter(ends_at__gt=now)[:20])
    progress = services.completeness([shift.pk for shift in shifts])
    return [_task(shift, progress[shift.pk]) for shift in shifts]


def _task(shift, progress) -> Task:
    title = _("巡逻：%(zone)s %(start)s–%(end)s（已巡 %(checked)d/%(planned)d 个点位）") % {
        "zone": shift.zone.name, "start": timezone.localtime(shift.starts_at).strftime("%H:%M"),
        "end": timezone.localtime(shift.ends_at).strftime("%H:%M"), "checked": progress.checked,
        "planned": progress.planned}
    return Task(_("巡逻班次"), title, reverse("patrols:shift", args=[shift.pk]), due_at=shift.ends_at,
                place=shift.team.name, order=60)
