"""案件统计汇总: the figures of the cases, kept by the one writer as steps happen.

The figures are counts of cases by the day they were filed, their area and what they are (category, kind,
channel, state, facet, lead department), with the sums the rates need. ``Tally`` holds them in a few cubes
(``CUBES``), each keeping some of those dimensions at a grain: the day cube keeps everything down to the
grid; the coarser ones answer a city's month in a few thousand rows.

Consistency rule (docs/architecture.md): inside every transaction that writes cases, the writer adds to each cube
the difference between what each case counted for when it was read (``Case.from_db`` remembers it) and what
it counts for as written (``count``). So every cube always equals a GROUP BY over the case table (``recount``)
— the property test checks that after random steps — and ``rebuild`` makes it so again from the case table.
"""

import functools
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import connection, transaction
from django.db.models import CharField, Count, F, IntegerField, Q, Sum, Value
from django.db.models.functions import Coalesce, Substr, TruncDate, TruncMonth
from django.utils import timezone

from civicgrid.core import calendar
from civicgrid.core.choices import TimeUnit
from civicgrid.core.inserts import prepared_cursor

from . import registry
from .choices import OPEN_STATUSES, AssignmentRole, AssignmentStatus, Satisfaction, Status
from .models import Assignment, Case, Tally
from .models.cases import TALLY_ORDER

DAY, MONTH = "day", "month"
DIMENSIONS = ("category", "kind", "channel", "status", "facet", "department")
COLUMNS = {"category": "category_id", "kind": "kind", "channel": "channel", "status": "status", "facet": "facet",
           "department": "department_id"}
EMPTY = {"category": 0, "kind": "", "channel": "", "status": "", "facet": "", "department": 0}
MEASURES = ("cases", "open", "overdue", "late", "reworked", "returned", "satisfied", "supervised", "timed",
            "minutes")
KEY = ("cube", "period", "area_code", *(COLUMNS[d] for d in DIMENSIONS))
COLUMNS_WRITTEN = (*KEY, *MEASURES)
RESOLVED = frozenset({Status.CLOSED, Status.RATED, Status.NO_CALLBACK, Status.SELF_RESOLVED})
SATISFIED = frozenset({Satisfaction.SATISFIED, Satisfaction.BASICALLY})


@dataclass(frozen=True)
class Cube:
    """汇总口径: the dimensions a cube keeps, its grain (day or month) and how much of the area code (0: all)."""

    code: str
    grain: str
    area_length: int
    keeps: frozenset

    def period(self, day: date) -> date:
        return day if self.grain == DAY else day.replace(day=1)

    def area(self, code: str) -> str:
        return code[:self.area_length] if self.area_length else code


CUBES = (
    Cube("day", DAY, 0, frozenset(DIMENSIONS)),
    Cube("month", MONTH, 9, frozenset({"kind", "channel", "status", "facet", "department"})),
    Cube("month_category", MONTH, 6, frozenset({"category", "kind", "status"})),
    Cube("day_county", DAY, 6, frozenset({"kind"})),
    Cube("month_grid", MONTH, 0, frozenset({"kind"})),
    # A city's month by state, kind, channel or facet, and its counties ranked: a few thousand rows whatever
    # the number of cases (the month cube's townships and departments make it grow with them).
    Cube("month_county", MONTH, 6, frozenset({"kind", "channel", "status", "facet"})),
)


def cube(code: str) -> Cube:
    return next(c for c in CUBES if c.code == code)


# --- What one case counts for ----------------------------------------------------------------------------


def _facts(values: tuple) -> dict:
    return dict(zip(TALLY_ORDER, values))


def measures(facts: dict) -> tuple:
    """The case's measures, in ``MEASURES`` order."""
    open_ = facts["status"] in OPEN_STATUSES
    minutes = facts["working_minutes"]
    return (1, int(open_), int(open_ and facts["overdue"]), int(facts["late"]), int(facts["rework_count"] > 0),
            int(facts["returns"] > 0), int(facts["satisfaction"] in SATISFIED), int(facts["supervised"]),
            int(minutes is not None), minutes or 0)


def keys(facts: dict) -> list[tuple]:
    """The row of each cube the case counts on."""
    day = timezone.localdate(facts["reported_at"])
    values = {"category": facts["category_id"], "kind": facts["kind"], "channel": facts["channel"],
              "status": facts["status"], "facet": facts["facet"], "department": facts["lead_department_id"] or 0}
    return [(c.code, c.period(day), c.area(facts["area_code"]),
             *(values[d] if d in c.keeps else EMPTY[d] for d in DIMENSIONS)) for c in CUBES]


