"""Many households and visits at once: the demo, imports and ``bench/gridwork.py``.

``add_households`` and ``add_visits`` check each row by the same rules as the pages (the unit, the fields, a
visit not in the future) without a query per row, write with ``core.inserts`` (``COPY`` on PostgreSQL), and
bring the households' last visit up to date with one statement (``refresh_last_visits``). Who may is the
caller's business: these serve loaders run by an administrator, not a page.
"""

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.db.models import Max, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases.workflow import InvalidInput
from civicgrid.core import inserts

from .models import FOUND_MAX, Household, Visit
from .services import UNIT_LEVELS, HouseholdDraft, new_household

BATCH = 2000


def add_households(drafts: Iterable[HouseholdDraft], synthetic: bool = False,
                   batch_size: int = BATCH) -> list[Household]:
    """Write the drafts as households, all or none, and return them with their keys; a draft on a non-unit or
    without door or name is refused."""
    rows = [new_household(draft, synthetic) for draft in drafts]
    bad = next((n for n, row in enumerate(rows, 1) if not _sound(row)), None)
    if bad is not None:
        raise InvalidInput(_("第 %(n)d 户不在楼栋、楼层等责任单元下，或缺少门牌号、户主姓名，都没有写入。") % {
            "n": bad})
    with transaction.atomic():
        return inserts.insert(Household, rows, batch_size=batch_size)


def _sound(row: Household) -> bool:
    return row.unit.level in UNIT_LEVELS and bool(row.door) and bool(row.head_name) and 1 <= row.residents <= 99


def visit(household: Household, visitor_id: int, visited_at: datetime, found: str = "") -> Visit:
    """An unsaved visit to ``household`` by the staff member ``visitor_id``, for ``add_visits``."""
    return Visit(household=household, unit_id=household.unit_id, unit_code=household.unit_code, visitor_id=visitor_id,
                 visited_at=visited_at, found=found)


def add_visits(visits: list[Visit], now: datetime | None = None, batch_size: int = BATCH) -> int:
    """Write the visits, all or none (none in the future), then the last visit of the households they name."""
    now = now or timezone.now()
    late = next((n for n, row in enumerate(visits, 1) if row.visited_at > now or len(row.found) > FOUND_MAX), None)
    if late is not None:
        raise InvalidInput(_("第 %(n)d 条走访的时间晚于现在或情况过长，都没有写入。") % {"n": late})
    with transaction.atomic():
        inserts.insert(Visit, visits, batch_size=batch_size)
        refresh_last_visits({row.household_id for row in visits if row.household_id})
    return len(visits)


def refresh_last_visits(household_ids=None, chunk: int = 5000) -> None:
    """Each household's last visit read again from its visits, in one statement per ``chunk`` households (all
    households when ``household_ids`` is None)."""
    latest = Visit.objects.filter(household=OuterRef("pk")).order_by().values("household").annotate(
        at=Max("visited_at")).values("at")
    if household_ids is None:
        Household.objects.update(last_visited_at=Subquery(latest))
        return
    ids = sorted(household_ids)
    for start in range(0, len(ids), chunk):
        Household.objects.filter(pk__in=ids[start:start + chunk]).update(last_visited_at=Subquery(latest))
