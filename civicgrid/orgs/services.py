"""Staff at a node, the departments serving an area, and each person's task list (我的任务)."""

from dataclasses import dataclass

from django.db.models import Q

from civicgrid.core import worklist
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.codes import LENGTH_LEVELS

from .choices import HEAD_ROLES, Role
from .models import Department, RoleAssignment


def staff_panel(area) -> dict:
    """The area page's staff panel: who works at the node. A grid (or a unit below one) says so when no one
    does; a node above grids shows the panel only when someone works there."""
    return {"staff": staff_at(area), "says_when_empty": area.level >= AreaLevel.GRID}


def staff_at(area):
    """Role assignments at a node; for a grid, also the heads of its buildings and floors."""
    assignments = RoleAssignment.objects.select_related("staff", "area", "department")
    if area.level >= AreaLevel.GRID:
        return assignments.filter(area__code__startswith=area.code).order_by("area__code", "role")
    return assignments.filter(area=area).order_by("role")


class Serving:
    """``serving_departments`` for many areas, on every department's served codes read once: for a batch.

    A department serves ``area_code`` when one of its codes starts ``area_code`` or ``area_code`` starts with
    one of them: a look-up per prefix of the code, not a pass over every department for each area."""

    def __init__(self):
        served = {pk: [code] for pk, code in Department.objects.values_list("pk", "area__code")}
        listed: dict[int, list[str]] = {}
        for pk, code in Department.served_areas.through.objects.values_list("department_id", "area__code"):
            listed.setdefault(pk, []).append(code)
        self.at, self.under = _by_prefix(served | listed)  # a department's own area counts only when it lists none
        self.known: dict[str, set[int]] = {}

    def __call__(self, area_code: str) -> set[int]:
        """The ids of the departments serving ``area_code``, or an area above or below it."""
        if area_code not in self.known:
            above = (self.at.get(area_code[:n], ()) for n in range(len(area_code) + 1))
            self.known[area_code] = set().union(*above, self.under.get(area_code, ()))
        return self.known[area_code]


def _by_prefix(served: dict[int, list[str]]) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
    """{served code: departments} and {every prefix of a served code: departments}."""
    at, under = {}, {}
    for pk, codes in served.items():
        for code in codes:
            at.setdefault(code, set()).add(pk)
            for n in range(len(code) + 1):
                under.setdefault(code[:n], set()).add(pk)
    return at, under


def serving_departments(area_code: str) -> list[Department]:
    """Departments that may be sent a case in this area: those serving it (or an area above or below it),
    or, for a department with no served areas listed, whose own area is above or below it."""
    above = [area_code[:n] for n in sorted(LENGTH_LEVELS) if n <= len(area_code)]
    by_served = Q(served_areas__code__in=above) | Q(served_areas__code__startswith=area_code)
    by_home = Q(served_areas__isnull=True) & (Q(area__code__in=above) | Q(area__code__startswith=area_code))
    found = Department.objects.filter(by_served | by_home).select_related("area").distinct()
    return list(found.order_by("area__code", "code"))


# ---- 我的任务


# Who starts on their task list rather than the overview: those whose day is made of visits, checks and reports.
TASK_HOME_ROLES = frozenset({Role.GRID_WORKER, *HEAD_ROLES})


def starts_on_tasks(user) -> bool:
    return bool(user.scope.roles & TASK_HOME_ROLES)


@dataclass(frozen=True)
class TaskList:
    """我的任务 as the page and the API show it: every task, overdue first, and how many of each kind."""

    tasks: list
    overdue: int
    kinds: list  # (kind, count), the kind of the most urgent task first

    @property
    def total(self) -> int:
        return sum(count for _kind, count in self.kinds)


def task_list(user, now) -> TaskList:
    tasks = worklist.tasks_for(user, user.scope.roles, now)
    kinds: dict[str, int] = {}
    for task in tasks:
        kinds[task.kind] = kinds.get(task.kind, 0) + task.count
    overdue = sum(task.count for task in tasks if task.overdue(now))
    return TaskList(tasks, overdue, list(kinds.items()))
