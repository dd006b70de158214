"""Need-to-know (docs/design.md): who may open a support record. Three people and nobody else: the
responsible worker, the grid head of the grid the resident lives in, and the township's programme officer
(``models.ProgrammeOfficer``). Centre staff, leaders, auditors and administrators hold no record here: for
them a record is not found, whatever their scope. Every opened record is written to the access log by the
caller (``services.open_record``); lists show masked names and write nothing."""

from django.db.models import Q

from civicgrid.core.querysets import prefix_filter
from civicgrid.orgs.choices import Role

from .models import Enrolment, ProgrammeOfficer


def officer_prefixes(user) -> tuple[str, ...]:
    """The townships where ``user`` is the programme officer."""
    marked = ProgrammeOfficer.objects.filter(assignment__staff=user, assignment__area__isnull=False)
    return tuple(marked.values_list("assignment__area__code", flat=True))


def head_prefixes(user) -> tuple[str, ...]:
    """The grids ``user`` heads (网格长)."""
    return tuple(grant.area.code for grant in user.scope.holding({Role.GRID_HEAD}) if grant.area_id)


def reach(user) -> tuple[str, ...]:
    """The area prefixes under which ``user`` holds every record, as grid head or programme officer."""
    return (*head_prefixes(user), *officer_prefixes(user))


def records(user):
    """Every support record ``user`` needs to know: those they are responsible for, and those of the grids
    they head or the township they are the officer of."""
    return Enrolment.objects.filter(Q(worker=user) | prefix_filter("area_code", reach(user)))


def holds(user, enrolment: Enrolment) -> bool:
    return enrolment.worker_id == user.pk or enrolment.area_code.startswith(reach(user))
