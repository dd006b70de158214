"""Due times of each stage of a case and of each assignment, on the working-time calendar.

A stage's limit comes from the category (inherited from its ancestors), shortened for urgent cases,
or else from the default its kind registered (``registry.Kind.limits``) so that every open stage has a clock. The light turns yellow at 80 % of the
allowed time (``WARN_AT``); ``Deadline.warn_at`` stores that instant so lists can filter in SQL.
"""

from datetime import datetime

from civicgrid.core import calendar
from civicgrid.core.choices import TimeUnit
from civicgrid.core.recent import Recent

from . import registry
from .choices import Priority, Stage

WARN_AT = 0.8
H = TimeUnit.WORK_HOURS
# 12345 practice: an urgent matter is settled within half a working day (the same day when it comes in
# the morning), a critical one within two working hours.
PRIORITY_LIMITS = {
    Priority.URGENT: {Stage.REGISTER: (1, H), Stage.DISPATCH: (1, H), Stage.ACCEPT: (1, H), Stage.HANDLE: (4, H),
                      Stage.VERIFY: (2, H), Stage.CLOSE: (2, H)},
    Priority.CRITICAL: {Stage.REGISTER: (0.5, H), Stage.DISPATCH: (0.5, H), Stage.ACCEPT: (0.5, H),
                        Stage.HANDLE: (2, H), Stage.VERIFY: (1, H), Stage.CLOSE: (1, H)},
}


# Every category's own limits as read lately (core.recent), in one query for the whole table: every intake asks,
# administrators rarely change them, and the table has a row per category and stage at most.
RECENT_LIMITS = Recent()
BOOK = "limits"


def priority_limit(priority: str, stage: str) -> tuple | None:
    """The short limit of an urgent or critical case's stage; None for other stages (a kind's own ones)."""
    return PRIORITY_LIMITS.get(priority, {}).get(stage)


class LimitCache:
    """Stage limits per category, looked up once per category: bulk intake files many cases of few kinds."""

    def __init__(self):
        self._limits: dict[tuple[int, str], tuple] = {}

    def get(self, category, stage: str, priority: str = Priority.NORMAL) -> tuple:
        if urgent := priority_limit(priority, stage):
            return urgent
        key = (category.pk, stage)
        if key not in self._limits:
            self._limits[key] = _read(category, stage)
        return self._limits[key]


def _read(category, stage: str) -> tuple:
    """The category's limit for the stage, or its nearest ancestor's (``Category.time_limit``), or its kind's."""
    book = RECENT_LIMITS.get(BOOK, _book)
    nearest = next((book[code, stage] for code in reversed(category.lineage_codes()) if (code, stage) in book), None)
    return nearest or registry.limit(category.kind, stage)


def _book() -> dict[tuple[str, str], tuple]:
    from .models import TimeLimit

    return {(code, stage): (amount, unit) for code, stage, amount, unit
            in TimeLimit.objects.values_list("category__code", "stage", "amount", "unit")}


def limit_for(category, stage: str, priority: str = Priority.NORMAL) -> tuple:
    return LimitCache().get(category, stage, priority)


def start(clock, start_at: datetime, limit: tuple, work=None) -> None:
    """Set ``clock`` (a Case or Assignment) running from ``start_at`` for ``limit`` = (amount, unit)."""
    work = work or calendar.current()
    amount, unit = limit
    clock.started_at, clock.limit_unit = start_at, unit
    clock.due_at = work.add(start_at, amount, unit)
    clock.warn_at = work.fraction_point(start_at, clock.due_at, WARN_AT, unit)
    clock.overdue = False


def stop(clock) -> None:
    clock.started_at = clock.warn_at = clock.due_at = None
    clock.limit_unit, clock.overdue = "", False


def extend(clock, amount: int, unit: str, work=None) -> None:
    """延时: the due time moves on by the granted amount; the yellow point follows."""
    work = work or calendar.current()
    clock.due_at = work.add(clock.due_at, amount, unit)
    clock.warn_at = work.fraction_point(clock.started_at, clock.due_at, WARN_AT, clock.limit_unit)
    clock.overdue = False


def resume(clock, paused_from: datetime, paused_to: datetime, work=None) -> None:
    """解除挂账: the time the case spent suspended is given back to every instant still ahead."""
    work = work or calendar.current()
    unit = clock.limit_unit or TimeUnit.WORK_HOURS
    for field in ("warn_at", "due_at", "accept_due_at"):
        instant = getattr(clock, field, None)
        if instant is not None:
            setattr(clock, field, work.shift(instant, paused_from, paused_to, unit))
    clock.overdue = clock.due_at is not None and clock.due_at < paused_to
