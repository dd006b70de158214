"""Sign-in throttling (登录限制) of the staff login page and the admin's: per account and per client address.

Each failed sign-in counts once for the name typed and once for the client's address
(``http.client.client_address``), in the shared cache, for ``CIVICGRID_LOGIN_LOCKOUT_MINUTES``. When a count
reaches its limit (``CIVICGRID_LOGIN_FAILURES_PER_ACCOUNT``, ``…_PER_ADDRESS``) a ``LoginLockout`` is
written: until it runs out or an administrator lifts it, sign-ins of that name, or from that address, are
refused before any password is checked, the right one too, so guessing cannot go on.

A name is counted whether or not such a user exists, and refused with the same words: the login page
tells nobody which names are real. The address limit is higher than the account's, since a centre's
whole office may reach the site through one address.
"""

import logging
import math
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import LockoutKind
from .http import throttle
from .http.client import client_address
from .models import LoginLockout

log = logging.getLogger("civicgrid.logins")
NAME_MAX = LoginLockout._meta.get_field("value").max_length


class LockedOut(Exception):
    """Sign-ins are stopped for this name or address for ``minutes`` more."""

    def __init__(self, minutes: int):
        super().__init__(_("登录失败次数过多，请 %(minutes)d 分钟后再试，或联系管理员解锁。") % {"minutes": minutes})
        self.minutes = minutes


def check(request, username: str) -> None:
    """``LockedOut`` if the name or the address is locked out now."""
    lockout = active().filter(_either(request, username)).order_by("-until").first()
    if lockout is not None:
        raise LockedOut(max(1, math.ceil((lockout.until - timezone.now()).total_seconds() / 60)))


def failed(request, username: str) -> None:
    """Count a failed sign-in; lock the name or the address out when its count reaches the limit."""
    address = client_address(request)
    for kind, value in _subjects(request, username):
        failures = throttle.hit(_counter(kind, value), _lockout_s())
        if failures >= _limit(kind):
            _lock(kind, value, failures, address)


def succeeded(request, username: str) -> None:
    """A right password: the name's failures are forgotten (the address's are not, or one known account
    would let a guesser start again at will)."""
    throttle.forget(_counter(LockoutKind.ACCOUNT, _name(username)))


def lift(lockouts, by) -> int:
    """An administrator lifts lockouts still in force: sign-ins go on at once, with their counts at zero."""
    if not by.has_perm("core.change_loginlockout"):
        raise PermissionDenied
    lifted = list(lockouts.filter(lifted_at__isnull=True, until__gt=timezone.now()))
    for lockout in lifted:
        throttle.forget(_counter(lockout.kind, lockout.value))
        lockout.lifted_at, lockout.lifted_by = timezone.now(), by
        lockout.save(update_fields=["lifted_at", "lifted_by"])
    return len(lifted)


def active():
    return LoginLockout.objects.filter(lifted_at__isnull=True, until__gt=timezone.now())


def _lock(kind: str, value: str, failures: int, address: str) -> None:
    throttle.forget(_counter(kind, value))  # after the lockout, a fresh count
    if active().filter(kind=kind, value=value).exists():
        return
    now = timezone.now()
    LoginLockout.objects.create(kind=kind, value=value, failures=failures, last_address=address[:45],
                                locked_at=now, until=now + timedelta(seconds=_lockout_s()))
    log.warning("sign-ins locked out for %s %s after %s failures (last from %s)", kind, value, failures, address)


def _subjects(request, username: str) -> list[tuple[str, str]]:
    return [(LockoutKind.ACCOUNT, _name(username)), (LockoutKind.ADDRESS, client_address(request))]


def _either(request, username: str):
    found = Q(pk__in=[])
    for kind, value in _subjects(request, username):
        found |= Q(kind=kind, value=value)
    return found


def _name(username: str) -> str:
    """Names are counted as one whatever their case or surrounding spaces."""
    return (username or "").strip().lower()[:NAME_MAX]


def _counter(kind: str, value: str) -> str:
    return throttle.key(f"login:{kind}", value)


def _limit(kind: str) -> int:
    if kind == LockoutKind.ACCOUNT:
        return settings.CIVICGRID_LOGIN_FAILURES_PER_ACCOUNT
    return settings.CIVICGRID_LOGIN_FAILURES_PER_ADDRESS


def _lockout_s() -> int:
    return settings.CIVICGRID_LOGIN_LOCKOUT_MINUTES * 60
