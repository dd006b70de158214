"""Staff at a node."""

from civicgrid.geo.choices import AreaLevel

from .models import RoleAssignment


def staff_at(area):
    """Role assignments at a node; for a grid, also the heads of its buildings and floors."""
    assignments = RoleAssignment.objects.select_related("staff", "area", "department")
    if area.level >= AreaLevel.GRID:
        return assignments.filter(area__code__startswith=area.code).order_by("area__code", "role")
    return assignments.filter(area=area).order_by("role")
