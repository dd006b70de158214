"""Benchmark the machine interfaces as a production server answers them: Open311 filing and the case list.

Run from the repository root (needs wrk: ``apt-get install wrk``):

    .venv/bin/python bench/api.py [--seconds 15] [--worker-class gthread|sync] [--workers N] [--threads T]
    DATABASE_URL=postgres://postgres@127.0.0.1:54329/civicgrid .venv/bin/python bench/api.py

It makes a fresh database loaded with 榆林市 (bench/benchdb.py), publishes the default categories as
Open311 services, makes a client application key (grants read and file, area 6108) and files CASES cases
for the list to page through. Then it starts gunicorn with the production configuration
(config/gunicorn.py; debug off, persistent database connections, rate limits off, side effects queued in
the database for a worker rather than run in the request) on a free loopback port and drives, for
``--seconds`` each:

1. ``GET /healthz`` at full speed with wrk: the baseline, what the server, Python and loopback cost alone;
2. ``POST /open311/v2/requests.json`` at full speed with wrk: form bodies at random points inside the
   city's grids, in the published services, with residents' real messages as descriptions;
3. ``GET /api/v1/cases`` at full speed with wrk, with the application's key;
4. the same POSTs at a fixed RATE a second, sent on a schedule by a small client of our own (wrk cannot
   pace), each latency counted from the moment the request was due, not from when it went out, so a
   slow server cannot hide its queue (no coordinated omission).

It prints requests per second and p50/p99 latency of each run, their ratio to the health check, every
answer that was not 2xx (a run with any is not a valid figure: the script then exits with status 1), and
the cases written compared with the 2xx answers. The last line printed is one JSON object.
"""

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import http.client  # noqa: E402
import itertools  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from urllib.parse import urlencode  # noqa: E402

from bench import benchdb  # noqa: E402

