"""Benchmark the dashboards and the command-centre screen with 5,000,000 cases over three years of 榆林市.

Run from the repository root (PostgreSQL is what it is meant for; SQLite works for a small trial):

    DATABASE_URL=postgres://postgres@127.0.0.1:54330/civicgrid .venv/bin/python bench/dashboards.py
    .venv/bin/python bench/dashboards.py --cases 200000 --check

It runs on a fresh database loaded with 榆林市 (bench/benchdb.py), writes N cases straight into the case table
in the writer's format (bench/generate.py) and builds the figures the product's way (``cases.tally.rebuild``);
with ``--check`` (the default up to 200,000 cases) it then checks the cases' states and that the figures built
equal what the writer's own arithmetic makes of the same cases.

Then it times, warm (the median of ``--runs`` runs), what each page asks for (bench/panels.py): the city's
dashboard and the busiest township's for the last full month (with 环比, 同比, the breakdowns, the trends by
day, week and month, hot spots), the drill-down map of the busiest county, and one refresh of the city's
command-centre screen. Each is timed twice in the same run: reading the tally (``dashboards.figures.sums``, as
the product does) and computing the same figures by a plain GROUP BY over the case table; both must give the
same figures. The last line printed is one JSON object; ``speedup_vs_group_by`` is the four pages' GROUP BY
time over their tally time, summed.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from datetime import timedelta  # noqa: E402

from bench import benchdb  # noqa: E402

CHECK_UP_TO = 200_000


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=5_000_000, help="cases in the database (default 5,000,000)")
    parser.add_argument("--runs", type=int, default=20, help="timed runs of each page on the tally (default 20)")
    parser.add_argument("--scan-runs", type=int, default=3, help="timed runs of each page by GROUP BY (default 3)")
    parser.add_argument("--check", action=argparse.BooleanOptionalAction, default=None,
                        help=f"check the cases and figures built (default: up to {CHECK_UP_TO:,} cases)")
    parser.add_argument("--explain", action="store_true", help="print the plan of each page's slowest query")
    benchdb.keep_options(parser)
    args = parser.parse_args()
    if args.cases < 1000 or args.runs < 3 or args.scan_runs < 1:
        parser.error("--cases must be at least 1,000, --runs at least 3 and --scan-runs at least 1")
    if args.check is None:
        args.check = args.cases <= CHECK_UP_TO
    return args


# --- Filling the database --------------------------------------------------------------------------------


def build(count: int, engine: str, check: bool) -> dict:
    from django.utils import timezone

    from bench import generate
    from civicgrid.cases import tally

    now = timezone.now()
    fill_s = generate.fill(count, engine, progress=_progress("cases written"))
    print(f"database: {engine}; {count:,} cases written in {fill_s:.0f} s", file=sys.stderr)
    started = time.perf_counter()
    rows = tally.rebuild(progress=_progress("months of figures rebuilt"))
    rebuild_s = time.perf_counter() - started
    _analyze()
    print(f"figures rebuilt (tally.rebuild): {rows:,} rows in {rebuild_s:.0f} s", file=sys.stderr)
    if check:
        problems = generate.check(now)
        for problem in problems:
            print(f"CHECK FAILED: {problem}", file=sys.stderr)
        if problems:
            raise SystemExit(1)
        print("check: the cases' states are ones the loop leaves, and the figures equal the writer's", file=sys.stderr)
    return {"cases": count, "fill_s": round(fill_s), "rebuild_s": round(rebuild_s), "tally_rows": rows}


def _existing() -> dict:
    from civicgrid.cases.models import Case, Tally

    return {"cases": Case.objects.count(), "tally_rows": Tally.objects.count()}


def _progress(what: str):
    last = [0.0]

    def report(done: int, total: int) -> None:
        if time.perf_counter() - last[0] > 30 or done == total:
            last[0] = time.perf_counter()
            print(f"  {done:,} of {total:,} {what}", file=sys.stderr)

    return report


def _analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


# --- Timing the pages --------------------------------------------------------------------------------------


class Queries(list):
    """The queries a page makes: (seconds, sql, params) each."""

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.append((time.perf_counter() - started, sql, params))


def busiest(prefix: str, length: int, period) -> str:
    from civicgrid.dashboards.figures import AREA, Where, sums

    rows = sums(Where(prefix, child_length=length), period, by=[AREA])
    return max(rows, key=lambda row: (row["cases"] or 0, row[AREA]))[AREA]


def measure(label: str, page, args, explain: bool) -> tuple[float, float]:
    """The page on the tally and by GROUP BY: same figures, then the median time of each."""
    from django.db import connection

    from bench import panels

    queries = Queries()
    with connection.execute_wrapper(queries):
        fast = page(panels.figures.sums)
    slow = page(panels.scan_sums)
    if fast != slow:
        raise SystemExit(f"{label}: the tally and the GROUP BY disagree:\n  {fast}\n  {slow}")
    tally_ms = benchdb.p50(lambda: page(panels.figures.sums), args.runs, warm=3)
    scan_ms = benchdb.p50(lambda: page(panels.scan_sums), args.scan_runs, warm=1)
    print(f"  {label}: p50 {tally_ms:.1f} ms ({len(queries)} queries); the same figures by GROUP BY over the "
          f"cases {scan_ms:.0f} ms; speed-up {scan_ms / tally_ms:.1f}")
    if explain:
        _explain(queries)
    return tally_ms, scan_ms


def _explain(queries: Queries) -> None:
    """Each query's time (cold: the page's first run) with its parameters, and the plan of the slowest."""
    from django.db import connection

    for seconds, _sql, params in sorted(queries, key=lambda q: -q[0]):
        print(f"    {seconds * 1000:6.1f} ms {params}")
    _seconds, sql, params = max(queries, key=lambda q: q[0])
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        plan = "\n    ".join(row[0] for row in cursor.fetchall())
    print(f"    the slowest: {sql}\n    {plan}")


def run(args, engine: str) -> None:
    from django.utils import timezone

    from bench import panels
    from civicgrid.dashboards.figures import Period, Where

    built = _existing() if args.reuse else build(args.cases, engine, args.check)
    args.cases = built["cases"]
    today = timezone.localdate()
    last_month_end = today.replace(day=1) - timedelta(days=1)
    month = Period(last_month_end.replace(day=1), last_month_end)
    everything = Period(today - timedelta(days=365 * 3), today)
    county = busiest(benchdb.CITY, 6, everything)
    township = busiest(county, 9, everything)
    print(f"pages for {month.start:%Y-%m} (busiest county {county}, busiest township {township}); "
          f"{args.runs} runs on the tally, {args.scan_runs} by GROUP BY:")
    pages = {
        "city": ("city dashboard 6108", lambda s: panels.dashboard(Where(benchdb.CITY, child_length=6), month, s)),
        "township": (f"township dashboard {township}",
                     lambda s: panels.dashboard(Where(township, child_length=12), month, s)),
        "map": (f"map of county {county} by township", lambda s: panels.area_map(Where(county, child_length=9),
                                                                                  month, s)),
        "screen": ("screen refresh 6108", lambda s: panels.screen(Where(benchdb.CITY, child_length=6), s)),
    }
    times = {key: measure(label, page, args, args.explain) for key, (label, page) in pages.items()}
    speedup = sum(scan for _fast, scan in times.values()) / sum(fast for fast, _scan in times.values())
    print(json.dumps({"bench": "dashboards", "db": engine, "cases": args.cases,
                      **{f"{key}_ms": round(fast, 1) for key, (fast, _scan) in times.items()},
                      **{f"{key}_group_by_ms": round(scan) for key, (_fast, scan) in times.items()},
                      **{k: v for k, v in built.items() if k != "cases"}, "speedup_vs_group_by": round(speedup, 1)}))


def main():
    args = parse_args()
    benchdb.run_on_city(args, run)


if __name__ == "__main__":
    main()
