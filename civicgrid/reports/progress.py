"""Progress of long background work (a report's generation, a rebuild of the figures), written where the
page that polls it can read it at once.

Outside a transaction that is the job's own row. The rebuild of the figures runs in one transaction that
keeps writers out (``cases.tally.rebuild``), so what it writes to the row would show only at its end: on
PostgreSQL progress goes through a connection of its own, committed at once; on SQLite, whose one writer is
the rebuild itself, it goes to the cache, which the page reads too (shared by the web and worker processes
when ``CIVICGRID_CACHE_URL`` names Redis; the embedded setup runs the task in the web process anyway).
"""

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connection, connections

KEPT_S = 24 * 3600


def _key(job) -> str:
    return f"civicgrid:progress:{job._meta.label_lower}:{job.pk}"


def record(job, **fields) -> None:
    """Set ``fields`` (done, total) on ``job`` and on its row, for work that commits as it goes."""
    for name, value in fields.items():
        setattr(job, name, value)
    type(job).objects.filter(pk=job.pk).update(**fields)


def record_beside(job, **fields) -> None:
    """Set ``fields`` on ``job`` where the polling page reads them, for work inside a transaction of its own
    that keeps its writes to itself until it ends."""
    for name, value in fields.items():
        setattr(job, name, value)
    if connection.vendor == "postgresql":
        _beside(job, fields)
    else:
        cache.set(_key(job), fields, KEPT_S)


def _beside(job, fields: dict) -> None:
    side = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        quote = side.ops.quote_name
        assignments = ", ".join(f"{quote(name)} = %s" for name in fields)
        with side.cursor() as cursor:
            cursor.execute(f"UPDATE {quote(job._meta.db_table)} SET {assignments} WHERE id = %s",
                           [*fields.values(), job.pk])
    finally:
        side.close()


def read(job):
    """``job`` with the progress the cache holds for it, when that is newer than its row's."""
    found = cache.get(_key(job))
    if found and found.get("done", 0) >= job.done:
        for name, value in found.items():
            setattr(job, name, value)
    return job


def forget(job) -> None:
    cache.delete(_key(job))
