"""Benchmark intake: 100,000 cases filed through the service layer (locate, route, deadline, dispatch).

Run from the repository root:

    .venv/bin/python bench/intake.py [--cases N]
    DATABASE_URL=postgres://postgres@127.0.0.1:54329/civicgrid .venv/bin/python bench/intake.py

It runs on a fresh database (see bench/benchdb.py: a temporary SQLite file, or a <name>_bench
database beside the PostgreSQL database DATABASE_URL names) loaded with 榆林市 like the demo. The reports
are files as a city's 12345 centre would take them in: random points in random grids, categories
with routing rules, residents' names and phones. They are filed, registered and dispatched by the
city centre's dispatcher with ``cases.bulk.file_many`` in batches of BATCH, each case located in a
grid, given its number, routed by the rules, given its deadlines, and dispatched with its assignments,
events, notices and SMS. For comparison the same run times a bare ``bulk_create`` of the same Case
rows, and the per-case path (``file_case`` + ``transition`` register and dispatch) on a small sample.
Filing also counts the CPU seconds this process and its PostgreSQL backend spent per 1,000 cases: other
work on a shared machine slows the rate, much less the CPU each case costs. The last line printed is one
JSON object.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402

from bench import benchdb  # noqa: E402

SEED = 20261121
BATCH = 2000
PER_CASE_SAMPLE = 200
TARGET = 1000  # cases/s on PostgreSQL (issue 9)
BRANCHES = ["城管事件", "矛盾纠纷", "城乡建设", "劳动和社会保障", "教育文体", "卫生计生", "交通运输", "环境保护",
            "商贸旅游", "民政"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="cases to file (default 100,000)")
    args = parser.parse_args()
    if args.cases < BATCH // 10:
        parser.error(f"--cases must be at least {BATCH // 10}")
    return args


def make_reports(count: int, rng: random.Random) -> list:
    """``count`` residents' reports at random points inside the city's grids, in routed categories."""
    import numpy as np

    from civicgrid.cases.intake import Report
    from civicgrid.cases.models import Category
    from civicgrid.demo import texts
    from civicgrid.geo.locator import get_index

    index = get_index()
    lons, lats = _points_in_grids(index, count, np.random.default_rng(rng.randrange(2**32)))
    tops = [top.code for top in Category.objects.filter(parent=None, name__in=BRANCHES)]
    leaves = [c for c in Category.objects.filter(children__isnull=True, is_active=True)
              if any(c.code.startswith(top) for top in tops)]
    channels = ["hotline", "web", "grid_worker", "walk_in", "open311"]
    return [Report(category=category, title=f"{category.name}问题反映", description=f"居民反映{category.name}问题，请尽快处理。",
                   channel=rng.choice(channels), longitude=float(lon), latitude=float(lat), address="榆林市",
                   reporter_name=texts.person(rng), reporter_phone=texts.phone(rng))
            for category, lon, lat in zip(rng.choices(leaves, k=count), lons, lats)]


def _points_in_grids(index, count: int, generator):
    """Uniform random points over the city's bounding box, kept where they fall in a grid."""
    import numpy as np
    import shapely

    xmin, ymin, xmax, ymax = shapely.total_bounds(index.geometries)
    lons, lats = [], []
    while sum(map(len, lons)) < count:
        x, y = generator.uniform(xmin, xmax, count), generator.uniform(ymin, ymax, count)
        inside = index.locate_many(x, y) != None  # noqa: E711 - elementwise on an object array
        lons.append(x[inside].round(6))
        lats.append(y[inside].round(6))
    return np.concatenate(lons)[:count], np.concatenate(lats)[:count]


def file_all(reports: list, user, engine: str) -> "Filing":
    """File every report with ``file_many``, timing it and counting the CPU this process and the database spent."""
    from django.db import connection

    from civicgrid.cases.bulk import file_many

    backend = benchdb.backend_pid(engine)
    filing = Filing(cpu_database=-benchdb.cpu_seconds(backend) if backend else 0.0)
    started, cpu = time.perf_counter(), time.process_time()
    for start in range(0, len(reports), BATCH):
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            filed = file_many(reports[start:start + BATCH], user)
        assert not filed.errors and not filed.not_dispatched, (filed.errors, filed.not_dispatched)
        filing.cases += filed.cases
        filing.queries = max(filing.queries, counter.count)
    filing.seconds, filing.cpu_client = time.perf_counter() - started, time.process_time() - cpu
    filing.cpu_database += benchdb.cpu_seconds(backend) if backend else 0.0
    return filing


