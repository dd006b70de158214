"""Benchmark the centre queue (中心案件队列) with 1,000,000 cases in the database.

Run from the repository root:

    .venv/bin/python bench/case_queue.py [--cases N] [--runs R]
    DATABASE_URL=postgres://postgres@127.0.0.1:54329/civicgrid .venv/bin/python bench/case_queue.py

It runs on a fresh database loaded with 榆林市 (see bench/benchdb.py), fills it with N cases spread
over every grid of the city and the last three years (COPY on PostgreSQL, executemany on SQLite: the
fill is set-up, not what is measured), with the states a real centre's history has: mostly finished,
recent ones open, some late. Then it times the queue's queries as the page builds them
(``views.staff._queue_base`` and ``filters.filter_cases``: the user's scope, their centre, the status
filter, the traffic light in SQL, newest first, the first 25 rows with their category and area, and
the counts per status and per light) for the dispatcher of the busiest township centre, and compares
them with a bare ``SELECT ... LIMIT 25`` of that centre's newest cases. The last line printed is one
JSON object.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
from datetime import timedelta  # noqa: E402

import numpy as np  # noqa: E402

from bench import benchdb  # noqa: E402

SEED = 20261121
YEARS = 3
PAGE = 25
CHUNK = 20_000
FINISHED_WEIGHTS = [("rated", 62), ("closed", 16), ("self_resolved", 12), ("voided", 6), ("merged", 4)]
OPEN_WEIGHTS = [("reported", 8), ("registered", 10), ("dispatched", 55), ("handled", 15), ("verified", 12)]
CHANNELS = ["hotline", "web", "grid_worker", "walk_in", "open311", "transfer"]
CHANNEL_WEIGHTS = [40, 25, 25, 6, 2, 2]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000, help="cases in the database (default 1,000,000)")
    parser.add_argument("--runs", type=int, default=100, help="timed runs of each query (default 100)")
    args = parser.parse_args()
    if args.cases < 1000 or args.runs < 5:
        parser.error("--cases must be at least 1,000 and --runs at least 5")
    return args


# --- Filling the database ---------------------------------------------------------------------------


class Fill:
    """Rows of cases_case drawn from a realistic distribution, written in chunks."""

    def __init__(self, count: int, engine: str, rng: random.Random):
        from django.utils import timezone

        from civicgrid.cases.models import Case, Category
        from civicgrid.geo.choices import AreaLevel
        from civicgrid.geo.models import Area

        self.count, self.engine, self.rng = count, engine, rng
        self.now = timezone.now()
        self.columns = [f.column for f in Case._meta.concrete_fields if not f.primary_key]
        grids = list(Area.objects.filter(code__startswith=benchdb.CITY, level=AreaLevel.GRID)
                     .values_list("pk", "code", "parent__name"))
        townships = dict(Area.objects.filter(code__startswith=benchdb.CITY, level=AreaLevel.TOWNSHIP)
                         .values_list("code", "pk"))
        weights = np.array([(3.0 if "社区" in name else 1.0) for _pk, _code, name in grids])
        weights *= np.random.default_rng(SEED).lognormal(0, 1, len(grids))
        self.grids, self.townships = grids, townships
        self.grid_weights = weights / weights.sum()
        self.categories = list(Category.objects.filter(children__isnull=True).values_list("pk", "kind", "name"))
        self.numbers: dict[tuple, int] = {}

    def rows(self):
        generator = np.random.default_rng(SEED)
        for start in range(0, self.count, CHUNK):
            size = min(CHUNK, self.count - start)
            picks = generator.choice(len(self.grids), size=size, p=self.grid_weights)
            ages = generator.power(1.3, size) * YEARS * 365  # more cases lately, as a city grows into the system
            yield [self.row(self.grids[g], float(YEARS * 365 - age)) for g, age in zip(picks, ages)]

    def row(self, grid, age_days: float) -> tuple:
        rng = self.rng
        grid_pk, code, _name = grid
        reported = self.now - timedelta(days=age_days, seconds=rng.randrange(86400))
        status = self._status(age_days)
        category, kind, name = rng.choice(self.categories)
        started, warn, due = self._clock(status, reported, kind)
        values = {
            "number": self._number(code, reported), "category_id": category, "kind": kind,
            "channel": rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0], "priority": "urgent" if rng.random() < 0.04 else
            "normal", "status": status, "title": f"{name}问题反映", "description": f"居民反映{name}问题。", "extra": "{}",
            "longitude": None, "latitude": None, "address": "", "area_id": grid_pk, "area_code": code,
            "centre_area_id": self.townships[code[:9]], "reporter_name": "", "reporter_phone": "",
            "reporter_id_number": "", "anonymous": False, "parent_id": None, "duplicate_of_id": None,
            "reported_by_id": None, "unit_id": None, "reported_at": reported, "updated_at": reported, "closed_at": None
            if status not in ("rated", "closed", "self_resolved", "voided", "merged") else reported + timedelta(days=3),
            "suspended_at": reported if status == "dispatched" and rng.random() < 0.02 else None,
            "supervised": False, "rework_count": 0, "satisfaction": "satisfied" if status == "rated" else "",
            "version": 1, "started_at": started, "warn_at": warn, "due_at": due,
            "limit_unit": "work_days" if due else "", "overdue": bool(due and due < self.now),
            # What the figures count: bench/dashboards.py times those; the queue does not read them.
            "facet": "", "lead_department_id": None, "late": bool(due and due < self.now), "returns": 0,
            "working_minutes": None,
        }
        return tuple(values[column] for column in self.columns)

    def _status(self, age_days: float) -> str:
        """Open cases are mostly recent; some old ones are stuck (and red)."""
        rng = self.rng
        still_open = rng.random() < 0.85 * np.exp(-age_days / 6) + 0.02
        return rng.choices(*zip(*(OPEN_WEIGHTS if still_open else FINISHED_WEIGHTS)))[0]

    def _clock(self, status: str, reported, kind: str) -> tuple:
        if status not in {s for s, _w in OPEN_WEIGHTS}:
            return None, None, None
        days = {"request": 3, "complaint": 13, "dispute": 15, "urban_event": 1}.get(kind, 3)
        started = reported + timedelta(hours=self.rng.uniform(0.5, 6))
        due = started + timedelta(days=days * 1.4)
        return started, started + (due - started) * 0.8, due

    def _number(self, code: str, reported) -> str:
        key = (code[:6], reported.date())
        self.numbers[key] = self.numbers.get(key, 0) + 1
        return f"{code[:6]}-{reported:%Y%m%d}-{self.numbers[key]:05d}"


def fill(count: int, engine: str) -> float:
    """Write ``count`` cases; returns the seconds it took."""
    from django.db import connection, transaction

    started, filler = time.perf_counter(), Fill(count, engine, random.Random(SEED))
    columns = ", ".join(f'"{c}"' for c in filler.columns)
    with transaction.atomic(), connection.cursor() as cursor:
        for rows in filler.rows():
            if engine == "postgresql":
                with cursor.cursor.copy(f"COPY cases_case ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join("?" * len(filler.columns))
                cursor.cursor.executemany(f"INSERT INTO cases_case ({columns}) VALUES ({marks})",
                                          [_sqlite(row, connection) for row in rows])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - started


def _sqlite(row: tuple, connection) -> tuple:
    """Values as Django stores them in SQLite: datetimes as UTC text, booleans as integers."""
    adapt = connection.ops.adapt_datetimefield_value
    return tuple(adapt(v) if hasattr(v, "tzinfo") else v for v in row)


# --- Timing the queue --------------------------------------------------------------------------------


class Counter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def queue_page(user, data: dict) -> int:
    """What the queue page asks the database: the page's 25 rows and the counts per status and light."""
    from civicgrid.cases.filters import filter_cases
    from civicgrid.cases.views.staff import _queue_base

    found = filter_cases(_queue_base(user, _centres(user), data.get("centre")), data)
    rows = found.rows.select_related("category", "area").defer("description", "extra")
    page = list(rows[:PAGE])
    assert len(page) == min(PAGE, found.total)
    return found.total