SEED = 20261121
HOST = "127.0.0.1"
BENCH_KEY = "cgk_bench-only-not-a-secret-0123456789abcdef"
POST_PATH = "/open311/v2/requests.json"
LIST_PATH = "/api/v1/cases"
BODIES = 20_000
WARM_UP_S = 3
FORM = "Content-Type: application/x-www-form-urlencoded"
TARGET_POST_RPS, TARGET_P99_MS, TARGET_RATE = 300, 100, 100  # issue 4, on PostgreSQL
TARGET_RATIO = 0.10  # issue 9: filing against the health check of the same server in the same run


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15, help="length of each timed run (default 15)")
    parser.add_argument("--rate", type=int, default=100, help="requests a second of the paced POST run (default 100)")
    parser.add_argument("--cases", type=int, default=3000, help="cases filed before the runs, for the list (3,000)")
    parser.add_argument("--worker-class", choices=["gthread", "sync"], default="gthread")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (default: config/gunicorn.py's)")
    parser.add_argument("--threads", type=int, default=0, help="threads per gthread worker (default: the config's)")
    parser.add_argument("--connections", type=int, default=16, help="wrk's open connections (default 16)")
    parser.add_argument("--tasks", choices=["database", "immediate"], default="database",
                        help="the server's CIVICGRID_TASKS_BACKEND (default database: queued for a worker)")
    args = parser.parse_args()
    if args.seconds < 2 or args.rate < 1 or args.cases < 200:
        parser.error("--seconds must be at least 2, --rate at least 1 and --cases at least 200")
    return args


def require_wrk() -> str:
    found = shutil.which("wrk")
    if not found:
        sys.exit("bench/api.py needs the wrk load generator: apt-get install wrk (Debian/Ubuntu), brew install wrk.")
    return found


# --- Set-up: the database the server will answer from -----------------------------------------------


def prepare(case_count: int, engine: str):
    """Services published, the bench's application key, and ``case_count`` dispatched cases to list."""
    from civicgrid.api import keys
    from civicgrid.open311 import services

    cast = benchdb.load_city()
    services.publish_defaults()
    keys.create_application("压测客户端", benchdb.CITY, ["read", "file"], key=BENCH_KEY)
    file_cases(case_count, cast.dispatchers[benchdb.CITY], engine)


def file_cases(count: int, user, engine: str) -> None:
    from bench import intake

    reports = intake.make_reports(count, random.Random(SEED))
    started = time.perf_counter()
    intake.file_all(reports, user, engine)
    print(f"set-up: {count:,} cases filed and dispatched for the list in {time.perf_counter() - started:.1f} s",
          file=sys.stderr)


def count_cases() -> int:
    from django.db import connections

    from civicgrid.cases.models import Case

    try:
        return Case.objects.count()
    finally:
        connections.close_all()  # never hold a SQLite lock, nor a connection, while the server works


def settled_count(patience_s: float = 30) -> int:
    """The number of cases once requests still in flight at the end of a run have finished."""
    last, deadline = count_cases(), time.monotonic() + patience_s
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = count_cases()
        if now == last:
            return now
        last = now
    return last


def analyze() -> None:
    """Fresh planner statistics, as autovacuum keeps them on a live database: a plan made for an empty
    table (PostgreSQL's guess before its first ANALYZE) is not what production runs."""
    from django.db import connection, connections

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    connections.close_all()


# --- The server --------------------------------------------------------------------------------------


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    log: Path

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def server_environment(tasks: str) -> dict:
    """Production settings, pointed at the bench database, with the per-IP and per-key limits off."""
    env = dict(os.environ)
    env.update({"CIVICGRID_DEBUG": "0", "CIVICGRID_SECRET_KEY": "bench-only-not-a-secret",
                "CIVICGRID_ALLOWED_HOSTS": HOST, "CIVICGRID_DB_CONN_MAX_AGE": "600",
                "CIVICGRID_API_RATE_PER_IP": "", "CIVICGRID_API_RATE_PER_KEY": "",
                "CIVICGRID_TASKS_BACKEND": tasks, "CIVICGRID_LOG_LEVEL": "WARNING",
                "CIVICGRID_SMS_BACKEND": "civicgrid.notifications.backends.ConsoleBackend"})
    return env


def gunicorn_command(args, port: int) -> list[str]:
    command = [sys.executable, "-m", "gunicorn", "--config", str(ROOT / "config" / "gunicorn.py"),
               "--bind", f"{HOST}:{port}", "--worker-class", args.worker_class,
               # No recycling of workers mid-run: at the health check's rate it would restart each every few
               # seconds, and reloading Django and the grid index would be what the baseline measures.
               "--max-requests", "0"]
    if args.workers:
        command += ["--workers", str(args.workers)]
    if args.threads:
        command += ["--threads", str(args.threads)]
    return command


def start_server(args, folder: Path) -> Server:
    port, log = free_port(), folder / "gunicorn.log"
    with log.open("w") as out:
        process = subprocess.Popen(gunicorn_command(args, port), cwd=ROOT, env=server_environment(args.tasks),
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    server = Server(process, port, log)
    wait_until_healthy(server)
    return server


def wait_until_healthy(server: Server, patience_s: float = 60) -> None:
    deadline = time.monotonic() + patience_s
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.process.returncode}:\n{server.log.read_text()[-3000:]}")
        try:
            if fetch(server, "GET", "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer /healthz within {patience_s:.0f} s")


def stop_server(server: Server) -> None:
    """TERM to the master (a graceful stop of every worker), KILL to its whole group if it lingers."""
    if server.process.poll() is not None:
        return
    server.process.send_signal(signal.SIGTERM)
    try:
        server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.process.pid, signal.SIGKILL)
        server.process.wait()


def fetch(server: Server, method: str, path: str, body: str | None = None, headers: dict | None = None):
    connection = http.client.HTTPConnection(HOST, server.port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


# --- CPU spent ---------------------------------------------------------------------------------------
# Other work on the machine changes how many requests a second the server gets through, not how much CPU
# each request costs; so each run also counts the CPU time of the server's processes and of the database
# server's backends for the bench database (both from /proc, ``benchdb.cpu_seconds``), and divides by the
# requests answered.

def server_processes(server: "Server") -> list[int]:
    """gunicorn's master and its workers."""
    pids = [int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()]
    return [server.process.pid, *(pid for pid in pids if (benchdb.stat(pid) or [0, 0])[1] == str(server.process.pid))]


def database_processes(engine: str) -> list[int]:
    """PostgreSQL's backends connected to the bench database (none for SQLite: it runs inside the workers)."""
    if engine != "postgresql":
        return []
    from django.db import connection, connections

    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                           "AND pid <> pg_backend_pid()")
            return [row[0] for row in cursor.fetchall()]
    finally:
        connections.close_all()


