"""Limits of the residents' pages, counted in the shared cache (``core.http.throttle``) per browser session and
per client address (``core.http.client``), so that a script cannot file or guess at the rate a machine can.

Reports (我要反映). A session may file ``CIVICGRID_REPORT_FREE_PER_SESSION`` reports a day, and an address
``CIVICGRID_REPORT_FREE_PER_ADDRESS`` (more: many phones share a carrier's address), with no wait at all;
past that, each further report waits after the one before it, a minute at first and twice as long each
time, up to an hour. A resident filing two or three matters never notices; a script that filed 60 in
3 seconds files a few, then a handful an hour. No captcha, no JavaScript needed.

Lookups (查询进度). Wrong number-and-phone pairs are counted per session, per address and per case number;
past a limit, lookups stop for ``LOOKUP_LOCKOUT_S``, the right pair too. The case number's own count stops
someone guessing one case's phone number from many addresses.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from civicgrid.core.http import throttle
from civicgrid.core.http.client import client_address

REPORT_WINDOW_S = 24 * 3600
FIRST_PAUSE_S, LONGEST_PAUSE_S = 60, 3600
# Wrong pairs before lookups stop: per session, per address (generous: shared carrier addresses) and per number.
SESSION_FAILURES, ADDRESS_FAILURES, NUMBER_FAILURES = 10, 100, 10
LOOKUP_LOCKOUT_S = 15 * 60  # the tracking page says "15 分钟"


class TooSoon(Exception):
    """This session or address has filed several reports just now: the next may be filed in ``minutes``."""

    def __init__(self, wait_s: float):
        self.minutes = max(1, math.ceil(wait_s / 60))
        super().__init__(_("为防止有人用程序批量提交，同一设备或同一网络连续反映多件问题时，每件之间需要稍等片刻。"
                           "请 %(minutes)d 分钟后再提交；您填写的内容已保留（照片需重新选择）。"
                           "紧急情况请拨打 110、119、120 或 12345。") % {"minutes": self.minutes})


# ---- reports --------------------------------------------------------------------------------------------


def reserve_report(request) -> list[str]:
    """Count a report about to be filed; ``TooSoon``, with nothing counted, if it must wait.

    Counted before filing, so that reports sent at the same moment each see the others. Give the counters
    back with ``release`` if the report is not filed, or mark them ``filed`` when it is."""
    taken = []
    for counter, free in _report_counters(request):
        taken.append(counter)
        wait = _wait(counter, throttle.hit(counter, REPORT_WINDOW_S), free)
        if wait > 0:
            release(taken)
            raise TooSoon(wait)
    return taken


def filed(request, counters: list[str]) -> None:
    """The report went in: the next one's wait is counted from now. A browser's first report starts its
    session (none is made for a report refused), and counts against it too."""
    if request.session.session_key is None:
        request.session.save()
    session = _session_counter(request)
    if session not in counters:
        throttle.hit(session, REPORT_WINDOW_S)
        counters = [*counters, session]
    cache.set_many({_last(counter): time.time() for counter in counters}, REPORT_WINDOW_S)


def release(counters: list[str]) -> None:
    for counter in counters:
        try:
            cache.decr(counter)
        except ValueError:  # already expired
            pass


def pause_after(extra: int) -> int:
    """Seconds the ``extra``-th report beyond the free ones waits after the one before it."""
    return min(LONGEST_PAUSE_S, FIRST_PAUSE_S * 2 ** (extra - 1))


def _wait(counter: str, count: int, free: int) -> float:
    if count <= free:
        return 0
    # No time yet: the report before this one is being filed at this moment, so the whole pause lies ahead.
    last = cache.get(_last(counter)) or time.time()
    return pause_after(count - free) - (time.time() - last)


def _report_counters(request) -> list[tuple[str, int]]:
    counters = [(throttle.key("report:address", client_address(request)), settings.CIVICGRID_REPORT_FREE_PER_ADDRESS)]
    if request.session.session_key:
        counters.append((_session_counter(request), settings.CIVICGRID_REPORT_FREE_PER_SESSION))
    return counters


def _session_counter(request) -> str:
    return throttle.key("report:session", request.session.session_key)


def _last(counter: str) -> str:
    return f"{counter}:last"


# ---- lookups ----------------------------------------------------------------------------------------------


def lookups_stopped(request, number: str = "") -> bool:
    """Whether this session, address or (when given) case number has had too many wrong pairs just now."""
    return any(throttle.count(counter) >= limit for counter, limit in _lookup_counters(request, number))


def lookup_failed(request, number: str) -> None:
    """Count a wrong pair; a session is made only to count it."""
    if request.session.session_key is None:
        request.session.save()
    for counter, _limit in _lookup_counters(request, number):
        throttle.hit(counter, LOOKUP_LOCKOUT_S)


def _lookup_counters(request, number: str) -> list[tuple[str, int]]:
    counters = [(throttle.key("track:address", client_address(request)), ADDRESS_FAILURES)]
    if request.session.session_key:
        counters.append((throttle.key("track:session", request.session.session_key), SESSION_FAILURES))
    if number:
        counters.append((throttle.key("track:number", number), NUMBER_FAILURES))
    return counters