class Delta(dict):
    """Changes to the cubes, by row key: each a list of measures to add."""

    def add(self, values: tuple, sign: int) -> None:
        facts = _facts(values)
        amounts = [sign * m for m in measures(facts)]
        for key in keys(facts):
            row = self.setdefault(key, [0] * len(MEASURES))
            for i, amount in enumerate(amounts):
                row[i] += amount


def count(cases: Iterable[Case]) -> None:
    """Count what the written ``cases`` changed in the figures, in the caller's transaction."""
    delta = Delta()
    for case in cases:
        before, after = getattr(case, "tallied", None), case.tally_facts()
        if before == after:
            continue
        if before is not None:
            delta.add(before, -1)
        delta.add(after, 1)
        case.tallied = after
    flush(delta)


CHUNK = 500


def flush(delta: Delta) -> None:
    """Add ``delta`` to the rows, creating those missing, rows in key order so that two writers adding to the
    same rows take their locks in the same order. On PostgreSQL the rows go as one JSON array of rows, read
    back in order and cast to the columns' types: a batch adds thousands of rows, and their values as
    separate parameters cost the client more to quote (and the server to parse) than the rows cost to write,
    and as arrays (``unnest``) four times what ``json.dumps`` costs. Elsewhere one upsert per chunk of rows."""
    rows = sorted((key, amounts) for key, amounts in delta.items() if any(amounts))
    if not rows:
        return
    if connection.vendor == "postgresql":
        rows_json = json.dumps([[key[0], key[1].isoformat(), *key[2:], *amounts] for key, amounts in rows])
        with prepared_cursor(connection) as cursor:
            cursor.execute(_upsert_json(connection.vendor), [rows_json])
        return
    with connection.cursor() as cursor:
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start:start + CHUNK]
            cursor.execute(_upsert(len(chunk)), [v for key, amounts in chunk for v in _values(key, amounts)])


def _values(key: tuple, amounts: list) -> list:
    return [key[0], connection.ops.adapt_datefield_value(key[1]), *key[2:], *amounts]


def _upsert(rows: int) -> str:
    placeholders = ", ".join(["(" + ", ".join(["%s"] * len(COLUMNS_WRITTEN)) + ")"] * rows)
    return _upserting(f"VALUES {placeholders}")


@functools.cache
def _upsert_json(vendor: str) -> str:
    """The rows of one JSON array of rows (each in ``COLUMNS_WRITTEN`` order), cast to the columns' types, in
    the array's order (the key order the locks are taken in). Built once for the database (``vendor``): every
    filing sends it."""
    values = ", ".join(f"(row ->> {i})::{_json_cast(Tally._meta.get_field(c))}" for i, c in enumerate(COLUMNS_WRITTEN))
    return _upserting(f"SELECT {values} FROM jsonb_array_elements(%s::jsonb) WITH ORDINALITY AS rows(row, n) "
                      f"ORDER BY n")


def _json_cast(field) -> str:
    """Text to a column's type; text stays text, so a value too long for its column is refused as in a VALUES
    list (a cast to ``varchar(n)`` would cut it short)."""
    return "text" if isinstance(field, CharField) else field.cast_db_type(connection)


def _upserting(rows: str) -> str:
    quote, table = connection.ops.quote_name, connection.ops.quote_name(Tally._meta.db_table)
    sums = ", ".join(f"{quote(m)} = {table}.{quote(m)} + excluded.{quote(m)}" for m in MEASURES)
    return (f"INSERT INTO {table} ({', '.join(quote(c) for c in COLUMNS_WRITTEN)}) {rows} "
            f"ON CONFLICT ({', '.join(quote(c) for c in KEY)}) DO UPDATE SET {sums}")


# --- The facts the writer keeps on the case ---------------------------------------------------------------


def derive(work) -> None:
    """After a step, in memory: the case's facet, its lead department and its working time, as the figures
    read them (``Case.facet``, ``lead_department``, ``working_minutes``)."""
    case = work.case
    _facet(work)
    for lead in (r for r in work.saves if isinstance(r, Assignment) and r.role == AssignmentRole.LEAD):
        _follow_lead(case, lead)
    if case.status in RESOLVED and work.from_status not in RESOLVED:
        case.working_minutes = working_minutes(case.reported_at, work.now)
    elif case.status not in RESOLVED:
        case.working_minutes = None


def _follow_lead(case: Case, lead: Assignment) -> None:
    """The lead department is the one leading now: none from its 回退 (or cancellation) until the next 派遣."""
    if lead.status not in (AssignmentStatus.RETURNED, AssignmentStatus.CANCELLED):
        case.lead_department_id = lead.department_id
    elif case.lead_department_id == lead.department_id:
        case.lead_department_id = None


