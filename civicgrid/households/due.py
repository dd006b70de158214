"""走访到期: the households each keeper has not visited within their role's period, for the task list (我的任务)
and the home page.

A keeper's node (a grid, a building, a floor, a 片长's communities) is split by the child each household falls
in, one task per child with households due: a 网格员 gets one per building, a 楼层长 one for their floor. Each
child is one row of one aggregate query per role held, whatever the number of households.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Min
from django.db.models.functions import Coalesce, Substr
from django.urls import reverse
from django.utils.translation import gettext as _

from civicgrid.core.querysets import prefix_filter
from civicgrid.core.worklist import Task
from civicgrid.geo.models import Area
from civicgrid.orgs.scope import node_prefixes

from .choices import KEEPERS
from .models import Household
from .services import not_visited_since, periods

SOURCE = "households.visits"
TASKS_MAX = 30  # per role held: a 片长's communities may hold hundreds of buildings; the list links to the rest


@dataclass(frozen=True)
class Due:
    """The households of one child area not visited within the period, and when the first of them fell due."""

    code: str
    count: int
    due_at: datetime


def due_under(prefixes, days: int, now: datetime, limit: int = TASKS_MAX) -> list[Due]:
    """Per child of ``prefixes`` (one level down), the households not visited for ``days`` days; a household
    never visited falls due ``days`` after it was registered."""
    if not prefixes:
        return []
    length = min(len(prefixes[0]) + 3, 21)  # one grant's prefixes are of one level
    since = now - timedelta(days=days)
    rows = (Household.objects.filter(prefix_filter("unit_code", prefixes)).filter(not_visited_since(since))
            .annotate(child=Substr("unit_code", 1, length)).values("child")
            .annotate(n=Count("id"), oldest=Min(Coalesce("last_visited_at", "created_at")))
            .order_by("oldest")[:limit])
    return [Due(row["child"], row["n"], row["oldest"] + timedelta(days=days)) for row in rows]


def visit_tasks(user, now: datetime) -> list[Task]:
    """我的任务's source ``households.visits``: one task per area with households due, for each keeping role."""
    found, days = [], periods()
    for grant in user.scope.holding(KEEPERS):
        found += due_under(node_prefixes(grant), days[grant.role], now)
    names = dict(Area.objects.filter(code__in={due.code for due in found}).values_list("code", "name"))
    return [_task(due, names, days) for due in found]


def _task(due: Due, names: dict, days: dict) -> Task:
    name = names.get(due.code, due.code)
    title = _("走访%(place)s：%(n)d 户到期未走访") % {"place": name, "n": due.count}
    url = reverse("households:area", args=[due.code]) + "?due=1"
    return Task(kind=_("包户走访"), title=title, url=url, due_at=due.due_at, place=name, order=40)


def summary(user, now: datetime) -> dict | None:
    """The home panel: households the user answers for and how many are due, per role held; None for others."""
    grants, days = user.scope.holding(KEEPERS), periods()
    if not grants:
        return None
    rows = [_summary_row(grant, days[grant.role], now) for grant in grants]
    return {"rows": rows, "due": sum(row["due"] for row in rows)}


def _summary_row(grant, days: int, now: datetime) -> dict:
    since = now - timedelta(days=days)
    found = Household.objects.filter(prefix_filter("unit_code", node_prefixes(grant))).aggregate(
        n=Count("id"), due=Count("id", filter=not_visited_since(since)))
    return {"role": grant.get_role_display(), "place": grant.precinct or grant.area, "days": days,
            "code": grant.area.code if grant.area_id else "", **found}
