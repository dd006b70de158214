"""Benchmark the grid's daily work: 1,000,000 households, 3,000,000 visits and 2,000,000 patrol check-ins.

Run from the repository root (PostgreSQL is what it is meant for; SQLite works for a small trial):

    DATABASE_URL=postgres://postgres@127.0.0.1:54330/civicgrid .venv/bin/python bench/gridwork.py
    .venv/bin/python bench/gridwork.py --households 20000 --visits 60000 --check-ins 40000 --cases 20000

It runs on a fresh database loaded with 榆林市 (bench/benchdb.py), fills it (bench/gridfill.py: households and
visits through ``households.bulk``, a patrol zone over every fifth grid with past shifts and check-ins, 500
response posts) and writes ``--cases`` cases over the city's grids and three years as bench/dashboards.py does
(bench/generate.py), so that the task list has cases waiting too. Then it times, warm (the median of ``--runs``
runs), through Django's test client (the whole request: middleware, session, view, template):

1. 我的任务 (``GET /tasks/``) of the grid worker of the grid with the most households among the patrolled
   ones, who has a shift today, and the same list as JSON (``GET /api/v1/tasks``); the baseline is the
   framework's floor, an empty request (``GET /healthz``);
2. the visit-coverage page of the township with the most households (``GET /households/area/<code>/``) as its
   dispatcher; the baseline is the same coverage figures computed by a plain GROUP BY over the visits (the
   latest visit of each household), which must equal the page's;
3. the 1-3-5-minute circles of every grid and community from every post (``patrols.circles.refresh``); the
   baseline is a plain Python loop over areas × posts, whose quickest times must equal the stored ones;
4. the ingest of check-ins through the API (``POST /api/v1/patrols/checkins``), in batches of ``--batch`` from
   many patrol members signed in on their phones, each row checked against the member's shift and the point's
   radius; the baseline is a bare ``bulk_create`` of the same rows.

The last line printed is one JSON object with the ``_ms`` timings and ``checkins_per_s``.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from datetime import timedelta  # noqa: E402

from bench import benchdb, gridfill  # noqa: E402

PAGES_MS, CIRCLES_MS, CHECKINS_PER_S = 300, 2000, 2000  # the targets
INGEST_MEMBERS = 100
HOST = {"HTTP_HOST": "127.0.0.1"}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=1_000_000, help="households (default 1,000,000)")
    parser.add_argument("--visits", type=int, default=3_000_000, help="visits (default 3,000,000)")
    parser.add_argument("--check-ins", type=int, default=2_000_000, help="past check-ins (default 2,000,000)")
    parser.add_argument("--posts", type=int, default=500, help="response posts (default 500)")
    parser.add_argument("--cases", type=int, default=200_000, help="cases over the grids (default 200,000)")
    parser.add_argument("--ingest", type=int, default=50_000, help="check-ins sent through the API (default 50,000)")
    parser.add_argument("--batch", type=int, default=250, help="check-ins per API request (default 250)")
    parser.add_argument("--runs", type=int, default=20, help="timed runs of each page (default 20)")
    benchdb.keep_options(parser)
    args = parser.parse_args()
    if min(args.households, args.visits, args.check_ins, args.cases) < 1000 or args.runs < 3:
        parser.error("each volume must be at least 1,000 and --runs at least 3")
    if not 1 <= args.batch <= 5000 or args.ingest < args.batch:
        parser.error("--batch must be 1 to 5,000 and --ingest at least one batch")
    return args


# --- Filling ---------------------------------------------------------------------------------------------------


def fill(args, engine: str) -> dict:
    from django.db import connection
    from django.utils import timezone

    from bench import generate

    now, log = timezone.now(), gridfill.log
    log(f"filling ({engine}):")
    grids = gridfill.grids()
    units = gridfill.timed("units under every grid", gridfill.units_everywhere, grids)
    workers = gridfill.timed("a grid worker for every grid", gridfill.grid_workers, grids)
    built = {"households": gridfill.timed(f"{args.households:,} households", gridfill.households, args.households,
                                          units)}
    built["visits"] = gridfill.timed(f"{args.visits:,} visits", gridfill.visits, args.visits, workers, now)
    built.update(gridfill.timed(f"{args.check_ins:,} check-ins", gridfill.patrols, args.check_ins, workers, now))
    built["posts"] = gridfill.timed(f"{args.posts} posts", gridfill.posts, args.posts)
    gridfill.timed(f"{args.cases:,} cases", generate.fill, args.cases, engine)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log(f"filled: {built}")
    return built


def existing() -> dict:
    from civicgrid.households.models import Household, Visit
    from civicgrid.patrols.models import CheckIn, ResponsePost

    return {"households": Household.objects.count(), "visits": Visit.objects.count(),
            "check_ins": CheckIn.objects.count(), "posts": ResponsePost.objects.count()}


# --- Timing ----------------------------------------------------------------------------------------------------


def signed_in(staff):
    from django.test import Client

    client = Client(**HOST)
    client.force_login(staff)
    return client


def get(client, path: str, expect: str = ""):
    response = client.get(path)
    if response.status_code != 200 or expect.encode() not in response.content:
        raise SystemExit(f"GET {path}: {response.status_code}, expected “{expect}” in the page")
    return response


def the_grid_worker():
    """The worker of the patrolled grid with the most households: someone with visits due, cases and a shift."""
    from django.db.models import Count

    from civicgrid.households.models import Household
    from civicgrid.orgs.choices import Role
    from civicgrid.orgs.models import RoleAssignment
    from civicgrid.patrols.models import Zone

    zoned = list(Zone.objects.values_list("area_code", flat=True))
    per_grid = dict(Household.objects.annotate(grid=_prefix(15)).filter(grid__in=zoned).values_list("grid")
                    .annotate(n=Count("id")).values_list("grid", "n"))
    grid = max(per_grid, key=lambda code: (per_grid[code], code))
    return RoleAssignment.objects.get(role=Role.GRID_WORKER, area__code=grid).staff, grid, per_grid[grid]


def _prefix(length: int):
    from django.db.models.functions import Substr

    return Substr("unit_code", 1, length)


def task_list(args) -> dict:
    from django.utils import timezone

    from civicgrid.orgs.services import task_list as tasks_of

    worker, grid, households = the_grid_worker()
    found = tasks_of(worker, timezone.now())
    client = signed_in(worker)
    page_ms = benchdb.p50(lambda: get(client, "/tasks/", 'id="task-list"'), args.runs)
    api_ms = benchdb.p50(lambda: get(client, "/api/v1/tasks", '"items"'), args.runs)
    floor_ms = benchdb.p50(lambda: get(client, "/healthz"), args.runs)
    print(f"  我的任务 of grid {grid}'s worker ({households:,} households, {len(found.tasks)} tasks: "
          f"{dict(found.kinds)}): page p50 {page_ms:.1f} ms, JSON {api_ms:.1f} ms; an empty request "
          f"{floor_ms:.1f} ms (ratio {page_ms / floor_ms:.1f})")
    return {"tasks_ms": round(page_ms, 1), "tasks_api_ms": round(api_ms, 1), "floor_ms": round(floor_ms, 2)}


def coverage(args) -> dict:
    from django.db.models import Count
    from django.utils import timezone

    from civicgrid.geo.models import Area
    from civicgrid.households import coverage as figures
    from civicgrid.households import services
    from civicgrid.households.models import Household
    from civicgrid.orgs.choices import Role
    from civicgrid.orgs.models import RoleAssignment

    per_township = Household.objects.annotate(t=_prefix(9)).values_list("t").annotate(n=Count("id"))
    township, households = max(per_township, key=lambda row: (row[1], row[0]))
    dispatcher = RoleAssignment.objects.filter(role=Role.DISPATCHER, area__code=township).first().staff
    client = signed_in(dispatcher)
    since = timezone.now() - timedelta(days=services.period_at(dispatcher, township)[1])
    page_ms = benchdb.p50(lambda: get(client, f"/households/area/{township}/", 'id="total-due"'), args.runs)
    started = time.perf_counter()
    plain = group_by_visits(township, since)
    plain_ms = (time.perf_counter() - started) * 1000
    total, children = figures.rollup(Area.objects.get(code=township), since)
    mine = {child.area.code: (child.households, child.visited) for child in children if child.households}
    if mine != plain:
        raise SystemExit(f"coverage of {township}: the page's figures and the GROUP BY disagree")
    print(f"  visit coverage of township {township} ({households:,} households, {total.rate} % visited since "
          f"{timezone.localtime(since):%Y-%m-%d}): page p50 {page_ms:.1f} ms; the same figures by GROUP BY over "
          f"the visits {plain_ms:.0f} ms (speed-up {plain_ms / page_ms:.1f})")
    return {"coverage_ms": round(page_ms, 1), "coverage_group_by_ms": round(plain_ms)}


def group_by_visits(township: str, since) -> dict:
    """Households per community of the township and those visited since ``since``, from the visits themselves."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT substr(h.unit_code, 1, 12), count(*), count(v.last) FILTER (WHERE v.last >= %s) "
            "FROM households_household h LEFT JOIN (SELECT household_id, max(visited_at) AS last "
            "FROM households_visit GROUP BY household_id) v ON v.household_id = h.id "
            "WHERE h.unit_code LIKE %s GROUP BY 1", [since, f"{township}%"])
        return {code: (n, seen) for code, n, seen in cursor.fetchall()}


