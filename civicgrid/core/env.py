"""Typed readers for settings from environment variables.

Every setting civicgrid reads comes through one of these helpers, so a wrong
value stops the process at start-up with the variable's name in the message
instead of surfacing later as odd behaviour. Each variable is documented in
docs/configuration.md.
"""

import ipaddress
import os
import re
from datetime import timedelta

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_DURATION = re.compile(r"^([1-9][0-9]*)([smhd])$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Environment variable {name} is required.")
    return value


def env_database(name: str, default: str, conn_max_age: int) -> dict:
    """A database setting from a URL (``sqlite:///path``, ``postgres://user@host:port/name``)."""
    raw = os.environ.get(name, default)
    try:
        return dj_database_url.parse(raw, conn_max_age=conn_max_age)
    except ValueError:  # dj-database-url's own errors (an unknown scheme …) are ValueErrors
        raise ImproperlyConfigured(f"{name}={raw!r} is not a database URL such as sqlite:///path/to/file.sqlite3 "
                                   f"or postgres://user@host:5432/name.") from None


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    lowered = raw.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use 1/0, true/false, yes/no, on/off).")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_choice(name: str, choices: list[str], default: str) -> str:
    value = os.environ.get(name, default).strip()
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={value!r} is not one of {', '.join(choices)}.")
    return value


def env_durations(name: str, default: str) -> tuple[timedelta, ...]:
    """A comma list of positive durations such as ``1m,5m,1h,1d`` (units s, m, h, d); the default in the
    same notation, so that documentation, default and variable read alike."""
    raw = os.environ.get(name, default)
    found = [_DURATION.match(item.strip()) for item in raw.split(",")]
    if not all(found):
        raise ImproperlyConfigured(f"{name}={raw!r} is not a comma list of durations such as 1m,5m,1h,1d.")
    return tuple(timedelta(seconds=int(match[1]) * _UNIT_SECONDS[match[2]]) for match in found)


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def env_networks(name: str, default: str = "") -> tuple[Network, ...]:
    """A comma list of addresses or networks (``10.0.0.0/8, 192.0.2.7, fd00::/8``); a single address is a
    network of one."""
    raw = os.environ.get(name, default)
    try:
        return networks(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a comma list of IP addresses or networks "
                                   "such as 10.0.0.0/8,192.0.2.7.") from None


def networks(raw: str) -> tuple[Network, ...]:
    """``raw`` read as ``env_networks`` reads it; ``ValueError`` for anything else."""
    return tuple(ipaddress.ip_network(item.strip(), strict=False) for item in raw.split(",") if item.strip())
