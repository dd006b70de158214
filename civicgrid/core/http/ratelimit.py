"""Rate limits (限流) for the JSON API and Open311: per client address and per key, in fixed windows.

Counting is django-ratelimit's, in the ``default`` cache; with several app processes the cache must be
shared (``CIVICGRID_CACHE_URL``) or each process counts on its own. A refused request gets ``429`` and
``Retry-After``: the seconds until its window ends.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

from .client import client_address


class RateLimited(Exception):
    """Too many requests in the current window; ``retry_after`` seconds until the next one."""

    def __init__(self, retry_after: int):
        super().__init__(_("请求过于频繁，请 %(seconds)d 秒后再试。") % {"seconds": retry_after})
        self.retry_after = retry_after


def check_ip(request, group: str = "ip", rate: str | None = None) -> None:
    """Every request of an address (the middleware); an interface's ``group`` of requests with its own ``rate``."""
    _check(request, group, client_address(request), settings.CIVICGRID_API_RATE_PER_IP if rate is None else rate)


def check_key(request, owner: str, per_minute: int | None = None) -> None:
    """``owner`` names the key ("app:3", or "staff:12" for a token or session); an application may carry its own
    limit."""
    rate = f"{per_minute}/m" if per_minute else settings.CIVICGRID_API_RATE_PER_KEY
    _check(request, "key", owner, rate)


def _check(request, group: str, value: str, rate: str) -> None:
    if not rate:
        return
    usage = get_usage(request, group=f"civicgrid.api.{group}", key=lambda _group, _request: value, rate=rate,
                      increment=True)
    if usage and usage["should_limit"]:
        raise RateLimited(max(1, int(usage["time_left"])))
