"""Scoped querysets: every list and lookup in civicgrid goes through ``restrict``.

A staff member sees a record when the record's area code starts with one of the
prefixes their role assignments grant for the action (DESIGN.md, "Geography and
scope"). Views turn an empty lookup into a 404, never a 403, so the existence of
records outside the user's scope is not disclosed.

The prefixes come from the user object: ``user.scope.prefixes(action)`` (the rule is
``civicgrid.orgs.scope``, above core, which the user model carries down to here).
"""

from django.db import models
from django.db.models import Q


class RestrictedQuerySet(models.QuerySet):
    """A queryset whose model names, in ``scope_field``, the field holding its area code."""

    def restrict(self, user, action: str = "view"):
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(prefix_filter(self.model.scope_field, user.scope.prefixes(action)))

    def public(self):
        """What a caller with no staff account (an Open311 client's key) may see of the rows in its area:
        all of them, unless the model says less."""
        return self


def prefix_filter(field: str, prefixes) -> Q:
    """A Q matching rows whose ``field`` starts with any of ``prefixes`` (none: nothing)."""
    query = Q(pk__in=[])
    for prefix in prefixes:
        query |= Q(**{f"{field}__startswith": prefix})
    return query
