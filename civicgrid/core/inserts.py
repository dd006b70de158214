"""New rows: many of one model at once (``insert``: ``bulk_create``, or on PostgreSQL a ``COPY`` of the same
values, on SQLite an ``INSERT`` of many rows), or one (``insert_one``: the ``INSERT`` that ``save`` sends).

A batch (bulk intake, the demo, imports) writes thousands of append-only rows (timeline events, notices,
outbox messages). Django's ``bulk_create`` sends them as one ``INSERT … SELECT * FROM UNNEST(…)`` whose arrays
psycopg quotes on the client, value by value, and the server parses again. ``insert`` prepares each value
exactly as ``bulk_create`` does (the fields' own ``pre_save`` and ``get_db_prep_save``, related records'
keys taken over), takes the keys from the table's sequence in one query, and streams the rows with ``COPY``:
the same rows, with their keys set on the objects in order, as ``bulk_create`` leaves them. On SQLite (a trial,
the demo) it sends the rows as ``bulk_create`` does, ``INSERT … VALUES (…), (…) RETURNING`` within SQLite's
limit of values, but with the values prepared below instead of by Django's query compiler, which spent more than
SQLite did. For records that already carry a key, and on other databases, it is ``bulk_create`` itself.

Preparing values that way costs a chain of method calls per value, most of which hand the value back as it
came; a batch prepares millions. So each model's columns are laid out once (``_layout``): for the common
fields, the exact types of value their preparation leaves as they are (text, numbers, flags, aware times on
PostgreSQL, related keys), which go straight to the statement, and SQLite's text of an aware time; any other
value (a lazy string, a naive time, a number given as text, an ``auto_now`` time) and any other field take the
field's own way.

A step of the one writer inserts a few rows one at a time (a new case, its event, an assignment). Django's
``save`` builds each ``INSERT`` through its query compiler, which cost the API's filing more than the database
did to run it; ``insert_one`` sends the same statement, laid out once per model, with the values prepared as
above.

``COPY`` goes to the driver's cursor, so Django's query wrappers and ``connection.queries`` do not see it.

The writer's statements of fixed shape (``insert_one``'s, the case number's, the figures' upsert) go through
``prepared_cursor``: on PostgreSQL its values are bound by the server, so a statement a connection has sent a
few times (``CIVICGRID_DB_PREPARED``) is kept prepared there and no longer parsed and planned on every
filing. Every other query keeps Django's cursor, whose values psycopg binds on the client: server-side binding
refuses a statement of more than 65,535 values (a deletion's or a batch's list of keys) and sees a value
written twice as two parameters.
"""

from datetime import datetime

import psycopg
from django.db import connections, models, router
from django.db.models.signals import post_save, pre_save
from psycopg import sql

BATCH = 1000


def insert(model, records: list, batch_size: int = BATCH) -> list:
    """Insert ``records`` (new instances of ``model``) and return them with their keys set, as ``bulk_create``."""
    records = list(records)
    using = router.db_for_write(model)
    connection = connections[using]
    write = WRITERS.get(connection.vendor)
    layout = write and _layout(model, connection.vendor)
    if not layout or not layout.fields or not _copyable(model, records):
        return model.objects.bulk_create(records, batch_size=batch_size)
    rows = [layout.row(record, connection) for record in records]
    with connection.cursor() as cursor, connection.wrap_database_errors:  # Django's errors, as for a query
        keys = write(cursor, layout, rows, batch_size)
    for record, key in zip(records, keys):
        record.pk = key
        record._state.adding, record._state.db = False, using
    return records


def insert_one(record):
    """Insert ``record`` (a new instance) as ``record.save()`` does, and return it with its key set. A model
    with its own ``save``, with receivers of ``pre_save`` or ``post_save``, or whose key is not the table's
    sequence's, is saved by ``save`` itself."""
    model = type(record)
    using = router.db_for_write(model)
    if not _quick(model, record):
        record.save(using=using)
        return record
    connection = connections[using]
    layout = _layout(model, connection.vendor)
    with prepared_cursor(connection) as cursor:
        cursor.execute(layout.statement(connection), layout.row(record, connection))
        record.pk = cursor.fetchone()[0]
    record._state.adding, record._state.db = False, using
    return record


