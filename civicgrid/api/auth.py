"""How API callers prove who they are: a personal token or an application key, or a signed-in session.

``Authorization: Bearer <token or key>`` or ``X-Api-Key: <key>``; the key's mark (``cgt_``/``cgk_``) says
which. A signed-in browser session works too (for the interactive docs), with Django's CSRF check on
writes. Each success counts against the caller's rate limit before the endpoint runs.
"""

from ninja.security import APIKeyHeader, HttpBearer, SessionAuth

from civicgrid.core.http import ratelimit
from civicgrid.core.http.principal import Principal

from . import keys


def principal_for_key(raw: str) -> Principal | None:
    if raw.startswith(keys.TOKEN_MARK):
        token = keys.find_token(raw)
        return Principal(user=token.staff) if token else None
    application = keys.find_application(raw)
    if application is None:
        return None
    return Principal(user=application.staff, application=application)


def _admitted(request, principal: Principal | None) -> Principal | None:
    if principal is not None:
        per_minute = principal.application.rate_per_minute if principal.application else None
        ratelimit.check_key(request, principal.owner, per_minute)
    return principal


class BearerAuth(HttpBearer):
    def authenticate(self, request, token):
        return _admitted(request, principal_for_key(token))


class KeyHeaderAuth(APIKeyHeader):
    param_name = "X-Api-Key"

    def authenticate(self, request, key):
        return _admitted(request, principal_for_key(key or ""))


class StaffSessionAuth(SessionAuth):
    """A signed-in staff member's session; ninja checks the CSRF token on unsafe methods."""

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        return _admitted(request, Principal(user=user)) if user else None


AUTH = [BearerAuth(), KeyHeaderAuth(), StaffSessionAuth()]
