"""Who is calling the API, and what they may see and do. Every router asks here; none decides on its own.

A caller is a ``Principal``: a staff member (a personal token or a signed-in session), or a client
application (an API key) which may act through its staff account. Staff see what their roles grant
(``restrict``); an application sees its ``area_code`` and, when it has a staff account, only what that
account may see too. Outside that, records do not exist: the API answers 404.
"""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from civicgrid.cases.models import Case
from civicgrid.cases.workflow import NotAllowed
from civicgrid.geo.models import Area

from .choices import GRANT_CHOICES, Grant
from .models import ClientApplication


@dataclass
class Principal:
    user: object = None
    application: ClientApplication | None = None

    @property
    def owner(self) -> str:
        """A stable name for rate limits and idempotency keys."""
        return f"app:{self.application.pk}" if self.application else f"staff:{self.user.pk}"

    @property
    def actor(self):
        """Who a case step is taken as: the staff member, or the application's staff account (or no one)."""
        return self.user

    def may(self, grant: str) -> bool:
        if self.application is not None:
            return self.application.may(grant)
        return grant != Grant.SUBSCRIBE and bool(getattr(self.user, "is_authenticated", False))

    def require(self, grant: str) -> None:
        if not self.may(grant):
            raise NotAllowed(_("此客户端应用未获授权：%(grant)s。") % {"grant": _grant_label(grant)})

    @property
    def public(self) -> bool:
        """An application without a staff account sees what Open311 shows: cases of published services,
        without the reporter's name, and only the results' files."""
        return self.application is not None and self.user is None

    def restrict(self, queryset, action: str = "view"):
        """``queryset`` (a ``RestrictedQuerySet``) cut to what the caller may see."""
        if self.user is not None:
            queryset = queryset.restrict(self.user, action)
        if self.application is not None:
            field = queryset.model.scope_field
            queryset = queryset.filter(**{f"{field}__startswith": self.application.area_code})
        if self.public and queryset.model is Case:
            queryset = queryset.filter(category__open311_service__published=True)
        return queryset

    def roots(self) -> list:
        """The top nodes the caller sees: its roles' nodes, cut to (or narrowed by) an application's area."""
        tops = self.user.scope.roots() if self.user is not None else []
        if self.application is None:
            return tops
        code = self.application.area_code
        if self.user is None or any(code.startswith(area.code) for area in tops):
            return list(Area.objects.filter(code=code))
        return [area for area in tops if area.code.startswith(code)]

    def covers(self, area_code: str) -> bool:
        """Whether a record at ``area_code`` is inside the application's area (staff scope is asked separately)."""
        return self.application is None or area_code.startswith(self.application.area_code)

    def get(self, queryset, **lookup):
        """The one record matching ``lookup`` inside the caller's scope, or 404 whether it exists or not."""
        found = self.restrict(queryset).filter(**lookup).first()
        if found is None:
            raise Http404
        return found


def _grant_label(grant: str) -> str:
    return str(dict(GRANT_CHOICES).get(grant, grant))
