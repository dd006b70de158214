"""Who is calling the API, and what they may see and do. Every router asks here; none decides on its own.

A caller is a ``Principal``: a staff member (a personal token or a signed-in session), or a client
application (an API key, ``civicgrid.api.models.ClientApplication``) which may act through its staff
account. Staff see what their roles grant (``restrict``); an application sees its ``area_code`` and, when
it has a staff account, only what that account may see too. Outside that, records do not exist: the API
answers 404.
"""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from .errors import ApiError
from .grants import Grant


@dataclass
class Principal:
    user: object = None
    # A ClientApplication: its area_code, its grants (``may``, ``grant_label``), rate_per_minute and pk.
    application: object = None

    @property
    def owner(self) -> str:
        """A stable name for rate limits and idempotency keys."""
        return f"app:{self.application.pk}" if self.application else f"staff:{self.user.pk}"

    @property
    def actor(self):
        """Who a case step is taken as: the staff member, or the application's staff account (or no one)."""
        return self.user

    @property
    def client(self) -> str:
        """The application's name, for the access log; empty for staff calling themselves."""
        return self.application.name if self.application else ""

    def may(self, grant: str) -> bool:
        if self.application is not None:
            return self.application.may(grant)
        return grant != Grant.SUBSCRIBE and bool(getattr(self.user, "is_authenticated", False))

    def require(self, grant: str) -> None:
        if not self.may(grant):
            label = (self.application.grant_label(grant) if self.application is not None
                     else str(dict(Grant.choices).get(grant, grant)))
            raise ApiError(403, "forbidden", _("此客户端应用未获授权：%(grant)s。") % {"grant": label})

    def staff(self, refusal: str):
        """The staff member calling for themselves; a client application is refused with ``refusal`` (what
        belongs to a person, such as their notices or their task list, is no application's)."""
        if self.application is not None or self.user is None:
            raise ApiError(403, "staff_only", refusal)
        return self.user

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
        return queryset.public() if self.public else queryset

    def root_codes(self) -> list[str]:
        """The codes of the top nodes the caller sees: its roles' nodes, cut to (or narrowed by) an
        application's area."""
        tops = [area.code for area in self.user.scope.roots()] if self.user is not None else []
        if self.application is None:
            return tops
        code = self.application.area_code
        if self.user is None or any(code.startswith(top) for top in tops):
            return [code]
        return [top for top in tops if top.startswith(code)]

    def covers(self, area_code: str) -> bool:
        """Whether a record at ``area_code`` is inside the application's area (staff scope is asked separately)."""
        return self.application is None or area_code.startswith(self.application.area_code)

    def get(self, queryset, **lookup):
        """The one record matching ``lookup`` inside the caller's scope, or 404 whether it exists or not."""
        found = self.restrict(queryset).filter(**lookup).first()
        if found is None:
            raise Http404
        return found
