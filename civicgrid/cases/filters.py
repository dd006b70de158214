"""Filters of the centre queue and the department inbox, applied in SQL, with counts per status and light.

Each filter is a function of the queryset and the cleaned value. The counts of a facet (status, light)
apply every other filter but its own, so the tabs say how many cases each choice would show; each facet
is one GROUP BY query whatever the number of values.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.functional import cached_property

from .choices import ACTIVE_ASSIGNMENT_STATUSES, OPEN_STATUSES, Measure, Status
from .forms.staff import ACTIVE, OPEN
from .tally import RESOLVED, SATISFIED


def _start_of(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _status(qs, value):
    return qs.filter(status__in=OPEN_STATUSES) if value == OPEN else qs.filter(status=value)


def _category(qs, code):
    return qs.filter(Q(category__code=code) | Q(category__code__startswith=f"{code}."))


def _text(qs, text):
    return qs.filter(Q(number__icontains=text) | Q(title__icontains=text))


# The cases each measure of the figures counts (``tally.measures``, ``dashboards.figures.Summary``).
_RESOLVED = Q(status__in=RESOLVED)
MEASURES = {
    Measure.OPEN: Q(status__in=OPEN_STATUSES),
    Measure.OVERDUE: Q(status__in=OPEN_STATUSES, overdue=True),
    Measure.LATE: Q(late=True),
    Measure.REWORKED: Q(rework_count__gt=0),
    Measure.RETURNED: Q(returns__gt=0),
    Measure.SATISFIED: Q(satisfaction__in=SATISFIED),
    Measure.SUPERVISED: Q(supervised=True),
    Measure.RESOLVED: _RESOLVED,
    Measure.ON_TIME: _RESOLVED & Q(late=False),
    Measure.COUNTED: ~Q(status__in=[Status.VOIDED, Status.MERGED]),
}

NO_FACET = "-"  # the facet filter's value for cases with none yet (an ungraded hazard), as "" means no filter

CASE_FILTERS = {
    "status": _status,
    "light": lambda qs, value: qs.filter(light=value),
    "area": lambda qs, code: qs.filter(area_code__startswith=code),
    "category": _category,
    "category_id": lambda qs, pk: qs.filter(category_id=pk),
    "kind": lambda qs, value: qs.filter(kind=value),
    "facet": lambda qs, value: qs.filter(facet="" if value == NO_FACET else value),
    "department": lambda qs, pk: qs.filter(lead_department_id=pk),
    "measure": lambda qs, value: qs.filter(MEASURES[value]),
    "channel": lambda qs, value: qs.filter(channel=value),
    "date_from": lambda qs, day: qs.filter(reported_at__gte=_start_of(day)),
    "date_to": lambda qs, day: qs.filter(reported_at__lt=_start_of(day + timedelta(days=1))),
    "q": _text,
}


def _assignment_status(qs, value):
    return qs.filter(status__in=ACTIVE_ASSIGNMENT_STATUSES) if value == ACTIVE else qs.filter(status=value)


ASSIGNMENT_FILTERS = {
    "status": _assignment_status,
    "light": lambda qs, value: qs.filter(light=value),
}


def apply(qs: QuerySet, data: dict, table: dict, skip: str = "") -> QuerySet:
    for name, narrow in table.items():
        if name != skip and data.get(name) not in (None, ""):
            qs = narrow(qs, data[name])
    return qs


def grouped(qs: QuerySet, field: str) -> dict[str, int]:
    """{value: count} in one GROUP BY query."""
    return dict(qs.order_by().values_list(field).annotate(n=Count("pk")))


@dataclass
class Filtered:
    """A filtered list with its facet counts; ``total`` comes from the status counts, saving a COUNT query."""

    rows: QuerySet
    status_counts: dict
    light_counts: dict
    status: str | None
    pseudo: str
    pseudo_statuses: frozenset

    @cached_property
    def total(self) -> int:
        if not self.status:
            return sum(self.status_counts.values())
        if self.status == self.pseudo:
            return sum(n for s, n in self.status_counts.items() if s in self.pseudo_statuses)
        return self.status_counts.get(self.status, 0)


def filter_cases(base: QuerySet, data: dict) -> Filtered:
    return _filtered(base, data, CASE_FILTERS, OPEN, OPEN_STATUSES)


def filter_assignments(base: QuerySet, data: dict) -> Filtered:
    return _filtered(base, data, ASSIGNMENT_FILTERS, ACTIVE, ACTIVE_ASSIGNMENT_STATUSES)


def _filtered(base, data, table, pseudo, pseudo_statuses) -> Filtered:
    return Filtered(
        rows=apply(base, data, table),
        status_counts=grouped(apply(base, data, table, skip="status"), "status"),
        light_counts=grouped(apply(base, data, table, skip="light"), "light"),
        status=data.get("status"), pseudo=pseudo, pseudo_statuses=frozenset(pseudo_statuses),
    )


class CountedPaginator(Paginator):
    """A paginator told its count: on a million cases the facet counts already know it, so skip a COUNT."""

    def __init__(self, object_list, per_page, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.__dict__["count"] = count  # fills Paginator's cached_property