def _facet(work) -> None:
    kind = registry.kind(work.case.kind)
    if kind is None or kind.facet is None:
        return
    record = next((r for r in work.saves if isinstance(r, kind.record)), None)
    if record is not None:
        work.case.facet = kind.facet.of(record)


def working_minutes(start: datetime, end: datetime) -> int:
    """Working minutes from filing to 办结 on the working calendar (holidays and weekends left out)."""
    return max(0, round(calendar.elapsed(start, end, TimeUnit.WORK_HOURS) * 60))


# --- Recounting from the case table -------------------------------------------------------------------------


def recount(c: Cube, cases=None):
    """The cube as a GROUP BY over the case table (``cases``, every case by default): dicts with the key's
    columns and the measures, as the rows of ``Tally`` would hold them."""
    tz = timezone.get_default_timezone()
    day = TruncDate("reported_at", tzinfo=tz)
    trunc = day if c.grain == DAY else TruncMonth(day)
    area = Substr("area_code", 1, c.area_length) if c.area_length else F("area_code")
    kept = {COLUMNS[d]: _dimension(d) if d in c.keeps else Value(EMPTY[d]) for d in DIMENSIONS}
    rows = (cases if cases is not None else Case.objects).order_by()
    return rows.annotate(t_cube=Value(c.code), t_period=trunc, t_area_code=area, **{f"t_{k}": v for k, v in kept.items()}) \
        .values("t_cube", "t_period", "t_area_code", *(f"t_{k}" for k in kept)).annotate(**AGGREGATES)


def _dimension(name: str):
    if name == "department":
        return Coalesce("lead_department_id", Value(0), output_field=IntegerField())
    return F({"category": "category_id"}.get(name, name))


def _count(condition: Q) -> Count:
    return Count("pk", filter=condition)


AGGREGATES = {
    "t_cases": Count("pk"),
    "t_open": _count(Q(status__in=OPEN_STATUSES)),
    "t_overdue": _count(Q(status__in=OPEN_STATUSES, overdue=True)),
    "t_late": _count(Q(late=True)),
    "t_reworked": _count(Q(rework_count__gt=0)),
    "t_returned": _count(Q(returns__gt=0)),
    "t_satisfied": _count(Q(satisfaction__in=SATISFIED)),
    "t_supervised": _count(Q(supervised=True)),
    "t_timed": _count(Q(working_minutes__isnull=False)),
    "t_minutes": Coalesce(Sum("working_minutes"), 0),
}


def rebuild(progress: Callable[[int, int], None] | None = None, months: int | None = None) -> int:
    """Every cube recounted from the case table, a month of filing at a time, in one transaction that keeps
    writers out of the figures meanwhile (on PostgreSQL they wait; SQLite has one writer anyway). Returns the
    number of rows written; ``progress(done, total)`` hears after each month."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {connection.ops.quote_name(Tally._meta.db_table)} IN EXCLUSIVE MODE")
        Tally.objects.all().delete()
        spans = _months()
        written = 0
        for done, (start, end) in enumerate(spans, start=1):
            cases = Case.objects.filter(reported_at__gte=start, reported_at__lt=end)
            for c in CUBES:
                written += _insert(recount(c, cases))
            if progress:
                progress(done, len(spans))
        return written


def _months() -> list[tuple[datetime, datetime]]:
    """The local months from the first case filed to the last, as instants."""
    first = Case.objects.order_by("reported_at").values_list("reported_at", flat=True).first()
    last = Case.objects.order_by("-reported_at").values_list("reported_at", flat=True).first()
    if first is None:
        return []
    month, spans = timezone.localdate(first).replace(day=1), []
    while month <= timezone.localdate(last):
        following = (month + timedelta(days=32)).replace(day=1)
        spans.append((_midnight(month), _midnight(following)))
        month = following
    return spans


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def _insert(rows) -> int:
    """``INSERT … SELECT`` of the recount: the rows never pass through Python."""
    sql, params = rows.query.sql_with_params()
    quote = connection.ops.quote_name
    columns = ", ".join(quote(c) for c in [*KEY, *MEASURES])
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {quote(Tally._meta.db_table)} ({columns}) {sql}", params)
        return cursor.rowcount


def rows(c: Cube):
    """The cube's rows as written, without those all of whose measures went back to nought."""
    return Tally.objects.filter(cube=c.code).exclude(cases=0)


def purge_emptied() -> int:
    """Delete the rows of the open states that no case counts on any more (every case moves on from them), so
    that the index of those rows holds the cases open now, not every state each case once passed through.
    A writer adding to a row as it goes waits for the delete and then writes the row anew. The number deleted."""
    deleted, _by_model = Tally.objects.filter(status__in=sorted(OPEN_STATUSES), cases=0).delete()
    return deleted

