"""Benchmark the disputes' rhythm (月研判, 周化解) with 500,000 disputes and 200,000 hazards across 榆林市.

Run from the repository root:

    .venv/bin/python bench/reports.py [--disputes N] [--hazards N] [--runs R]
    DATABASE_URL=postgres://postgres@127.0.0.1:54329/civicgrid .venv/bin/python bench/reports.py

It runs on a fresh database loaded with 榆林市 (bench/benchdb.py) and fills it, with bulk SQL (COPY on
PostgreSQL), with dispute and hazard cases over every grid and the last three years (the queue bench's
``Fill``), each dispute's record (source, method, committee, acceptance, outcome, performance), a committee and
two mediators per township, the mediator of each accepted dispute and the agreement of each one settled by
agreement. This is a reading bench: nothing goes through the writer, which is set-up, not what is measured.

Then it times, warm, what the pages ask the database (``disputes.rhythm``): the monthly analysis of the city
and of the busiest county for the last full month, and the weekly view of the busiest township; each beside a
plain ``COUNT(*)`` over the same rows in the same run; and the hazard register of the city (``hazards.services``)
as its page reads it. The last line printed is one JSON object; its timings end in ``_ms``.
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
from bench.case_queue import CHUNK, Fill, timed  # noqa: E402

SEED = 20261121
DISPUTE_SOURCES = (["applied"] * 5) + (["screened"] * 4) + ["referred"]
METHODS = (["people"] * 8) + ["administrative", "judicial"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--disputes", type=int, default=500_000, help="dispute cases (default 500,000)")
    parser.add_argument("--hazards", type=int, default=200_000, help="hazard cases (default 200,000)")
    parser.add_argument("--runs", type=int, default=20, help="timed runs of each report (default 20)")
    args = parser.parse_args()
    if args.disputes < 1000 or args.runs < 3:
        parser.error("--disputes must be at least 1,000 and --runs at least 3")
    return args


# --- Filling the database ---------------------------------------------------------------------------


class Matters(Fill):
    """The queue bench's cases, each a dispute or a hazard in the proportions asked for."""

    def __init__(self, disputes: int, hazards: int, engine: str, rng: random.Random):
        super().__init__(disputes + hazards, engine, rng)
        self.share = disputes / (disputes + hazards)
        self.disputes = [c for c in self.categories if c[1] == "dispute"]
        self.hazards = [c for c in self.categories if c[1] == "hazard"] or self.disputes

    def row(self, grid, age_days: float) -> tuple:
        self.categories = self.disputes if self.rng.random() < self.share else self.hazards
        return super().row(grid, age_days)


def copy_rows(table: str, columns: list[str], rows, engine: str) -> None:
    from django.db import connection

    names = ", ".join(f'"{c}"' for c in columns)
    with connection.cursor() as cursor:
        if engine == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            adapt = connection.ops.adapt_datetimefield_value
            marks = ", ".join("?" * len(columns))
            cursor.cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})",
                                      [tuple(adapt(v) if hasattr(v, "tzinfo") else v for v in row) for row in rows])


def fill_cases(disputes: int, hazards: int, engine: str) -> None:
    from django.db import transaction

    filler = Matters(disputes, hazards, engine, random.Random(SEED))
    with transaction.atomic():
        for rows in filler.rows():
            copy_rows("cases_case", filler.columns, rows, engine)


def committees() -> dict[str, tuple[int, list[int]]]:
    """A people's mediation committee and two mediators for every township: township code → (committee, mediators)."""
    from civicgrid.disputes.models import Committee, Mediator
    from civicgrid.geo.choices import AreaLevel
    from civicgrid.geo.models import Area

    found = {}
    for township in Area.objects.filter(code__startswith=benchdb.CITY, level=AreaLevel.TOWNSHIP):
        committee = Committee.objects.create(name=f"{township.name}人民调解委员会", kind="township", area=township,
                                             abbreviation=township.code)
        mediators = Mediator.objects.bulk_create([Mediator(name=f"{township.name}调解员{n}", committee=committee,
                                                           kind="full_time") for n in (1, 2)])
        found[township.code] = (committee.pk, [m.pk for m in mediators])
    return found