def prepared_cursor(connection):
    """A cursor for a statement of fixed shape and few values, sent again and again: on PostgreSQL with
    ``prepare_threshold`` set (``CIVICGRID_DB_PREPARED``), one whose values the server binds, so the statement
    is prepared once a connection has sent it that many times; elsewhere Django's own. Wrapped as Django wraps
    its cursors: its errors, ``connection.queries`` and the execute wrappers see these statements too."""
    if connection.vendor != "postgresql" or connection.settings_dict["OPTIONS"].get("prepare_threshold") is None:
        return connection.cursor()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        return connection._prepare_cursor(psycopg.Cursor(connection.connection))


def _quick(model, record) -> bool:
    return (_copyable(model, [record]) and model.save is models.Model.save
            and not (pre_save.has_listeners(model) or post_save.has_listeners(model)))


def _copyable(model, records: list) -> bool:
    """Records whose keys the table's sequence gives (an automatic key, none set yet)."""
    return bool(records) and model._meta.pk.get_internal_type() in AUTO_KEYS and all(r.pk is None for r in records)


AUTO_KEYS = {"AutoField", "BigAutoField", "SmallAutoField"}


# --- Preparing the values ------------------------------------------------------------------------------


def _prepared(value, field, record, connection):
    """The value as ``bulk_create`` prepares it: the field's ``pre_save`` (an ``auto_now`` time is set here),
    then its ``get_db_prep_save``."""
    return field.get_db_prep_save(field.pre_save(record, True), connection)


def _aware(value, field, record, connection):
    """A ``DateTimeField`` passes an aware time as it is; a naive one is made aware (with Django's warning)."""
    return value if value.utcoffset() is not None else _prepared(value, field, record, connection)


def _text(value, field, record, connection):
    """A text field passes any ``str`` as it is, choices' members included; other values are turned into text."""
    return value if isinstance(value, str) else _prepared(value, field, record, connection)


def _naive_text(value, field, record, connection):
    """SQLite keeps a time as text: an aware time goes straight to the database's own adapter, which writes it as
    the naive time in the database's zone; a naive one takes the field's own way (and its warning)."""
    if value.utcoffset() is None:
        return _prepared(value, field, record, connection)
    return connection.ops.adapt_datetimefield_value(value)


def _sized(value, field, record, connection):
    """An ``IntegerField`` hands a whole number to the database adapter for its size (``Int4`` …)."""
    return connection.ops.adapt_integerfield_value(value, field.get_internal_type())


INTEGERS = (models.IntegerField, models.SmallIntegerField, models.BigIntegerField, models.PositiveIntegerField,
            models.PositiveSmallIntegerField, models.PositiveBigIntegerField)
AUTO_FIELDS = (models.AutoField, models.BigAutoField, models.SmallAutoField)
TEXTS = (models.CharField, models.TextField)


def _kept(field, vendor: str) -> tuple[dict, object]:
    """How ``field``'s values are prepared: by the exact type of value, ``None`` for "as it is" or a shorter
    function; and the function for any other type. Only field classes whose preparation on PostgreSQL and SQLite
    is known exactly are shortened (subclasses may prepare differently), and each of them keeps ``None`` as it is."""
    kind, postgresql = type(field), vendor == "postgresql"
    if vendor not in WRITERS:
        return {}, _prepared
    if kind in TEXTS:
        return {str: None, type(None): None}, _text
    if kind in INTEGERS:
        return {int: _sized if postgresql else None, type(None): None}, _prepared
    if kind is models.FloatField:
        return {float: None, type(None): None}, _prepared
    if kind is models.BooleanField:
        return {bool: None, type(None): None}, _prepared
    if kind is models.DateTimeField and not (field.auto_now or field.auto_now_add):
        return {datetime: _aware if postgresql else _naive_text, type(None): None}, _prepared
    if kind in (models.ForeignKey, models.OneToOneField) and type(field.target_field) in AUTO_FIELDS:
        return {int: None, type(None): None}, _prepared  # an automatic key's value goes as it is
    return {}, _prepared


