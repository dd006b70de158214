"""Staff scope: which area prefixes a user's role assignments grant for an action."""

from .models import RoleAssignment
from .permissions import roles_for


def scope_prefixes(user, action: str = "view") -> tuple[str, ...]:
    """Area code prefixes the user may act on, the shortest covering set, cached on the user object."""
    cache = user.__dict__.setdefault("_scope_cache", {})
    if action not in cache:
        cache[action] = _minimal(_granted_prefixes(user, roles_for(action)))
    return cache[action]


def _granted_prefixes(user, roles) -> set[str]:
    assignments = (
        RoleAssignment.objects.filter(staff=user, role__in=roles)
        .select_related("area", "department__area")
        .prefetch_related("precinct__communities", "department__served_areas")
    )
    prefixes: set[str] = set()
    for assignment in assignments:
        prefixes.update(_assignment_prefixes(assignment))
    return prefixes


def _assignment_prefixes(assignment) -> list[str]:
    if assignment.area_id:
        return [assignment.area.code]
    if assignment.precinct_id:
        return [community.code for community in assignment.precinct.communities.all()]
    department = assignment.department
    served = [area.code for area in department.served_areas.all()]
    return served or [department.area.code]


def _minimal(prefixes: set[str]) -> tuple[str, ...]:
    """Drop prefixes already covered by a shorter one, so queries stay small."""
    kept: list[str] = []
    for prefix in sorted(prefixes, key=len):
        if not any(prefix.startswith(shorter) for shorter in kept):
            kept.append(prefix)
    return tuple(sorted(kept))


def scope_roots(user):
    """The top nodes of the user's scope, for the area browser and the home page."""
    from civicgrid.geo.models import Area

    if user.is_superuser:
        return list(Area.objects.filter(parent__isnull=True))
    return list(Area.objects.filter(code__in=scope_prefixes(user)))


def staff_at(area):
    """Role assignments at a node; for a grid, also the heads of its buildings and floors."""
    from civicgrid.geo.choices import AreaLevel

    assignments = RoleAssignment.objects.select_related("staff", "area", "department")
    if area.level >= AreaLevel.GRID:
        return assignments.filter(area__code__startswith=area.code).order_by("area__code", "role")
    return assignments.filter(area=area).order_by("role")
