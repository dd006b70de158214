"""Reference data each process keeps for a few seconds (``CIVICGRID_REFERENCE_RECHECK_S``).

API keys, published Open311 services and categories' time limits are read by nearly every API request
and changed by administrators a few times a year. Each process keeps what it read for a few seconds: a
change (a key revoked, a service withdrawn, a limit edited) holds in every process within that time,
and a busy client costs one query per few seconds instead of one per request. Zero turns it off (the
tests do, so each sees the database as it left it).
"""

import threading
import time

from django.conf import settings


class Recent:
    """A small map from keys to values read at most ``CIVICGRID_REFERENCE_RECHECK_S`` seconds ago.

    Only found values are kept (``None`` is read again each time), so unknown keys sent by guessers fill
    nothing; the map is emptied when it reaches ``max_entries``.
    """

    def __init__(self, max_entries: int = 10_000):
        self._values: dict = {}
        self._lock = threading.Lock()
        self.max_entries = max_entries

    def get(self, key, read):
        ttl = settings.CIVICGRID_REFERENCE_RECHECK_S
        if ttl <= 0:
            return read()
        now = time.monotonic()
        found = self._values.get(key)
        if found is not None and now - found[0] < ttl:
            return found[1]
        value = read()
        if value is not None:
            with self._lock:
                if len(self._values) >= self.max_entries:
                    self._values.clear()
                self._values[key] = (now, value)
        return value

    def forget(self, key) -> None:
        with self._lock:
            self._values.pop(key, None)
