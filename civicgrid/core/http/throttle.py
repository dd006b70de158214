"""Counters in the shared cache (``CIVICGRID_CACHE_URL``) for the limits of the pages people use: failed
sign-ins, reports filed, failed case lookups. Each counter lives for a window from its first count.

Keys are hashed: what is counted (a user name, a case number, an address) is typed by whoever is being
counted, and must never become a malformed cache key.
"""

import hashlib

from django.core.cache import cache


def key(kind: str, value: str) -> str:
    return f"civicgrid:throttle:{kind}:{hashlib.sha256(value.encode()).hexdigest()[:32]}"


def count(name: str) -> int:
    return cache.get(name) or 0


def hit(name: str, window_s: int) -> int:
    """Count one more; the new count. ``incr`` is atomic in every supported cache, so concurrent requests
    never count as one."""
    cache.add(name, 0, window_s)
    try:
        return cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, window_s)
        return 1


def forget(*names: str) -> None:
    cache.delete_many(names)