def _centres(user) -> list:
    from civicgrid.orgs.choices import CENTRE_ROLES

    return [grant.area for grant in user.scope.holding(CENTRE_ROLES) if grant.area_id]


def bare(centre_id: int) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT id, number, title, status, reported_at FROM cases_case WHERE centre_area_id = %s "
                       "ORDER BY reported_at DESC LIMIT %s", [centre_id, PAGE])
        return len(cursor.fetchall())


def timed(work, runs: int) -> np.ndarray:
    for _ in range(3):
        work()
    times = np.empty(runs)
    for i in range(runs):
        started = time.perf_counter()
        work()
        times[i] = time.perf_counter() - started
    return times * 1000


def busiest_centre():
    from django.db.models import Count

    from civicgrid.cases.models import Case
    from civicgrid.geo.models import Area

    pk = Case.objects.values("centre_area").annotate(n=Count("pk")).order_by("-n").values_list("centre_area",
                                                                                              flat=True)[0]
    return Area.objects.get(pk=pk)


def dispatcher_of(centre):
    """A fresh user object per page view, as each request has: its scope is looked up again."""
    from civicgrid.orgs.models import RoleAssignment, Staff

    staff_id = RoleAssignment.objects.filter(area=centre, role="dispatcher").values_list("staff_id", flat=True)[0]
    return lambda: Staff.objects.get(pk=staff_id)


