"""A fresh database for a benchmark, loaded with 榆林市 the way the demo loads it.

With DATABASE_URL unset (or SQLite) the benchmark runs on a temporary SQLite file; with a PostgreSQL
URL it runs on a ``<name>_bench`` database (``civicgrid_bench`` for ``…/civicgrid``) created afresh on
that server and dropped at the end, so the figures never touch the data of the database the URL names.
The URL's user must be allowed to create databases (it connects to the server's ``postgres`` database
to create and drop it). Either way the schema is migrated and the real divisions, county outlines,
synthetic grids, calendar, categories, departments, staff and routing rules are loaded before anything
is timed.
"""

import logging
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
CITY = "6108"


def open_database(fresh: bool = True) -> str:
    """Point Django at a fresh benchmark database, set it up and migrate it; returns "sqlite" or "postgresql".
    ``fresh=False`` (PostgreSQL only) takes the benchmark database a run kept, as it is."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        os.environ["DATABASE_URL"] = _fresh_postgres(url) if fresh else _server_url(url, _bench_database(url))
        engine = "postgresql"
    else:
        folder = Path(tempfile.mkdtemp(prefix="civicgrid-bench-"))
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
        engine = "sqlite"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("CIVICGRID_SECRET_KEY", "bench-only-not-a-secret")
    os.environ.setdefault("CIVICGRID_LOG_LEVEL", "WARNING")
    os.environ["CIVICGRID_TASKS_BACKEND"] = "immediate"
    import django
    from django.core.management import call_command

    django.setup()
    # The tasks framework logs each task at INFO through the "django" logger, which ignores the root's level.
    logging.getLogger("django.tasks").setLevel(logging.WARNING)
    call_command("migrate", verbosity=0)
    return engine


def keep_options(parser) -> None:
    """``--keep`` and ``--reuse``, for benchmarks whose set-up takes longer than their timing."""
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database at the end")
    parser.add_argument("--reuse", action="store_true", help="time again on the database a --keep run kept")


def run_on_city(args, run) -> None:
    """``run(args, engine)`` on a fresh database loaded with 榆林市, or with ``args.reuse`` on the one a
    ``--keep`` run kept as it was; the database is dropped at the end unless ``args.keep``."""
    engine = open_database(fresh=not args.reuse)
    if args.reuse and engine != "postgresql":
        raise SystemExit("--reuse needs DATABASE_URL naming a PostgreSQL database")
    try:
        if not args.reuse:
            load_city()
        run(args, engine)
    finally:
        if args.keep:
            print(f"kept: {os.environ['DATABASE_URL']} (--reuse times it again)", file=sys.stderr)
        else:
            close_database(engine)


def close_database(engine: str) -> None:
    """Drop what ``open_database`` made: the temporary file, or the benchmark database."""
    from django.db import connections

    settings = connections["default"].settings_dict
    connections.close_all()
    if engine == "sqlite":
        shutil.rmtree(Path(settings["NAME"]).parent, ignore_errors=True)
    else:
        _drop_postgres(_server_url(os.environ["DATABASE_URL"]), settings["NAME"])


def _server_url(url: str, database: str = "postgres") -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


def _bench_database(url: str) -> str:
    """``<name>_bench`` beside the database ``url`` names: checkouts that share a server, each with its own
    DATABASE_URL, never drop each other's benchmark database (the drop is forced)."""
    return f"{urlsplit(url).path.lstrip('/') or 'civicgrid'}_bench"


def _fresh_postgres(url: str) -> str:
    import psycopg
    from psycopg import sql

    database = _bench_database(url)
    _drop_postgres(_server_url(url), database)
    with psycopg.connect(_server_url(url), autocommit=True) as server:
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
    return _server_url(url, database)


def _drop_postgres(server_url: str, database: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(server_url, autocommit=True) as server:
        server.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database)))


def p50(work, runs: int, warm: int = 3) -> float:
    """The median milliseconds of ``runs`` calls of ``work`` after ``warm`` untimed ones."""
    times = []
    for n in range(warm + runs):
        started = time.perf_counter()
        work()
        if n >= warm:
            times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def stat(pid: int) -> list[str] | None:
    """The fields of ``/proc/<pid>/stat`` after the process's name; None once it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def cpu_seconds(pid: int) -> float:
    """CPU seconds a process has spent so far (user and system): unlike a rate, the same with other work running."""
    fields = stat(pid)
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS if fields else 0.0  # utime + stime


def backend_pid(engine: str) -> int | None:
    """The PostgreSQL backend serving this process's connection (None on SQLite: it runs in this process)."""
    if engine != "postgresql":
        return None
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def load_city(seed: int = 1):
    """榆林市 as the demo has it, with routing rules for every county; returns the demo's staffing.Cast."""
    from civicgrid.cases.categories import categories_by_path, load_default_categories
    from civicgrid.core.services import seed_calendar
    from civicgrid.demo import geography, people, staffing
    from civicgrid.geo.choices import AreaLevel
    from civicgrid.geo.models import Area

    started = time.perf_counter()
    geography.load_divisions()
    geography.load_county_outlines()
    geography.load_synthetic_grids()
    seed_calendar()
    load_default_categories()
    people.load_people("bench-only-password")
    townships = list(Area.objects.filter(code__startswith=CITY, level=AreaLevel.TOWNSHIP).select_related("parent"))
    cast = staffing.cast(townships, [], "bench-only-password", random.Random(seed))
    counties = sorted({t.parent for t in townships}, key=lambda a: a.code)
    staffing.routing(counties, categories_by_path())
    print(f"set-up: 榆林市 loaded (divisions, grids, categories, {len(counties)} counties' departments and rules) "
          f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return cast
