"""Many new rows of one model at once: ``bulk_create``, or on PostgreSQL a ``COPY`` of the same values.

A batch (bulk intake, the demo, imports) writes thousands of append-only rows (timeline events, notices,
outbox messages). Django's ``bulk_create`` sends them as one ``INSERT … SELECT * FROM UNNEST(…)`` whose arrays
psycopg quotes on the client, value by value, and the server parses again. ``insert`` prepares each value
exactly as ``bulk_create`` does (the fields' own ``pre_save`` and ``get_db_prep_save``, related records'
keys taken over), takes the keys from the table's sequence in one query, and streams the rows with ``COPY``:
the same rows, with their keys set on the objects in order, as ``bulk_create`` leaves them. On SQLite, and
for records that already carry a key, it is ``bulk_create`` itself.

``COPY`` goes to the driver's cursor, so Django's query wrappers and ``connection.queries`` do not see it.
"""

from django.db import connections, router
from psycopg import sql

BATCH = 1000


def insert(model, records: list, batch_size: int = BATCH) -> list:
    """Insert ``records`` (new instances of ``model``) and return them with their keys set, as ``bulk_create``."""
    records = list(records)
    using = router.db_for_write(model)
    connection = connections[using]
    if connection.vendor != "postgresql" or not _copyable(model, records):
        return model.objects.bulk_create(records, batch_size=batch_size)
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    rows = [_row(record, fields, connection) for record in records]
    with connection.cursor() as cursor, connection.wrap_database_errors:  # Django's errors, as for a query
        keys = _keys(cursor, model, len(records))
        _copy(cursor.cursor, model, fields, keys, rows)
    for record, key in zip(records, keys):
        record.pk = key
        record._state.adding, record._state.db = False, using
    return records


def _copyable(model, records: list) -> bool:
    """Records whose keys the table's sequence gives (an automatic key, none set yet)."""
    return bool(records) and model._meta.pk.get_internal_type() in AUTO_KEYS and all(r.pk is None for r in records)


AUTO_KEYS = {"AutoField", "BigAutoField", "SmallAutoField"}


def _row(record, fields, connection) -> list:
    record._prepare_related_fields_for_save(operation_name="bulk_create")
    return [field.get_db_prep_save(field.pre_save(record, True), connection) for field in fields]


def _keys(cursor, model, count: int) -> list[int]:
    """``count`` keys from the table's own sequence, in ascending order as an insert would take them."""
    meta = model._meta
    cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                   [meta.db_table, meta.pk.column, count])
    return sorted(key for (key,) in cursor.fetchall())


def _copy(cursor, model, fields, keys: list[int], rows: list) -> None:
    columns = sql.SQL(", ").join(sql.Identifier(f.column) for f in [model._meta.pk, *fields])
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(sql.Identifier(model._meta.db_table), columns)
    with cursor.copy(statement) as copy:
        for key, row in zip(keys, rows):
            copy.write_row([key, *row])
