"""Whose figures a dashboard shows: an area of the user's scope (404 outside it) and, for department staff,
their department's cases only (those it leads, ``Case.lead_department``).
"""

from dataclasses import dataclass

from civicgrid.geo import codes
from civicgrid.geo.models import Area
from civicgrid.orgs.choices import DEPARTMENT_ROLES
from civicgrid.orgs.models import Department

from .figures import Where


@dataclass(frozen=True)
class Viewpoint:
    """看板口径: the area whose figures are shown and, for department staff, the department they are read for."""

    area: Area
    department: Department | None = None

    @property
    def child_length(self) -> int:
        return codes.child_length(self.area.code) or 0

    def where(self, **filters) -> Where:
        return Where(self.area.code, self.department.pk if self.department else None, self.child_length, filters)


def department_of(user) -> Department | None:
    """The department whose figures department staff read: every grant they hold is a department's (the
    first department when several). Anyone holding another role reads their areas' figures."""
    grants = user.scope.grants
    if user.is_superuser or not grants or any(grant.role not in DEPARTMENT_ROLES for grant in grants):
        return None
    return min((grant.department for grant in grants if grant.department_id), key=lambda d: d.pk, default=None)


def viewpoint(user, code: str | None) -> Viewpoint | None:
    """The user's view of ``code`` (their top area when None), or None when it is outside their scope."""
    if code is None:
        home = user.scope.home()
        area = min(home, key=lambda a: a.code) if home else None
    else:
        area = Area.objects.restrict(user).filter(code=code).select_related("parent").first()
    return Viewpoint(area, department_of(user)) if area is not None else None