class CpuMeter:
    """CPU seconds the server and the database spent between ``start()`` and ``stop()``."""

    def __init__(self, server: "Server", engine: str):
        self.server, self.engine = server, engine

    def read(self) -> dict[str, dict[int, float]]:
        return {"server": {pid: benchdb.cpu_seconds(pid) for pid in server_processes(self.server)},
                "database": {pid: benchdb.cpu_seconds(pid) for pid in database_processes(self.engine)}}

    def start(self) -> "CpuMeter":
        self.before = self.read()
        return self

    def stop(self) -> tuple[float, float]:
        after = self.read()
        spent = {group: sum(cpu - self.before[group].get(pid, 0.0) for pid, cpu in pids.items())
                 for group, pids in after.items()}
        return spent["server"], spent["database"]


# --- What is sent ------------------------------------------------------------------------------------


def service_catalogue(server: Server) -> list[tuple[str, list[dict]]]:
    """The published services with their attributes, read as an Open311 client reads them."""
    status, body = fetch(server, "GET", "/open311/v2/services.json")
    if status != 200:
        raise RuntimeError(f"GET /open311/v2/services.json answered {status}: {body[:300]!r}")
    catalogue = []
    for service in json.loads(body):
        attributes = []
        if service.get("metadata") in (True, "true"):
            status, body = fetch(server, "GET", f"/open311/v2/services/{service['service_code']}.json")
            attributes = json.loads(body).get("attributes", []) if status == 200 else []
        catalogue.append((str(service["service_code"]), attributes))
    return catalogue


def attribute_fields(attributes: list[dict], rng: random.Random) -> list[tuple[str, str]]:
    """A value for each required attribute (and some optional ones), of the type it declares."""
    fields = []
    for attribute in attributes:
        if attribute.get("variable") in (False, "false") or not (attribute.get("required") in (True, "true")
                                                                or rng.random() < 0.3):
            continue
        fields += _attribute_value(attribute, rng)
    return fields


def _attribute_value(attribute: dict, rng: random.Random) -> list[tuple[str, str]]:
    code, kind = attribute["code"], attribute.get("datatype", "string")
    keys = [str(v["key"]) for v in attribute.get("values") or []]
    if kind == "multivaluelist" and keys:
        return [(f"attribute[{code}][]", key) for key in rng.sample(keys, k=min(len(keys), rng.randint(1, 2)))]
    if kind == "singlevaluelist" and keys:
        return [(f"attribute[{code}]", rng.choice(keys))]
    simple = {"number": str(rng.randint(1, 20)), "datetime": time.strftime("%Y-%m-%dT%H:%M:%S+08:00"),
              "text": "居民补充说明：情况已持续数日。"}
    return [(f"attribute[{code}]", simple.get(kind, "现场核实"))]


def post_bodies(catalogue, count: int, rng: random.Random) -> list[str]:
    """``count`` form bodies: a service, a point inside a grid, a resident's message, sometimes a name and phone."""
    import numpy as np

    from bench import intake
    from civicgrid.demo import texts
    from civicgrid.geo.locator import get_index

    lons, lats = intake._points_in_grids(get_index(), count, np.random.default_rng(rng.randrange(2**32)))
    messages = texts.load_messages()
    bodies = []
    for lon, lat in zip(lons, lats):
        code, attributes = rng.choice(catalogue)
        fields = [("api_key", BENCH_KEY), ("service_code", code), ("lat", f"{lat:.6f}"), ("long", f"{lon:.6f}"),
                  ("description", texts.message_texts(rng.choice(messages), "榆阳区")[1])]
        if rng.random() < 0.5:
            name = texts.person(rng)
            fields += [("last_name", name[0]), ("first_name", name[1:]), ("phone", texts.phone(rng))]
        bodies.append(urlencode(fields + attribute_fields(attributes, rng)))
    return bodies


def list_paths() -> list[str]:
    """The first page of the application's case list: what a department system polls."""
    return [LIST_PATH]


