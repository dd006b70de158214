"""零报告: a grid worker confirms that nothing new was found in their grid today (日排查).

The rules, checked here and nowhere else (the page and any later caller ask this module):

- only the grid's own staff report for it: a 网格员 or 网格长 whose assignment reaches the grid; anyone
  else is refused, and a grid outside the user's scope is not found at all;
- one report per grid and day: a second one is refused, naming who reported and when;
- a grid where a dispute was reported today has something to report, not nothing: the zero report is
  refused and the daily screening shows the grid as 有纠纷上报;
- the report is for today only (``timezone.localdate``): a missed day stays 未报告 in the figures.

Until it is made, today's zero report of each of their grids is on the grid worker's task list (``tasks``),
due at midnight.
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases.choices import CaseKind
from civicgrid.cases.models import Case
from civicgrid.cases.workflow import InvalidInput, NotAllowed
from civicgrid.core.worklist import Task
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.models import Area
from civicgrid.orgs.choices import GRID_ROLES
from civicgrid.orgs.scope import acts_at

from .models import ZeroReport
from .rhythm import day_bounds

ORDER = 20  # after the cases waiting for a step, all due at midnight


def may_report(user, grid: Area) -> bool:
    """Whether ``user`` holds a grid role reaching ``grid`` (superusers too, as everywhere)."""
    if not getattr(user, "is_authenticated", False) or not grid.is_grid:
        return False
    return user.is_superuser or any(acts_at(grant, grid.code) for grant in user.scope.holding(GRID_ROLES))


def report(user, grid: Area, now=None) -> ZeroReport:
    """File today's zero report for ``grid`` as ``user``; a ``WorkflowError`` says why not, with nothing written."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    if not may_report(user, grid):
        raise NotAllowed(_("只有本网格的网格员、网格长可以为“%(grid)s”做零报告。") % {"grid": grid.name})
    _check_nothing_yet(grid, day)
    try:
        with transaction.atomic():
            return ZeroReport.objects.create(grid=grid, day=day, staff=user, at=now)
    except IntegrityError:  # two taps at once: the other one won
        _check_nothing_yet(grid, day)
        raise


def _check_nothing_yet(grid: Area, day) -> None:
    earlier = ZeroReport.objects.filter(grid=grid, day=day).select_related("staff").first()
    if earlier is not None:
        raise InvalidInput(_("“%(grid)s”今天已由%(who)s于 %(at)s 做过零报告。") % {
            "grid": grid.name, "who": earlier.staff, "at": timezone.localtime(earlier.at).strftime("%H:%M")})
    found = disputes_reported_on(grid.code, day).count()
    if found:
        raise InvalidInput(_("“%(grid)s”今天已上报 %(n)d 件矛盾纠纷，不能再做零报告。") % {"grid": grid.name, "n": found})


def disputes_reported_on(code: str, day):
    """The dispute cases reported under ``code`` on ``day`` (local time)."""
    start, end = day_bounds(day)
    return Case.objects.filter(kind=CaseKind.DISPUTE, area_code__startswith=code, reported_at__gte=start,
                               reported_at__lt=end)


def own_grids(user) -> list[Area]:
    """The grids the user works as 网格员 or 网格长: those whose zero report is theirs to make."""
    return [grant.area for grant in user.scope.holding(GRID_ROLES)
            if grant.area_id and grant.area.level == AreaLevel.GRID]


def standing(grids, day) -> tuple[set, set]:
    """Of ``grids``, the ids of those reported on ``day``, and of those where a dispute was reported that day."""
    reported = set(ZeroReport.objects.filter(grid__in=grids, day=day).values_list("grid_id", flat=True))
    start, end = day_bounds(day)
    disputed = set(Case.objects.filter(kind=CaseKind.DISPUTE, area__in=grids, reported_at__gte=start,
                                       reported_at__lt=end).values_list("area_id", flat=True))
    return reported, disputed


def tasks(user, now) -> list[Task]:
    """今日零报告 of each of the user's grids still to make: none where it is made or a dispute was reported."""
    grids = own_grids(user)
    if not grids:
        return []
    day = timezone.localdate(now)
    reported, disputed = standing(grids, day)
    midnight = day_bounds(day)[1]
    return [Task(_("零报告"), _("今日零报告"), reverse("disputes:daily", args=[grid.code]), due_at=midnight,
                 place=grid.name, order=ORDER)
            for grid in grids if grid.pk not in reported | disputed]