def measure(label: str, make_user, data: dict, runs: int) -> tuple[float, float, int, int]:
    from django.db import connection

    counter, user = Counter(), make_user()
    with connection.execute_wrapper(counter):
        total = queue_page(user, data)
    times = timed(lambda: queue_page(make_user(), data), runs)
    p50, p99 = np.percentile(times, [50, 99])
    print(f"{label}: {total:,} cases match; p50 {p50:.1f} ms, p99 {p99:.1f} ms, {counter.count} queries")
    return float(p50), float(p99), counter.count, total


def explain(make_user, data: dict) -> None:
    """The plan of the page's row query, so a missing index shows."""
    from civicgrid.cases.filters import filter_cases
    from civicgrid.cases.views.staff import _queue_base

    user = make_user()
    rows = filter_cases(_queue_base(user, _centres(user), data.get("centre")), data).rows \
        .select_related("category", "area")
    print("plan of the rows query:\n  " + rows[:PAGE].explain().replace("\n", "\n  "))


def main():
    args = parse_args()
    engine = benchdb.open_database()
    try:
        benchdb.load_city()
        run(args.cases, args.runs, engine)
    finally:
        benchdb.close_database(engine)


def run(count: int, runs: int, engine: str) -> None:
    seconds = fill(count, engine)
    print(f"database: {engine}; {count:,} cases written in {seconds:.0f} s (set-up, not timed below)")
    centre = busiest_centre()
    make_user = dispatcher_of(centre)
    print(f"queue of {centre.name} ({centre.code}), the busiest township centre, as its dispatcher sees it:")
    p50, p99, _queries, _total = measure("  未办结 (status=open), newest first", make_user,
                                        {"centre": "mine", "status": "open", "per_page": PAGE}, runs)
    measure("  all states (the default page)", make_user, {"centre": "mine", "per_page": PAGE}, runs)
    measure("  red lights only", make_user, {"centre": "mine", "light": "red", "per_page": PAGE}, runs)
    bare_times = timed(lambda: bare(centre.pk), runs)
    bare_p50 = float(np.percentile(bare_times, 50))
    print(f"  bare SELECT ... LIMIT {PAGE}: p50 {bare_p50:.2f} ms; ratio {p50 / bare_p50:.1f}")
    explain(make_user, {"centre": "mine", "status": "open"})
    print(json.dumps({"bench": "queue", "db": engine, "cases": count, "p50_ms": round(p50, 1), "p99_ms": round(p99, 1),
                      "ratio_vs_bare": round(p50 / bare_p50, 1)}))


if __name__ == "__main__":
    main()
