"""Scope (DESIGN.md, "Geography and scope"): where a staff member's role assignments reach, the one rule
used both to see records and to act on cases.

A role assignment (a *grant*) covers area codes by prefix:

- held at an area node, the node's code;
- held at a 片区 (precinct), the codes of its communities;
- held at a department alone, the areas the department serves, or its own area when it lists none.

Seeing: ``RestrictedQuerySet.restrict(user, action)`` keeps the records whose area code starts with one of
``Scope.prefixes(action)``, the prefixes of the grants whose role ``permissions.roles_for(action)`` admits.

Acting (``cases.workflow.roles_of``): department roles act through their department's assignments on a
case; every other role acts where its node reaches (``acts_at``). A department alone is no node: it lets
a role that is not a department's see the department's areas, not act in them.

A user's grants are read with one query (and one per related list) the first time anything asks, and
kept on the user object (``Staff.scope``): a page or an API call asks many times and pays once.
"""

from functools import cached_property

from django.db.models import Prefetch, prefetch_related_objects

from civicgrid.geo.models import Area
from civicgrid.geo.services import where_the_grids_are

from .choices import DEPARTMENT_ROLES
from .permissions import roles_for


def node_prefixes(grant) -> tuple[str, ...]:
    """The codes of the node a grant is held at: an area's code, or a precinct's communities'."""
    if grant.area_id:
        return (grant.area.code,)
    if grant.precinct_id:
        return tuple(community.code for community in grant.precinct.communities.all())
    return ()


def prefixes(grant) -> tuple[str, ...]:
    """Every code a grant lets its holder see: its node, or for a department alone the areas it serves."""
    found = node_prefixes(grant)
    if found or not grant.department_id:
        return found
    department = grant.department
    return tuple(area.code for area in department.served_areas.all()) or (department.area.code,)


def acts_at(grant, code: str) -> bool:
    """Whether a grant's node reaches a record at ``code``."""
    return code.startswith(node_prefixes(grant))


def reach(user, roles) -> tuple[str, ...]:
    """The area prefixes where the user holds one of ``roles`` (a superuser: ``("",)``, everywhere): whose pages
    open for a role set rather than an action (the command screen, the reports, the response circles)."""
    if user.is_superuser:
        return ("",)
    return minimal(code for grant in user.scope.holding(roles) for code in prefixes(grant))


def first_code(user, codes: tuple[str, ...]) -> str | None:
    """Where a page of ``reach`` opens without an area named: the first of ``codes``; a superuser's, the first
    area where the grids are (None: there are none)."""
    if codes != ("",):
        return codes[0] if codes else None
    tops = user.scope.home()
    return tops[0].code if tops else None


def minimal(codes) -> tuple[str, ...]:
    """The shortest covering set of ``codes``: a prefix under a shorter one adds nothing to a query."""
    kept: list[str] = []
    for code in sorted(set(codes), key=len):
        if not code.startswith(tuple(kept)):
            kept.append(code)
    return tuple(sorted(kept))


class Scope:
    """One user's grants and the prefixes they give, read once; ``Staff.scope`` keeps one per user object."""

    def __init__(self, user):
        self.user = user
        self._prefixes: dict[str, tuple[str, ...]] = {}

    @cached_property
    def grants(self) -> list:
        """The user's role assignments with everything the rule and the labels read (``preload`` may have)."""
        preloaded = getattr(self.user, "_prefetched_objects_cache", {}).get("assignments")
        return list(preloaded if preloaded is not None else _with_reach(self.user.assignments.all()))

    def prefixes(self, action: str = "view") -> tuple[str, ...]:
        """The area prefixes the user may ``action`` records under, the shortest covering set."""
        if action not in self._prefixes:
            roles = roles_for(action)
            self._prefixes[action] = minimal(code for grant in self.grants if grant.role in roles
                                             for code in prefixes(grant))
        return self._prefixes[action]

    def covers(self, code: str, action: str = "view") -> bool:
        """Whether a record at ``code`` is the user's to ``action`` (a superuser's always)."""
        return self.user.is_superuser or code.startswith(self.prefixes(action))

    @property
    def roles(self) -> set[str]:
        return {grant.role for grant in self.grants}

    def holding(self, roles) -> list:
        """The grants of ``roles``."""
        return [grant for grant in self.grants if grant.role in roles]

    @property
    def department_ids(self) -> set[int]:
        """The departments the user works in as 部门处置人员 or 负责人: whose assignments are theirs to take."""
        return {grant.department_id for grant in self.holding(DEPARTMENT_ROLES) if grant.department_id}

    def deepest_area_grant(self, code: str):
        """The grant held at the deepest area node above ``code``, or None (precincts and departments name no
        single node)."""
        reaching = [grant for grant in self.grants if grant.area_id and code.startswith(grant.area.code)]
        return max(reaching, key=lambda grant: len(grant.area.code), default=None)

    def roots(self) -> list:
        """The top nodes of the scope; a superuser's are the tree's."""
        if self.user.is_superuser:
            return list(Area.objects.filter(parent__isnull=True))
        return list(Area.objects.filter(code__in=self.prefixes()))

    def home(self) -> list:
        """The nodes the home page, the area browser and the queue's area filter open on: the scope's top
        nodes; a superuser's, where the grids are rather than all 31 provinces."""
        return where_the_grids_are() if self.user.is_superuser else self.roots()


def _with_reach(grants):
    return grants.select_related("area", "department__area").prefetch_related("precinct__communities",
                                                                              "department__served_areas")


def preload(users) -> None:
    """The grants of many users read in a few queries, not a few per user: for a batch acting as many staff."""
    from .models import RoleAssignment

    prefetch_related_objects(list(users), Prefetch("assignments", _with_reach(RoleAssignment.objects.all())))
