"""Staff at a node, and the departments serving an area."""

from django.db.models import Q

from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.codes import LENGTH_LEVELS

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
    """``serving_departments`` for many areas, on every department's served codes read once: for a batch."""

    def __init__(self):
        served = {pk: [code] for pk, code in Department.objects.values_list("pk", "area__code")}
        listed: dict[int, list[str]] = {}
        for pk, code in Department.served_areas.through.objects.values_list("department_id", "area__code"):
            listed.setdefault(pk, []).append(code)
        self.served = served | listed  # a department's own area counts only when it lists none
        self.known: dict[str, set[int]] = {}

    def __call__(self, area_code: str) -> set[int]:
        """The ids of the departments serving ``area_code``, or an area above or below it."""
        if area_code not in self.known:
            self.known[area_code] = {pk for pk, codes in self.served.items()
                                     if any(area_code.startswith(c) or c.startswith(area_code) for c in codes)}
        return self.known[area_code]


def serving_departments(area_code: str) -> list[Department]:
    """Departments that may be sent a case in this area: those serving it (or an area above or below it),
    or, for a department with no served areas listed, whose own area is above or below it."""
    above = [area_code[:n] for n in sorted(LENGTH_LEVELS) if n <= len(area_code)]
    by_served = Q(served_areas__code__in=above) | Q(served_areas__code__startswith=area_code)
    by_home = Q(served_areas__isnull=True) & (Q(area__code__in=above) | Q(area__code__startswith=area_code))
    found = Department.objects.filter(by_served | by_home).select_related("area").distinct()
    return list(found.order_by("area__code", "code"))
