"""我的任务's support visits: each resident the user is responsible for whose visit is due within a week,
overdue first (``core.worklist``). Only the responsible worker is asked to visit; names are masked."""

from datetime import datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.core.validators import mask_name
from civicgrid.core.worklist import Task, register_source

from .models import Enrolment
from .services import WORKER_ROLES

AHEAD = timedelta(days=7)
MAX_TASKS = 100


def visits_due(user, now: datetime) -> list[Task]:
    due = (Enrolment.objects.filter(worker=user, left_at__isnull=True, next_visit_on__lte=(now + AHEAD).date())
           .select_related("area__parent").order_by("next_visit_on", "pk")[:MAX_TASKS])
    return [_task(enrolment) for enrolment in due]


def _task(enrolment: Enrolment) -> Task:
    return Task(kind=_("关爱走访"), title=_("关爱走访：%(name)s（%(programme)s）") % {
        "name": mask_name(enrolment.resident_name), "programme": enrolment.get_programme_display()},
        url=reverse("care:detail", args=[enrolment.pk]), due_at=_end_of(enrolment.next_visit_on),
        place=enrolment.place, order=30)


def _end_of(day) -> datetime:
    """A visit due on a day is overdue once that day is over."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def register() -> None:
    register_source("care.visits", visits_due, roles=WORKER_ROLES, order=30)