def write_requests(path: Path, method: str, targets: list[str], bodies: list[str] | None = None) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i, target in enumerate(targets if bodies is None else [targets[0]] * len(bodies)):
            out.write(f"{method}\t{target}\t{bodies[i] if bodies else ''}\n")
    return path


# --- Driving it --------------------------------------------------------------------------------------


@dataclass
class Run:
    """One timed run's figures: answers a second, latency percentiles, and what went wrong."""

    label: str
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    statuses: dict = field(default_factory=dict)
    socket_errors: int = 0
    cpu_server_s: float = 0.0
    cpu_database_s: float = 0.0
    written: int = 0
    in_flight: int = 0

    @property
    def ok(self) -> int:
        return sum(n for status, n in self.statuses.items() if 200 <= int(status) < 300)

    @property
    def failed(self) -> int:
        return self.requests - self.ok + self.socket_errors

    @property
    def rps(self) -> float:
        """Answers a second that were 2xx: a refused request is not a filed one."""
        return self.ok / self.seconds

    @property
    def cpu_ms(self) -> float:
        """CPU milliseconds the server and the database spent per answer."""
        return (self.cpu_server_s + self.cpu_database_s) * 1000 / max(1, self.requests)

    @property
    def capacity(self) -> float:
        """Answers a second this CPU cost allows on the machine's cores with nothing else running."""
        return (os.cpu_count() or 1) * 1000 / self.cpu_ms if self.cpu_ms else 0.0