class Records:
    """The record of each dispute case, drawn from its state and age, with its mediator and agreement."""

    def __init__(self, rng: random.Random, by_township: dict):
        from civicgrid.disputes.models import Agreement, Dispute

        self.rng, self.by_township = rng, by_township
        self.columns = [f.column for f in Dispute._meta.concrete_fields]
        self.agreement_columns = [f.column for f in Agreement._meta.concrete_fields]
        self.serials: dict[tuple, int] = {}
        self.mediators, self.agreements = [], []

    def row(self, case_id: int, status: str, area_code: str, reported, due) -> tuple:
        rng = self.rng
        committee, mediators = self.by_township[area_code[:9]]
        accepted = status != "reported" and rng.random() < 0.9
        finished = status in ("rated", "closed", "self_resolved", "voided", "merged")
        resolved = accepted and finished and rng.random() < 0.93
        settled = reported + timedelta(days=rng.uniform(1, 20))
        agreement = resolved and rng.random() < 0.7
        if accepted:
            self.mediators.append((case_id, rng.choice(mediators)))
        if agreement:
            self.agreements.append(self._agreement(case_id, committee, settled))
        values = {"case_id": case_id, "scale": "general", "people_involved": rng.randint(2, 6),
                  "organisations_involved": "", "occurred_on": reported.date(), "source": rng.choice(DISPUTE_SOURCES),
                  "referrer": "", "method": rng.choice(METHODS), "committee_id": committee if accepted else None,
                  "accepted_at": reported + timedelta(hours=6) if accepted else None,
                  "outcome": "agreement" if agreement else "oral" if resolved else "failed" if finished else "pending",
                  "resolved": resolved if finished and accepted else None, "resolved_at": settled if resolved else None,
                  "resolved_in_time": (settled - reported).days < 15 if resolved else None, "account": "",
                  "route": "", "performance": rng.choice(["full"] * 9 + ["partial"]) if agreement else "",
                  "performed_at": None, "confirmation": "", "confirmation_court": "", "confirmation_at": None,
                  "followed_up_at": None}
        return tuple(values[column] for column in self.columns)

    def _agreement(self, case_id: int, committee: int, settled) -> tuple:
        key = (committee, settled.year)
        self.serials[key] = self.serials.get(key, 0) + 1
        values = {"dispute_id": case_id, "committee_id": committee, "year": settled.year, "serial": self.serials[key],
                  "oral": False, "facts": "纠纷事实", "terms": "协议内容", "performance_terms": "",
                  "signed_on": settled.date(), "document": ""}
        return tuple(values[column] for column in self.agreement_columns)


def fill_records(engine: str) -> int:
    from django.db import connection, transaction

    records = Records(random.Random(SEED + 1), committees())
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT id, status, area_code, reported_at, due_at FROM cases_case WHERE kind = 'dispute'")
        cases = cursor.fetchall()
        for start in range(0, len(cases), CHUNK):
            copy_rows("disputes_dispute", records.columns, [records.row(*c) for c in cases[start:start + CHUNK]],
                      engine)
        copy_rows("disputes_dispute_mediators", ["dispute_id", "mediator_id"], records.mediators, engine)
        copy_rows("disputes_agreement", records.agreement_columns, records.agreements, engine)
        cursor.execute("ANALYZE")
    return len(cases)


# --- Timing the reports ------------------------------------------------------------------------------


def busiest(length: int) -> str:
    """The area code prefix of ``length`` digits with the most dispute cases."""
    from django.db.models import Count
    from django.db.models.functions import Substr

    from civicgrid.disputes import rhythm

    rows = (rhythm.disputes(benchdb.CITY).order_by().values(prefix=Substr("area_code", 1, length))
            .annotate(n=Count("pk")).order_by("-n"))
    return rows[0]["prefix"]


def bare_count(sql: str, params: list) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


MONTH_COUNT = ("SELECT COUNT(*) FROM cases_case WHERE kind = 'dispute' AND area_code LIKE %s "
               "AND reported_at >= %s AND reported_at < %s")
WEEK_COUNT = ("SELECT COUNT(*) FROM cases_case c LEFT JOIN disputes_dispute d ON d.case_id = c.id "
              "WHERE c.kind = 'dispute' AND c.area_code LIKE %s AND c.status IN ('reported', 'registered', "
              "'dispatched', 'handled', 'verified') AND c.reported_at < %s AND d.resolved IS NOT TRUE")


def report(label: str, work, bare, runs: int) -> tuple[float, float]:
    p50 = float(np.percentile(timed(work, runs), 50))
    bare_p50 = float(np.percentile(timed(bare, runs), 50))
    print(f"  {label}: p50 {p50:.1f} ms; plain COUNT(*) over the same rows {bare_p50:.1f} ms; "
          f"ratio {p50 / bare_p50:.1f}")
    return p50, p50 / bare_p50


def monthly_timing(code: str, period, runs: int, label: str) -> tuple[float, float]:
    from civicgrid.disputes import rhythm
    from civicgrid.geo.models import Area

    area = Area.objects.get(code=code)
    start, end = period.bounds()
    found = rhythm.monthly(area, period)
    print(f"  {label} {area.name} {period.label}: {found.figures.total:,} disputes, 调处成功率 "
          f"{found.figures.rates['success']}, {len(found.by_type)} types")
    return report(f"月研判 {area.name}", lambda: rhythm.monthly(area, period),
                  lambda: bare_count(MONTH_COUNT, [code + "%", start, end]), runs)