class _Layout:
    """One model's columns for ``COPY`` (every concrete field but the key) and how each value is prepared for a
    database of ``vendor``."""

    def __init__(self, model, vendor: str):
        self.meta = model._meta
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        self.plan = [(field, field.attname, *_kept(field, vendor)) for field in self.fields]
        self.relations = _relations(model)
        self.insert = None

    def many(self, count: int, connection) -> str:
        """``INSERT`` of ``count`` rows of every field but the key, returning the keys they were given."""
        quote, meta = connection.ops.quote_name, self.meta
        row = f"({', '.join(['%s'] * len(self.fields))})"
        return (f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in self.fields)}) "
                f"VALUES {', '.join([row] * count)} RETURNING {quote(meta.pk.column)}")

    def statement(self, connection) -> str:
        """``INSERT`` of one row of every field but the key, returning the key the table's sequence gave."""
        if self.insert is None:
            quote, meta = connection.ops.quote_name, self.meta
            self.insert = (f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in self.fields)}) "
                           f"VALUES ({', '.join(['%s'] * len(self.fields))}) RETURNING {quote(meta.pk.column)}")
        return self.insert

    def row(self, record, connection) -> list:
        self.relate(record)
        values, row = record.__dict__, []
        for field, attname, kept, other in self.plan:
            value = values.get(attname, _UNSET)
            prepare = kept.get(type(value), other)
            row.append(value if prepare is None else prepare(value, field, record, connection))
        return row

    def relate(self, record) -> None:
        """Django's ``_prepare_related_fields_for_save``, shortened for the usual record: a related record
        saved before it was assigned leaves nothing to do, one saved after it gives its key (as Django has
        it assigned again); any other record (a related record without a key, a key changed since) goes
        through Django's own."""
        if self.relations is None:
            record._prepare_related_fields_for_save(operation_name="bulk_create")
            return
        cache, values = record._state.fields_cache, record.__dict__
        for name, attname, empty in self.relations:
            related = cache.get(name)
            if not related:
                continue
            key, pk = values.get(attname), related.pk
            if pk in empty or key not in empty and key != pk:
                record._prepare_related_fields_for_save(operation_name="bulk_create")  # refuses, or forgets it
                return
            if key in empty:
                setattr(record, name, related)


_UNSET = object()
_LAYOUTS: dict[tuple, _Layout] = {}


def _layout(model, vendor: str) -> _Layout:
    if (model, vendor) not in _LAYOUTS:
        _LAYOUTS[model, vendor] = _Layout(model, vendor)
    return _LAYOUTS[model, vendor]


def _relations(model) -> list | None:
    """(cache name, key attribute, empty values) of each foreign key to another record's primary key; None when
    the model has other relations (to another field, generic ones), which Django's own check handles."""
    meta = model._meta
    keys = [f for f in meta.concrete_fields if f.is_relation]
    if any(f.target_field is not f.related_model._meta.pk for f in keys) or any(
            f.is_relation for f in meta.private_fields):
        return None
    return [(f.cache_name, f.attname, f.empty_values) for f in keys]


# --- Writing ---------------------------------------------------------------------------------------------


def _copied(cursor, layout: _Layout, rows: list, batch_size: int) -> list[int]:
    """PostgreSQL: the keys from the table's sequence, then the rows with them by ``COPY``."""
    model = layout.meta.model
    keys = _keys(cursor, model, len(rows))
    _copy(cursor.cursor, model, layout.fields, keys, rows)
    return keys


def _inserted(cursor, layout: _Layout, rows: list, batch_size: int) -> list[int]:
    """SQLite: ``INSERT``s of as many rows as its limit of values allows. The rows take ascending keys in the
    order given; ``RETURNING`` need not list them in that order, so each batch's keys are sorted."""
    size = max(1, min(batch_size, cursor.db.ops.bulk_batch_size(layout.fields, rows)))
    keys = []
    for start in range(0, len(rows), size):
        batch = rows[start:start + size]
        cursor.execute(layout.many(len(batch), cursor.db), [value for row in batch for value in row])
        keys += sorted(key for (key,) in cursor.fetchall())
    return keys


WRITERS = {"postgresql": _copied, "sqlite": _inserted}


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
