"""The access log (访问日志), one of the shared mechanisms (DESIGN.md, "Personal data"): every look at a
person's record and every personal number shown in full is written here, with who, when, what, why and
from where. Apps call ``viewed`` and ``revealed``; the log itself is append-only (``models.AccessLog``).

Where a request came from is read once, by the view that serves it (``where``), with the same client
address the rate limits count (``http.client.client_address``), so a proxy setting applies to both.
"""

import ipaddress
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .choices import AccessAction, Action
from .http.client import client_address
from .models import AccessLog

USER_AGENT_MAX = AccessLog._meta.get_field("user_agent").max_length


@dataclass(frozen=True)
class Where:
    """From where a record was looked at: the interface (``choices.Via``), address, browser and the client
    application, if one called."""

    via: str
    address: str | None = None
    user_agent: str = ""
    client: str = ""


def where(request, via: str, client: str = "") -> Where:
    return Where(via=via, address=_address(client_address(request)),
                 user_agent=request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX], client=client)


def _address(raw: str) -> str | None:
    """The address if it is one; a header a misconfigured proxy filled with something else is not kept."""
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError:
        return None


def viewed(user, record, key: str, area_code: str, at: Where) -> AccessLog:
    """``user`` looked at ``record`` (a person's record, or one that shows a person's)."""
    return _write(user, record, key, area_code, at, action=AccessAction.VIEW)


def revealed(user, record, key: str, area_code: str, at: Where, field: str, reason: str) -> AccessLog:
    """``user`` was shown ``field`` of ``record`` in full, for ``reason``."""
    return _write(user, record, key, area_code, at, action=AccessAction.REVEAL, field=field, reason=reason)


REASON_MAX = 500


def reason_problem(reason: str, example: str) -> str:
    """What is wrong with the reason given for a reveal (empty: nothing), ``example`` showing a good one. A
    reveal with no reason is refused and nothing is logged."""
    if not reason or "\x00" in reason:
        return _("请填写查看理由，例如“%(example)s”。查看会记入访问日志。") % {"example": example}
    if len(reason) > REASON_MAX:
        return _("理由最多 %(max)d 个字。") % {"max": REASON_MAX}
    return ""


def _write(user, record, key: str, area_code: str, at: Where, **what) -> AccessLog:
    return AccessLog.objects.create(
        user=user, username=user.get_username(), client=at.client, record_type=record._meta.label_lower,
        record_key=key, area_code=area_code, via=at.via, address=at.address, user_agent=at.user_agent, **what)


# ---- reading the log


def may_audit(user) -> bool:
    """Whether ``user`` reads the log at all: auditors and administrators (of some scope), and superusers."""
    return user.is_superuser or bool(user.scope.prefixes(Action.AUDIT))


def entries(user, filters: dict):
    """The entries ``user`` may read (records in their audit scope), newest first, narrowed by ``filters``
    (``forms.AccessLogFilterForm``: username, record, action, date_from, date_to)."""
    found = AccessLog.objects.restrict(user, Action.AUDIT)
    lookups = {"username": "username", "record": "record_key", "action": "action", "date_from": "at__date__gte",
               "date_to": "at__date__lte"}
    return found.filter(**{lookups[name]: value for name, value in filters.items() if name in lookups})