def weekly_timing(code: str, runs: int) -> tuple[float, float]:
    from django.utils import timezone

    from civicgrid.disputes import rhythm
    from civicgrid.geo.models import Area

    area, now = Area.objects.get(code=code), timezone.now()
    found = rhythm.weekly(area, now)
    print(f"  周化解 {area.name}: {found.total:,} disputes open over a week, {found.overdue:,} late, "
          f"{len(found.by_mediator)} mediators")
    return report(f"周化解 {area.name}", lambda: rhythm.weekly(area, now),
                  lambda: bare_count(WEEK_COUNT, [code + "%", now - rhythm.WEEK]), runs)


HAZARD_COUNT = ("SELECT COUNT(*) FROM hazards_hazard h JOIN cases_case c ON c.id = h.case_id "
                "WHERE c.area_code LIKE %s AND c.status IN ('reported', 'registered', 'dispatched', 'handled', "
                "'verified') AND h.field_id IS NOT NULL")
GRADES = ["red", "orange", "orange", "yellow", "yellow", "yellow", "blue", "blue", "blue", "blue"]


def fill_hazards(engine: str) -> int:
    """The record of each hazard case: a field, a grade, and a rectification due 10–60 days after it was found,
    verified for the finished ones."""
    from django.db import connection, transaction

    from civicgrid.hazards.models import Hazard, HazardField

    rng, fields = random.Random(SEED + 2), list(HazardField.objects.values_list("pk", flat=True))
    columns = [f.column for f in Hazard._meta.concrete_fields]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT id, status, reported_at FROM cases_case WHERE kind = 'hazard'")
        cases = cursor.fetchall()
        for start in range(0, len(cases), CHUNK):
            rows = [_hazard(rng, fields, columns, *case) for case in cases[start:start + CHUNK]]
            copy_rows("hazards_hazard", columns, rows, engine)
        cursor.execute("ANALYZE")
    return len(cases)


def _hazard(rng, fields, columns, case_id: int, status: str, reported) -> tuple:
    due = reported + timedelta(days=rng.randint(10, 60))
    finished = status not in ("reported", "registered", "dispatched", "handled", "verified")
    values = {"case_id": case_id, "field_id": rng.choice(fields), "place": "隐患部位", "responsible_unit": "责任单位",
              "responsible_person": "", "responsible_phone": "", "grade": rng.choice(GRADES),
              "grade_reason": "现场评估", "graded_at": reported, "measures": "整改措施",
              "verified_at": due - timedelta(days=2) if finished else None, "verified_by_id": None,
              "closed_at": due if finished else None, "started_at": reported, "warn_at": due - timedelta(days=2),
              "due_at": due, "limit_unit": "natural_days", "overdue": False}
    return tuple(values[column] for column in columns)


def register_timing(runs: int) -> tuple[float, float]:
    """风险隐患清单 of the city as its page asks for it: the counts by field and grade, the first page of rows
    (overdue rectifications first) and the map's points."""
    from civicgrid.hazards import services as hazards
    from civicgrid.hazards.views import PER_PAGE
    from civicgrid.orgs.models import Staff

    viewer = Staff.objects.filter(is_superuser=True).first() or Staff.objects.create_superuser("bench-reader")

    def page():
        found = hazards.register(viewer, benchdb.CITY)
        return found, list(found.rows[:PER_PAGE]), hazards.points(found)

    found = page()[0]
    print(f"  风险隐患清单 {found.area.name}: {found.total:,} live hazards, {found.overdue:,} overdue rectifications")
    return report(f"风险隐患清单 {found.area.name}", page, lambda: bare_count(HAZARD_COUNT, [benchdb.CITY + "%"]), runs)


def run(args, engine: str) -> None:
    from django.utils import timezone

    from civicgrid.disputes import rhythm

    started = time.perf_counter()
    fill_cases(args.disputes, args.hazards, engine)
    records = fill_records(engine)
    fill_hazards(engine)
    print(f"database: {engine}; {args.disputes:,} disputes ({records:,} records) and {args.hazards:,} hazards "
          f"written in {time.perf_counter() - started:.0f} s (set-up, not timed below)")
    period = rhythm.previous_month(rhythm.month_of(timezone.localdate()))
    figures = {}
    figures["monthly_city_ms"], figures["monthly_city_ratio"] = monthly_timing(benchdb.CITY, period, args.runs,
                                                                               "city")
    county = busiest(6)
    figures["monthly_county_ms"], figures["monthly_county_ratio"] = monthly_timing(county, period, args.runs,
                                                                                   "county")
    figures["weekly_township_ms"], figures["weekly_township_ratio"] = weekly_timing(busiest(9), args.runs)
    figures["register_city_ms"], figures["register_city_ratio"] = register_timing(args.runs)
    print(json.dumps({"bench": "reports", "db": engine, "disputes": args.disputes, "hazards": args.hazards,
                      **{key: round(value, 1) for key, value in figures.items()}}))


def main():
    args = parse_args()
    engine = benchdb.open_database()
    try:
        benchdb.load_city()
        run(args, engine)
    finally:
        benchdb.close_database(engine)


if __name__ == "__main__":
    main()