def circles(args) -> dict:
    from civicgrid.patrols import circles as product
    from civicgrid.patrols.models import AreaReach, ResponsePost

    areas = product.refresh()
    refresh_ms = benchdb.p50(product.refresh, max(3, args.runs // 4), warm=1)
    found, kmh = product.places(), product.speeds()
    posts = list(ResponsePost.objects.values_list("kind", "lon", "lat"))
    started = time.perf_counter()
    plain = plain_quickest(found, posts, kmh)
    plain_ms = (time.perf_counter() - started) * 1000
    stored = dict(AreaReach.objects.values_list("code", "minutes"))
    wrong = [code for code, minutes in plain.items() if code in stored and not math.isclose(
        minutes, stored[code], rel_tol=1e-9, abs_tol=1e-9)]
    if wrong:
        raise SystemExit(f"circles: {len(wrong)} areas' quickest times differ from a plain loop's, e.g. {wrong[:3]}")
    circles_count = dict(_circle_counts())
    print(f"  1-3-5 circles of {areas:,} grids and communities from {len(posts)} posts: refresh p50 "
          f"{refresh_ms:.0f} ms {circles_count}; a plain loop over areas × posts {plain_ms:.0f} ms "
          f"(speed-up {plain_ms / refresh_ms:.1f})")
    return {"circles_ms": round(refresh_ms), "circles_plain_ms": round(plain_ms), "circles_areas": areas}


def _circle_counts():
    from django.db.models import Count

    from civicgrid.geo.choices import AreaLevel
    from civicgrid.patrols.models import AreaReach

    return AreaReach.objects.filter(level=AreaLevel.GRID).values_list("circle").annotate(n=Count("id")).order_by(
        "circle")


def plain_quickest(found, posts: list, kmh: dict) -> dict:
    """Each area's quickest post in minutes by the haversine, one pair at a time."""
    from civicgrid.patrols.circles import EARTH_RADIUS_M as radius

    rows = [(math.radians(lon), math.radians(lat), kmh[kind] * 1000 / 60) for kind, lon, lat in posts]
    quickest = {}
    for code, lon, lat in zip(found.codes, found.lons, found.lats):
        lon, lat, best = math.radians(lon), math.radians(lat), math.inf
        for post_lon, post_lat, per_minute in rows:
            h = (math.sin((post_lat - lat) / 2) ** 2
                 + math.cos(lat) * math.cos(post_lat) * math.sin((post_lon - lon) / 2) ** 2)
            best = min(best, 2 * radius * math.asin(math.sqrt(min(max(h, 0.0), 1.0))) / per_minute)
        quickest[code] = best
    return quickest


def ingest(args) -> dict:
    from django.db import transaction

    from civicgrid.patrols.models import CheckIn

    members = ingest_shifts(INGEST_MEMBERS)
    batches = ingest_batches(members, args.ingest, args.batch)
    clients = {member.staff_id: signed_in(member.staff) for member, _shift, _points in members}
    before = CheckIn.objects.count()
    started = time.perf_counter()
    for staff_id, body in batches:
        response = clients[staff_id].post("/api/v1/patrols/checkins", body, content_type="application/json")
        if response.status_code != 200 or response.json()["errors"]:
            raise SystemExit(f"check-ins refused: {response.status_code} {response.content[:300]!r}")
    seconds = time.perf_counter() - started
    written = CheckIn.objects.count() - before
    if written != args.ingest:
        raise SystemExit(f"check-ins: {written:,} written of {args.ingest:,} sent")
    rows = list(CheckIn.objects.order_by("-pk")[:args.ingest])
    for row in rows:
        row.pk, row.at = None, row.at + timedelta(microseconds=1)
    with transaction.atomic():
        started = time.perf_counter()
        CheckIn.objects.bulk_create(rows, batch_size=1000)
        bare_s = time.perf_counter() - started
        transaction.set_rollback(True)
    rate, bare = args.ingest / seconds, args.ingest / bare_s
    print(f"  check-ins through the API: {rate:,.0f}/s ({args.ingest:,} in batches of {args.batch} from "
          f"{len(members)} members); a bare bulk_create {bare:,.0f} rows/s (ratio {rate / bare:.2f})")
    return {"checkins_per_s": round(rate), "bare_insert_per_s": round(bare)}


def ingest_shifts(count: int) -> list:
    """A shift running now for the members of the first ``count`` zones, planning their zone's points."""
    from django.utils import timezone

    from civicgrid.patrols import services
    from civicgrid.patrols.models import Member, Zone

    now, found = timezone.now(), []
    for zone in Zone.objects.order_by("pk")[:count]:
        member = Member.objects.filter(team__area_code=zone.area_code[:9], staff__assignments__area__code=
                                       zone.area_code).select_related("staff", "team").first()
        shift = services.plan_shift(member.team, zone, now - timedelta(hours=6), now + timedelta(hours=1), [member])
        found.append((member, shift, list(shift.points.all())))
    return found


def ingest_batches(members: list, total: int, size: int) -> list:
    """(staff, JSON body) of each request: each member's rows at their points in turn, a second apart, 10 m away,
    within their shift."""
    from django.utils import timezone

    start, batches = timezone.now() - timedelta(hours=5), []
    for n in range(math.ceil(total / size)):
        member, _shift, points = members[n % len(members)]
        first = n // len(members) * size  # the member's rows sent so far
        items = [{"point": points[i % len(points)].pk, "at": (start + timedelta(seconds=first + i)).isoformat(),
                  "longitude": points[i % len(points)].longitude + 0.0001, "latitude": points[i % len(points)].latitude}
                 for i in range(min(size, total - n * size))]
        batches.append((member.staff_id, json.dumps({"items": items})))
    return batches


def run(args, engine: str) -> None:
    built = existing() if args.reuse else fill(args, engine)
    print(f"database: {engine}; {built['households']:,} households, {built['visits']:,} visits, "
          f"{built['check_ins']:,} check-ins, {built['posts']} posts; {args.runs} runs of each page:")
    figures = {**task_list(args), **coverage(args), **circles(args), **ingest(args)}
    slow = [key for key in ("tasks_ms", "tasks_api_ms", "coverage_ms") if figures[key] > PAGES_MS]
    if slow or figures["circles_ms"] > CIRCLES_MS or figures["checkins_per_s"] < CHECKINS_PER_S:
        print(f"  below the issue's targets (pages {PAGES_MS} ms, circles {CIRCLES_MS} ms, "
              f"{CHECKINS_PER_S:,} check-ins/s): {slow or ''} {figures}")
    print(json.dumps({"bench": "gridwork", "db": engine, **built, **figures}))


def main():
    args = parse_args()
    # One client address sends every request here: the per-address limit would refuse a city's phones.
    os.environ["CIVICGRID_API_RATE_PER_IP"] = os.environ["CIVICGRID_API_RATE_PER_KEY"] = ""
    # The pages link their files from the sources: this checkout need not have run collectstatic.
    os.environ.setdefault("CIVICGRID_STATIC_FROM_SOURCES", "1")
    warnings.filterwarnings("ignore", message="No directory at")
    benchdb.run_on_city(args, run)


if __name__ == "__main__":
    main()
