"""Grids with their parent and grandparent, as intake places every report in one.

Filing a report reads the grid the point fell in and, two levels up, the township whose centre handles it: a
join over three rows of ``geo_area`` that cost more than anything else intake asks the database. Grids and
their parents change a few times a year (a division import, a redrawn grid), so each process keeps every
grid's row and its parents' rows, reads them all at once the first time, and reads them again when a cheap
stamp of the area table (how many rows, the latest ``updated_at``) says that something changed, checked at
most every ``CIVICGRID_REFERENCE_RECHECK_S`` seconds. Zero (the tests) reads each grid when asked, as before.

Each call gets new ``Area`` instances made from the kept rows, so no request can change what another sees.
"""

import threading
import time

from django.conf import settings
from django.db.models import Count, Max

from .choices import AreaLevel
from .models import Area

_lock = threading.Lock()
_cache: dict = {"table": None, "stamp": None, "checked": 0.0}


class GridTable:
    """The rows of every grid, its parent and its grandparent, by grid code."""

    def __init__(self, rows: dict[str, tuple], ancestors: dict[int, tuple]):
        self.rows, self.ancestors = rows, ancestors
        self.fields = [field.attname for field in Area._meta.concrete_fields]

    def area(self, code: str) -> Area | None:
        """The grid with ``parent`` and ``parent.parent`` set, as ``select_related("parent__parent")`` reads it."""
        row = self.rows.get(code)
        if row is None:
            return None
        grid = self._instance(row)
        parent = self._ancestor(grid.parent_id)
        if parent is not None:
            parent.parent = self._ancestor(parent.parent_id)
        grid.parent = parent
        return grid

    def _ancestor(self, pk: int | None) -> Area | None:
        row = self.ancestors.get(pk)
        return self._instance(row) if row is not None else None

    def _instance(self, row: tuple) -> Area:
        return Area.from_db(Area.objects.db, self.fields, row)


def grid_area(code: str) -> Area:
    """The grid ``code`` with its parent and grandparent; ``Area.DoesNotExist`` for a code that is no grid."""
    ttl = settings.CIVICGRID_REFERENCE_RECHECK_S
    found = _table(ttl).area(code) if ttl > 0 else None
    return found or Area.objects.select_related("parent__parent").get(code=code)


def forget() -> None:
    """Drop this process's table: the next filing reads it again (after an import in this process)."""
    with _lock:
        _cache["table"] = None


def _table(ttl: float) -> GridTable:
    now = time.monotonic()
    with _lock:
        if _cache["table"] is None or now - _cache["checked"] >= ttl:
            stamp = _stamp()
            if _cache["table"] is None or stamp != _cache["stamp"]:
                _cache["table"], _cache["stamp"] = _read(), stamp
            _cache["checked"] = now
        return _cache["table"]


def _stamp():
    # Every area's row: a rename anywhere in the tree moves ``updated_at``, a deletion the count.
    return Area.objects.order_by().aggregate(n=Count("id"), last=Max("updated_at"))


def _read() -> GridTable:
    fields = [field.attname for field in Area._meta.concrete_fields]
    grids = list(Area.objects.order_by().filter(level=AreaLevel.GRID).values_list(*fields))
    parent_at = fields.index("parent_id")
    parents = _rows_by_pk(fields, {row[parent_at] for row in grids})
    ancestors = {**parents, **_rows_by_pk(fields, {row[parent_at] for row in parents.values()} - set(parents))}
    return GridTable({row[fields.index("code")]: row for row in grids}, ancestors)


def _rows_by_pk(fields: list[str], pks: set) -> dict[int, tuple]:
    pks.discard(None)
    rows = Area.objects.order_by().filter(pk__in=pks).values_list(*fields) if pks else []
    at = fields.index("id")
    return {row[at]: row for row in rows}