def wrk(server: Server, label: str, requests_file: Path, seconds: int, connections: int,
        headers: list[str]) -> Run:
    command = ["wrk", "--threads", "1", "--connections", str(connections), "--duration", f"{seconds}s",
               "--timeout", "10s", "--latency", "--script", str(BENCH / "wrk" / "replay.lua")]
    for header in headers:
        command += ["--header", header]
    done = subprocess.run([*command, server.base, "--", str(requests_file)], capture_output=True, text=True,
                          check=True)
    line = next((x for x in done.stdout.splitlines() if x.startswith("WRK_RESULT ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no result:\n{done.stdout}\n{done.stderr}")
    found = json.loads(line.removeprefix("WRK_RESULT "))
    errors = sum(found[k] for k in ("connect", "read", "write", "timeout"))
    return Run(label, found["requests"], found["duration_us"] / 1e6, found["p50_us"] / 1000,
               found["p99_us"] / 1000, found["statuses"], errors)


class Paced:
    """Requests sent on a fixed schedule (``rate`` a second) over keep-alive connections, one per thread.

    Request i is due at start + i / rate; whichever thread is free takes the next one, waits for its
    moment and sends it. Latency runs from the moment it was due, so time spent waiting for a free
    connection (the server being slow) counts, as a real client's waiting would.
    """

    def __init__(self, server: Server, bodies: list[str], rate: int, seconds: int, threads: int = 32):
        self.server, self.bodies, self.rate, self.seconds, self.threads = server, bodies, rate, seconds, threads
        self.slots, self.lock = itertools.count(), threading.Lock()
        self.latencies: list[float] = []
        self.statuses: dict[str, int] = {}
        self.socket_errors = 0

    def run(self, label: str) -> Run:
        import numpy as np

        self.start = time.perf_counter() + 0.5
        workers = [threading.Thread(target=self.work) for _ in range(self.threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        elapsed = time.perf_counter() - self.start  # longer than planned when the server fell behind
        p50, p99 = np.percentile(self.latencies, [50, 99]) * 1000 if self.latencies else (0.0, 0.0)
        return Run(label, len(self.latencies), elapsed, float(p50), float(p99), self.statuses,
                   self.socket_errors)

    def work(self) -> None:
        connection = http.client.HTTPConnection(HOST, self.server.port, timeout=10)
        total = self.rate * self.seconds
        while (slot := self.next_slot()) < total:
            due = self.start + slot / self.rate
            time.sleep(max(0.0, due - time.perf_counter()))
            self.send(connection, self.bodies[slot % len(self.bodies)], due)
        connection.close()

    def next_slot(self) -> int:
        with self.lock:
            return next(self.slots)

    def send(self, connection, body: str, due: float) -> None:
        try:
            connection.request("POST", POST_PATH, body=body.encode(),
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
            response = connection.getresponse()
            response.read()
            status = str(response.status)
        except (OSError, http.client.HTTPException):
            connection.close()  # http.client opens a new one for the next request
            with self.lock:
                self.socket_errors += 1
            return
        with self.lock:
            self.latencies.append(time.perf_counter() - due)
            self.statuses[status] = self.statuses.get(status, 0) + 1


# --- Reporting ---------------------------------------------------------------------------------------


def report(run: Run, baseline: Run | None = None) -> None:
    ratio = f" = {run.rps / baseline.rps:.3f} × /healthz" if baseline and baseline.rps else ""
    print(f"{run.label}: {run.rps:,.0f} req/s (2xx){ratio}; p50 {run.p50_ms:.1f} ms, p99 {run.p99_ms:.1f} ms; "
          f"{run.requests:,} answers in {run.seconds:.1f} s")
    database = f" + {run.cpu_database_s * 1000 / max(1, run.requests):.2f} ms database" if run.cpu_database_s else ""
    print(f"  CPU per answer: {run.cpu_server_s * 1000 / max(1, run.requests):.2f} ms server{database}: "
          f"{run.capacity:,.0f} req/s if the {os.cpu_count()} cores did nothing else (wrk not counted)")
    if run.failed:
        shown = {s: n for s, n in sorted(run.statuses.items()) if not 200 <= int(s) < 300}
        print(f"  ERRORS: {run.failed:,} not 2xx (statuses {shown}, socket errors {run.socket_errors})")


def written_matches(run: Run) -> bool:
    """Every 2xx answer is a case, and nothing else wrote one. wrk stops counting at the end of its time
    while up to ``in_flight`` requests it had sent still finish on the server, so those may add cases."""
    return 0 <= run.written - run.ok <= run.in_flight


def report_written(run: Run) -> None:
    verdict = "match" if written_matches(run) else "DO NOT MATCH"
    late = f", up to {run.in_flight} of them still in flight when wrk stopped counting" if run.in_flight else ""
    print(f"  cases written: {run.written:,} for {run.ok:,} 2xx answers ({verdict}{late})")


def answers(server: Server, bodies: list[str]) -> None:
    """One request of each kind, printed, so a wrong set-up shows before anything is timed."""
    status, body = fetch(server, "POST", POST_PATH, bodies[0], {"Content-Type": "application/x-www-form-urlencoded"})
    print(f"sample POST {POST_PATH}: {status} {body[:160].decode(errors='replace')}")
    status, body = fetch(server, "GET", LIST_PATH, headers={"Authorization": f"Bearer {BENCH_KEY}"})
    print(f"sample GET {LIST_PATH}: {status} ({len(body):,} bytes) {body[:120].decode(errors='replace')}")


def describe(args, server: Server, engine: str) -> None:
    from config import gunicorn as production

    workers = args.workers or production.workers
    threads = f" × {args.threads or production.threads} threads" if args.worker_class == "gthread" else ""
    print(f"database: {engine}; server: gunicorn {args.worker_class}, {workers} workers{threads}, "
          f"on {server.base}; tasks backend {args.tasks}; wrk 1 thread × {args.connections} connections, "
          f"{args.seconds} s a run; {os.cpu_count()} cores; load average before the runs "
          f"{os.getloadavg()[0]:.1f}")


# --- Main --------------------------------------------------------------------------------------------


def main():
    args = parse_args()
    require_wrk()
    # A TERM (a CI timeout) unwinds like Ctrl-C, so the finally blocks stop the server and drop the database.
    signal.signal(signal.SIGTERM, lambda _signal, _frame: sys.exit(143))
    engine = benchdb.open_database()
    folder = Path(tempfile.mkdtemp(prefix="civicgrid-bench-api-"))
    try:
        prepare(args.cases, engine)
        analyze()
        server = start_server(args, folder)
        try:
            valid = run(args, Bench(args, server, engine, folder))
        finally:
            stop_server(server)
    finally:
        benchdb.close_database(engine)
        shutil.rmtree(folder, ignore_errors=True)
    sys.exit(0 if valid else 1)


@dataclass
class Bench:
    """What every run needs: the options, the server, the database engine and a folder for request files."""

    args: argparse.Namespace
    server: Server
    engine: str
    folder: Path

    def measured(self, work) -> Run:
        """``work()``'s run, once the requests still in flight have finished, with the CPU it cost."""
        meter, before = CpuMeter(self.server, self.engine).start(), count_cases()
        result = work()
        result.written = settled_count() - before
        result.cpu_server_s, result.cpu_database_s = meter.stop()
        return result

    def wrk(self, label: str, requests_file: Path, headers: list[str]) -> Run:
        """A warm-up of a few seconds (unmeasured: each worker loads its code, the grid index and its database
        connection), then the timed run."""
        conns = self.args.connections
        wrk(self.server, "warm-up", requests_file, WARM_UP_S, conns, headers)
        settled_count()
        found = self.measured(lambda: wrk(self.server, label, requests_file, self.args.seconds, conns, headers))
        found.in_flight = conns
        return found


def run(args, bench: Bench) -> bool:
    describe(args, bench.server, bench.engine)
    catalogue = service_catalogue(bench.server)
    print(f"services: {len(catalogue)} published, {sum(bool(a) for _c, a in catalogue)} with attributes; "
          f"{BODIES:,} different POST bodies")
    bodies = post_bodies(catalogue, BODIES, random.Random(SEED))
    answers(bench.server, bodies)
    folder, auth = bench.folder, [f"Authorization: Bearer {BENCH_KEY}"]

    health = bench.wrk("GET /healthz (baseline)", write_requests(folder / "health.tsv", "GET", ["/healthz"]), [])
    report(health)
    post = bench.wrk(f"POST {POST_PATH}", write_requests(folder / "post.tsv", "POST", [POST_PATH], bodies), [FORM])
    report(post, health)
    report_written(post)

    analyze()  # the POST run grew cases_case by half or more: autovacuum would have analysed it by now
    listing = bench.wrk(f"GET {LIST_PATH}", write_requests(folder / "list.tsv", "GET", list_paths()), auth)
    report(listing, health)

    paced = bench.measured(lambda: Paced(bench.server, bodies[len(bodies) // 2:], args.rate, args.seconds).run(
        f"POST {POST_PATH} at a fixed {args.rate} req/s"))
    report(paced)
    report_written(paced)
    print(f"tasks queued for the worker during the runs: {queued_tasks():,} (backend {args.tasks})")
    return conclude(bench.engine, args.rate, health, post, listing, paced)


def queued_tasks() -> int:
    """Side effects the server left for the task worker (the database tasks backend), none run in a request."""
    from django.db import connections
    from django_tasks_db.models import DBTaskResult

    try:
        return DBTaskResult.objects.count()
    finally:
        connections.close_all()


def conclude(engine: str, rate: int, health: Run, post: Run, listing: Run, paced: Run) -> bool:
    """Whether the figures count (every answer 2xx, every 2xx a case), and the JSON line."""
    valid = not any(r.failed for r in (health, post, listing, paced)) and written_matches(post) \
        and written_matches(paced)
    ratio = post.rps / health.rps
    met = (post.rps >= TARGET_POST_RPS and ratio >= TARGET_RATIO and paced.p99_ms < TARGET_P99_MS
           and rate >= TARGET_RATE)
    print(f"target{'' if engine == 'postgresql' else ' (set for PostgreSQL)'}: ≥ {TARGET_POST_RPS} filed requests/s "
          f"and ≥ {TARGET_RATIO} × /healthz, p99 < {TARGET_P99_MS} ms at {TARGET_RATE} requests/s: "
          f"{'met' if met else 'NOT met'} ({post.rps:,.0f} filed/s, {ratio:.3f} × /healthz; "
          f"p99 {paced.p99_ms:,.0f} ms at {rate} requests/s)")
    if not valid:
        print("INVALID: some requests were not answered 2xx, or the cases written do not match the 2xx answers "
              "(see above); these figures do not count.")
    print(json.dumps({"bench": "api", "db": engine, "post_rps": round(post.rps), "get_rps": round(listing.rps),
                      "p99_ms": round(paced.p99_ms, 1), "ratio_post_vs_health": round(ratio, 4)}))
    return valid


if __name__ == "__main__":
    main()