@dataclass
class Filing:
    """What filing took: wall-clock seconds, this process's and the database backend's CPU seconds, the cases
    and the most queries of one batch (a ``COPY`` is not a query Django's wrappers see)."""

    seconds: float = 0.0
    cpu_client: float = 0.0
    cpu_database: float = 0.0
    cases: list = field(default_factory=list)
    queries: int = 0


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def bare_insert(cases: list) -> float:
    """Seconds taken to bulk_create the same Case rows (new numbers) in batches of BATCH; then removed again."""
    from django.db import transaction

    from civicgrid.cases.models import Case

    fields = [f.attname for f in Case._meta.concrete_fields if not f.primary_key]
    rows = [Case(**{name: getattr(case, name) for name in fields}) for case in cases]
    for row in rows:
        row.number = "B" + row.number
    started = time.perf_counter()
    for start in range(0, len(rows), BATCH):
        with transaction.atomic():
            Case.objects.bulk_create(rows[start:start + BATCH])
    elapsed = time.perf_counter() - started
    Case.objects.filter(number__startswith="B").delete()
    return elapsed


def per_case_rate(reports: list, user) -> float:
    """Cases per second of file_case + transition(register) + transition(dispatch), on a small sample."""
    from civicgrid.cases.intake import file_case
    from civicgrid.cases.routing import RuleBook
    from civicgrid.cases.services import transition

    rules, started = RuleBook(), time.perf_counter()
    for report in reports:
        case = file_case(report, user)
        route = rules.propose(case.category, case.area_code)
        transition(case, "register", user)
        transition(case, "dispatch", user, lead=route.lead.pk, co=[d.pk for d in route.co])
    return len(reports) / (time.perf_counter() - started)


def main():
    args = parse_args()
    engine = benchdb.open_database()
    try:
        cast = benchdb.load_city()
        run(args.cases, engine, cast.dispatchers[benchdb.CITY])
    finally:
        benchdb.close_database(engine)


def run(count: int, engine: str, user) -> None:
    from civicgrid.cases.models import Assignment, CaseEvent
    from civicgrid.notifications.models import Notice

    rng = random.Random(SEED)
    reports = make_reports(count + PER_CASE_SAMPLE, rng)
    print(f"database: {engine}; reports: {count:,} at random points in 榆林市's grids, filed in batches of {BATCH:,}")
    load = os.getloadavg()[0]  # the other work on the machine when filing starts: it slows the rate
    filing = file_all(reports[:count], user, engine)
    rate = count / filing.seconds
    print(f"bulk intake (file_many): {rate:,.0f} cases/s ({filing.seconds:.1f} s; target {TARGET:,}; load average "
          f"{load:.1f} at the start), {filing.queries} queries per batch; wrote {CaseEvent.objects.count():,} events, "
          f"{Assignment.objects.count():,} assignments, {Notice.objects.count():,} notices")
    per_thousand = [1000 * spent / count for spent in (filing.cpu_client, filing.cpu_database)]
    print(f"CPU per 1,000 cases: {per_thousand[0]:.2f} s here + {per_thousand[1]:.2f} s in the database "
          f"(other work on the machine slows the rate, not this)")
    bare_rate = count / bare_insert(filing.cases)
    print(f"bare bulk_create of the same Case rows: {bare_rate:,.0f} rows/s; ratio {rate / bare_rate:.3f}")
    single = per_case_rate(reports[count:], user)
    print(f"per-case path (file_case + register + dispatch), {PER_CASE_SAMPLE} cases: {single:,.0f} cases/s")
    print(json.dumps({"bench": "intake", "db": engine, "cases_per_s": round(rate), "load": round(load, 1),
                      "ratio_vs_bare_insert": round(rate / bare_rate, 3),
                      "cpu_s_per_1000": [round(spent, 2) for spent in per_thousand]}))


if __name__ == "__main__":
    main()
