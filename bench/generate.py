"""A city's case history for benchmarks: N cases across 榆林市's grids over the last three years.

``fill(count, engine)`` writes them straight into ``cases_case`` (COPY on PostgreSQL, executemany on SQLite)
in the format the one writer leaves them, including the columns the figures count (``facet``,
``lead_department``, ``late``, ``returns``, ``working_minutes``, ``overdue``, ``satisfaction`` …). Only the case
rows are written: no timelines, assignments or side records (the figures read nothing else). The figures
are then built the product's way, with ``cases.tally.rebuild()``; ``check()`` compares what was built with
what the writer's own arithmetic (``tally.Delta``) makes of the same cases, and the cases' states with the
combinations the loop allows.

The spread, drawn with numpy a chunk at a time from one seed:
- where: every grid, urban ones (社区) three times busier, each grid's own lognormal weight;
- when: more cases lately (the city grows into the system), workdays busier than weekends and holidays (the
  working calendar, ``core.calendar``), a summer bulge, office hours busier than the night; written in the
  order they were filed, so that keys follow the filing time as in a city's database;
- what: kinds mixed (诉求 and 城管事件 most), categories within a kind skewed (a few make most cases), the
  channel depending on the kind (城管事件 and 隐患 mostly 网格上报, 信访 mostly 来访);
- state by age: recent cases mostly open, old ones mostly finished (a few stuck and red); some reworked,
  returned, late, supervised; callbacks rated on 已回访 cases; the lead department the routing rules propose
  for the case's category and county once it was dispatched; the kind's facet (a hazard's grade, a dispute's
  standing); working minutes from filing to 办结 on the working calendar, to the minute.
"""

import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import numpy as np

CITY = "6108"
SEED = 20261203
YEARS = 3
CHUNK = 50_000

KIND_WEIGHTS = {"request": 42, "complaint": 14, "urban_event": 26, "dispute": 8, "hazard": 7, "petition": 3}
CHANNELS = ("hotline", "web", "grid_worker", "walk_in", "open311", "transfer")
CHANNEL_WEIGHTS = {  # by kind, in ``CHANNELS`` order
    "request": (50, 30, 5, 8, 4, 3), "complaint": (55, 30, 0, 10, 0, 5), "urban_event": (12, 0, 80, 0, 8, 0),
    "dispute": (15, 0, 40, 35, 0, 10), "hazard": (10, 5, 85, 0, 0, 0), "petition": (0, 35, 0, 50, 0, 15),
}
OPEN = ("reported", "registered", "dispatched", "handled", "verified")
OPEN_WEIGHTS = (8, 10, 55, 15, 12)
DISPATCHED = frozenset({"dispatched", "handled", "verified", "closed", "rated", "no_callback"})
RESOLVED = frozenset({"closed", "rated", "no_callback", "self_resolved"})
GRADES = ("red", "orange", "yellow", "blue")
GRADE_WEIGHTS = (5, 15, 35, 45)
HOURS = np.array([1, 1, 1, 1, 1, 2, 4, 8, 14, 16, 15, 13, 9, 9, 14, 15, 14, 12, 9, 7, 6, 4, 3, 2], dtype=float)


def _p(weights) -> np.ndarray:
    weights = np.asarray(weights, dtype=float)
    return weights / weights.sum()


@dataclass
class City:
    """What the cases are drawn over, read once from the database."""

    grids: np.ndarray  # area pk of each grid
    codes: list  # area code of each grid
    centres: np.ndarray  # township area pk of each grid
    counties: np.ndarray  # county index of each grid
    grid_p: np.ndarray
    categories: list  # (pk, kind, name) of each leaf category
    category_p: np.ndarray
    leads: np.ndarray  # [category index, county index] → lead department pk (0: none)

    @classmethod
    def load(cls, rng: np.random.Generator) -> "City":
        from civicgrid.geo.choices import AreaLevel
        from civicgrid.geo.models import Area

        grids = list(Area.objects.filter(code__startswith=CITY, level=AreaLevel.GRID)
                     .values_list("pk", "code", "parent__name").order_by("code"))
        townships = dict(Area.objects.filter(code__startswith=CITY, level=AreaLevel.TOWNSHIP).values_list("code", "pk"))
        county_codes = sorted({code[:6] for _pk, code, _name in grids})
        weights = np.array([3.0 if "社区" in name else 1.0 for _pk, _code, name in grids])
        weights *= rng.lognormal(0, 0.8, len(grids))
        categories, category_p = _categories(rng)
        return cls(grids=np.array([g[0] for g in grids]), codes=[g[1] for g in grids],
                   centres=np.array([townships[g[1][:9]] for g in grids]),
                   counties=np.array([county_codes.index(g[1][:6]) for g in grids]), grid_p=_p(weights),
                   categories=categories, category_p=category_p, leads=_leads(categories, county_codes))


def _categories(rng: np.random.Generator) -> tuple[list, np.ndarray]:
    """Leaf categories of the known kinds, weighted so that each kind gets its share and, within a kind, a few
    categories make most of its cases (Zipf-like)."""
    from civicgrid.cases.models import Category

    leaves = list(Category.objects.filter(children__isnull=True, kind__in=KIND_WEIGHTS)
                  .values_list("pk", "kind", "name").order_by("code"))
    weights = np.zeros(len(leaves))
    for kind, share in KIND_WEIGHTS.items():
        mine = np.array([i for i, leaf in enumerate(leaves) if leaf[1] == kind], dtype=np.int64)
        skew = 1.0 / np.arange(1, len(mine) + 1) ** 0.9
        weights[rng.permutation(mine)] = share * skew / max(skew.sum(), 1)
    return leaves, _p(weights)


def _leads(categories: list, county_codes: list) -> np.ndarray:
    """The lead department the routing rules propose for each category in each county (0 when none)."""
    from civicgrid.cases.models import Category
    from civicgrid.cases.routing import RuleBook

    book, objects = RuleBook(), Category.objects.in_bulk([c[0] for c in categories])
    book.preload(objects.values())
    leads = np.zeros((len(categories), len(county_codes)), dtype=np.int64)
    for i, (pk, _kind, _name) in enumerate(categories):
        for j, county in enumerate(county_codes):
            lead = book.propose(objects[pk], county).lead
            leads[i, j] = lead.pk if lead else 0
    return leads


class Clock:
    """The working calendar as arrays over days, so working minutes between instants are array arithmetic.

    Instants are whole UTC minutes since the epoch; the local offset is fixed (Asia/Shanghai keeps no summer
    time), checked when made."""

    def __init__(self, first: date, last: date):
        from django.utils import timezone

        from civicgrid.core import calendar

        self.work = calendar.current()
        tz = timezone.get_default_timezone()
        offsets = {tz.utcoffset(datetime(y, m, 1)) for y in range(first.year, last.year + 1) for m in (1, 7)}
        assert len(offsets) == 1, "the bench's clock assumes a time zone without summer time"
        self.offset = int(offsets.pop().total_seconds() // 60)
        self.first = first
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        self.workday = np.array([self.work.is_workday(d) for d in days])
        self.periods = [(p.hour * 60 + p.minute, q.hour * 60 + q.minute) for p, q in self.work.periods]
        per_day = sum(q - p for p, q in self.periods)
        self.before = np.concatenate([[0], np.cumsum(self.workday * per_day)[:-1]])

    def epoch_day(self, day: date) -> int:
        return (day - date(1970, 1, 1)).days

    def local(self, minutes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The local day index (from ``first``) and minute of the day of each instant."""
        local = minutes + self.offset
        return local // 1440 - self.epoch_day(self.first), local % 1440

    def worked(self, minutes: np.ndarray) -> np.ndarray:
        """Working minutes from the first day's midnight to each instant."""
        day, minute = self.local(minutes)
        inside = sum(np.clip(minute - p, 0, q - p) for p, q in self.periods)
        return self.before[day] + np.where(self.workday[day], inside, 0)

    def instant(self, day: int, minute: np.ndarray) -> np.ndarray:
        return (self.epoch_day(self.first) + day) * 1440 + minute - self.offset


class Generator:
    """Rows of ``cases_case`` (its concrete columns but the key, in order), a chunk at a time."""

    def __init__(self, count: int, seed: int = SEED, now: datetime | None = None, years: int = YEARS):
        from django.utils import timezone

        from civicgrid.cases.models import Case

        self.count, self.seed = count, seed
        self.rng = np.random.default_rng(seed)
        self.now = now or timezone.now().replace(second=0, microsecond=0)
        self.now_minute = int(self.now.timestamp() // 60)
        today = timezone.localdate(self.now)
        first = today - timedelta(days=365 * years - 1)
        self.clock = Clock(first - timedelta(days=1), today + timedelta(days=400))
        self.city = City.load(self.rng)
        self.columns = [f.column for f in Case._meta.concrete_fields if not f.primary_key]
        days, day_p = self._days(first, today)
        # Filed in order, as a city files them: keys (and the table's physical order) follow the filing time.
        self.filed_on, self.done = np.sort(self.rng.choice(days, size=count, p=day_p)), 0
        self.serials = np.zeros((len(set(self.city.counties)), len(self.clock.workday)), dtype=np.int64)
        self.counties = sorted({code[:6] for code in self.city.codes})

    def _days(self, first: date, today: date) -> tuple[np.ndarray, np.ndarray]:
        """Each day's share of the cases: growth over the years, workdays busier, a summer bulge."""
        n = (today - first).days + 1
        index = np.arange(n) + (first - self.clock.first).days
        growth = 1 + 1.5 * np.arange(n) / n
        day_of_year = np.array([(first + timedelta(days=i)).timetuple().tm_yday for i in range(n)])
        season = 1 + 0.2 * np.sin(2 * np.pi * (day_of_year - 100) / 365)
        rhythm = np.where(self.clock.workday[index], 1.0, 0.55)
        return index, _p(growth * season * rhythm)

    def chunks(self):
        for start in range(0, self.count, CHUNK):
            yield self.chunk(min(CHUNK, self.count - start))

    def chunk(self, size: int) -> list[tuple]:
        values = self.draw(size)
        constants = {"priority": "normal", "extra": "{}", "longitude": None, "latitude": None, "address": "",
                     "unit_id": None, "reporter_name": "", "reporter_phone": "", "reporter_id_number": "",
                     "anonymous": False, "parent_id": None, "duplicate_of_id": None, "reported_by_id": None,
                     "version": 1}
        columns = [values[c] if c in values else [constants[c]] * size for c in self.columns]
        return list(zip(*columns))

    def draw(self, size: int) -> dict[str, list]:
        """Each column of ``size`` new cases, as lists."""
        rng, city = self.rng, self.city
        grid = rng.choice(len(city.grids), size=size, p=city.grid_p)
        category = rng.choice(len(city.categories), size=size, p=city.category_p)
        kinds = np.array([city.categories[c][1] for c in category])
        day, self.done = self.filed_on[self.done:self.done + size], self.done + size
        minute = rng.choice(1440, size=size, p=_p(np.repeat(HOURS, 60)))
        reported = np.sort(np.minimum(self.clock.instant(day, minute), self.now_minute - 1))
        age = (self.now_minute - reported) / 1440
        status = self._status(rng, kinds, age)
        finished = ~np.isin(status, OPEN)
        ended = self._ended(rng, status, reported, age, finished)
        lead = np.where(np.isin(status, list(DISPATCHED)), city.leads[category, city.counties[grid]], 0)
        clocks = self._clocks(kinds, status, reported, finished)
        return {
            **self._facts(rng, status, kinds, lead, finished, np.array(clocks["overdue"])), **clocks,
            "number": self._numbers(grid, reported), "category_id": [city.categories[c][0] for c in category],
            "kind": kinds.tolist(), "status": status.tolist(),
            "channel": self._channels(rng, kinds), "title": [f"{city.categories[c][2]}问题反映" for c in category],
            "description": [f"居民反映{city.categories[c][2]}问题。" for c in category],
            "area_id": city.grids[grid].tolist(), "area_code": [city.codes[g] for g in grid],
            "centre_area_id": city.centres[grid].tolist(), "reported_at": self._stamps(reported),
            "updated_at": self._stamps(np.where(finished, ended, reported)),
            "closed_at": self._stamps(ended, finished),
            "suspended_at": self._stamps(reported, (status == "dispatched") & (rng.random(size) < 0.02)),
            "lead_department_id": [int(d) or None for d in lead],
            "working_minutes": self._working(ended, reported, np.isin(status, list(RESOLVED))),
        }

    def _status(self, rng, kinds: np.ndarray, age: np.ndarray) -> np.ndarray:
        """Recent cases mostly open, a few old ones stuck; finished ones mostly rated after a callback, 待回访
        only lately, 自行处置 for what grid staff found and fixed."""
        size = len(age)
        still_open = rng.random(size) < 0.9 * np.exp(-age / 5) + 0.012
        open_status = np.array(OPEN)[rng.choice(len(OPEN), size=size, p=_p(OPEN_WEIGHTS))]
        fixable = np.isin(kinds, ["urban_event", "hazard"])
        weights = np.stack([np.full(size, 62.0), 30 * np.exp(-age / 3) + 0.3, np.full(size, 14.0),
                            np.where(fixable, 25.0, 2.0), np.full(size, 5.0), np.full(size, 3.0)], axis=1)
        finished = ("rated", "closed", "no_callback", "self_resolved", "voided", "merged")
        pick = (rng.random(size)[:, None] < np.cumsum(weights, axis=1) / weights.sum(axis=1)[:, None]).argmax(axis=1)
        return np.where(still_open, open_status, np.array(finished)[pick])

    def _ended(self, rng, status, reported, age, finished) -> np.ndarray:
        """When finished cases were finished: working through a few days (hours for the voided and merged),
        never after now."""
        quick = np.isin(status, ["voided", "merged", "self_resolved"])
        hours = rng.lognormal(np.where(quick, np.log(3), np.log(50)), 0.9)
        span = np.minimum(np.ceil(hours * 60), np.maximum(age * 1440 * 0.95, 1)).astype(np.int64)
        return np.where(finished, reported + span, reported)

    def _facts(self, rng, status, kinds, lead, finished, overdue) -> dict[str, list]:
        """Late (ever overdue: every case overdue now, some earlier), reworked, returned, supervised, rated."""
        size = len(status)
        resolved, dispatched = np.isin(status, list(RESOLVED)), lead > 0
        late = overdue | (rng.random(size) < np.where(finished, 0.07, 0.05))
        reworked = resolved & dispatched & (rng.random(size) < 0.05)
        rework = np.where(reworked, 1 + (rng.random(size) < 0.15), 0)
        returns = np.where(np.isin(status, list(DISPATCHED)) & (rng.random(size) < 0.04), 1, 0)
        supervised = rng.random(size) < np.where(late, 0.12, 0.012)
        satisfaction = np.where(status == "rated", np.array(["satisfied", "basically", "unsatisfied"])[
            rng.choice(3, size=size, p=_p([80, 12, 8]))], "")
        return {"late": late.tolist(), "rework_count": rework.tolist(), "returns": returns.tolist(),
                "supervised": supervised.tolist(), "satisfaction": satisfaction.tolist(),
                "facet": self._facet(rng, status, kinds).tolist()}

    def _facet(self, rng, status, kinds) -> np.ndarray:
        """A hazard's grade once graded (立案 on); a dispute's standing in mediation by its state."""
        size = len(status)
        grade = np.where(status == "reported", "", np.array(GRADES)[rng.choice(4, size=size, p=_p(GRADE_WEIGHTS))])
        ending = np.array(["resolved", "failed", "declined"])[rng.choice(3, size=size, p=_p([82, 11, 7]))]
        before = np.isin(status, ["reported", "registered", "voided", "merged"])
        standing = np.select([before, np.isin(status, ["dispatched", "handled"]), status == "self_resolved"],
                             ["unaccepted", "mediating", "declined"], ending)
        return np.select([kinds == "hazard", kinds == "dispute"], [grade, standing], "")

    def _clocks(self, kinds, status, reported, finished) -> dict[str, list]:
        """Open cases' clock of their stage (the kind's limit, on the working calendar), overdue when past due,
        late when ever overdue; finished cases' clock stopped."""
        from civicgrid.cases import registry
        from civicgrid.cases.choices import Stage

        stages = {"reported": Stage.REGISTER, "registered": Stage.DISPATCH, "dispatched": Stage.HANDLE,
                  "handled": Stage.VERIFY, "verified": Stage.CLOSE}
        size = len(status)
        started, warn, due = [None] * size, [None] * size, [None] * size
        units, overdue = [""] * size, [False] * size
        for i in np.flatnonzero(~finished):
            limits = registry.kind(kinds[i]).limits
            amount, unit = limits[stages[status[i]]]
            start = _datetime(int(reported[i]) + int(self.rng.integers(20, 360)))
            started[i], units[i] = start, unit
            due[i] = self.clock.work.add(start, amount, unit)
            warn[i] = self.clock.work.fraction_point(start, due[i], 0.8, unit)
            overdue[i] = due[i] < self.now
        return {"started_at": started, "warn_at": warn, "due_at": due, "limit_unit": units, "overdue": overdue}

    def _channels(self, rng, kinds: np.ndarray) -> list:
        channel = np.empty(len(kinds), dtype=object)
        for kind, weights in CHANNEL_WEIGHTS.items():
            mine = np.flatnonzero(kinds == kind)
            channel[mine] = np.array(CHANNELS)[rng.choice(len(CHANNELS), size=len(mine), p=_p(weights))]
        return channel.tolist()

    def _numbers(self, grid: np.ndarray, reported: np.ndarray) -> list[str]:
        """案件编号 as intake gives them: the county, the local day, a serial within both."""
        county = self.city.counties[grid]
        day, _minute = self.clock.local(reported)
        serial = np.empty(len(grid), dtype=np.int64)
        order = np.lexsort((reported, day, county))
        for i in order:
            self.serials[county[i], day[i]] += 1
            serial[i] = self.serials[county[i], day[i]]
        stamp = [(self.clock.first + timedelta(days=int(d))).strftime("%Y%m%d") for d in day]
        return [f"{self.counties[c]}-{s}-{n:05d}" for c, s, n in zip(county, stamp, serial)]

    def _working(self, ended, reported, resolved) -> list:
        minutes = self.clock.worked(ended) - self.clock.worked(reported)
        return [int(m) if r else None for m, r in zip(minutes, resolved)]

    def _stamps(self, minutes: np.ndarray, present=None) -> list:
        stamps = [_datetime(int(m)) for m in minutes]
        return stamps if present is None else [s if p else None for s, p in zip(stamps, present)]


def _datetime(minute: int) -> datetime:
    return datetime.fromtimestamp(minute * 60, UTC)


# --- Writing and checking ------------------------------------------------------------------------------------


def fill(count: int, engine: str, seed: int = SEED, progress=None) -> float:
    """Write ``count`` cases; returns the seconds it took."""
    from django.db import connection, transaction

    started, generator = time.perf_counter(), Generator(count, seed)
    names = ", ".join(f'"{c}"' for c in generator.columns)
    done = 0
    with transaction.atomic(), connection.cursor() as cursor, _unindexed(cursor, engine):
        for rows in generator.chunks():
            _write(cursor, connection, names, rows, engine)
            done += len(rows)
            if progress:
                progress(done, count)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - started


@contextmanager
def _unindexed(cursor, engine: str):
    """On PostgreSQL, the case table without its indexes and constraints (but its key) while it is filled, and
    with them again, as they were, after: building an index once is many times quicker than keeping it up
    row by row, and the constraints are checked once, on the whole table."""
    if engine != "postgresql":
        yield
        return
    cursor.execute("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = "
                   "'cases_case'::regclass AND contype IN ('u', 'f', 'c')")
    constraints = cursor.fetchall()
    cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'cases_case' AND indexname NOT IN "
                   "(SELECT conname FROM pg_constraint WHERE conrelid = 'cases_case'::regclass)")
    indexes = cursor.fetchall()
    for name, _definition in constraints:
        cursor.execute(f'ALTER TABLE cases_case DROP CONSTRAINT "{name}"')
    for name, _definition in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    yield
    for _name, definition in indexes:
        cursor.execute(definition)
    for name, definition in constraints:
        cursor.execute(f'ALTER TABLE cases_case ADD CONSTRAINT "{name}" {definition}')


def _write(cursor, connection, names: str, rows: list, engine: str) -> None:
    if engine == "postgresql":
        with cursor.cursor.copy(f"COPY cases_case ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    adapt = connection.ops.adapt_datetimefield_value
    marks = ", ".join("?" * len(rows[0]))
    cursor.cursor.executemany(f"INSERT INTO cases_case ({names}) VALUES ({marks})",
                              [tuple(adapt(v) if isinstance(v, datetime) else v for v in row) for row in rows])


def check(now: datetime) -> list[str]:
    """What is wrong with the cases written (state combinations the loop never leaves, working minutes
    other than the calendar's) and with the figures built from them (the rows ``tally.rebuild`` wrote
    against those the writer's own arithmetic gives for the same cases): a list of problems, empty if none."""
    return [*_combinations(now), *_working_minutes(), *_figures()]


def _combinations(now: datetime) -> list[str]:
    from django.db.models import Q

    from civicgrid.cases.models import Case

    open_ = Q(status__in=OPEN)
    finished = ~open_
    wrong = {
        "open without a clock, or finished with one": (open_ & Q(due_at__isnull=True)) | (finished & Q(
            due_at__isnull=False)),
        "overdue but finished, not past due or not late": Q(overdue=True) & (finished | Q(due_at__gte=now) | Q(
            late=False)),
        "open, past due and not overdue": open_ & Q(due_at__lt=now, overdue=False),
        "rated without a callback, or a callback not rated": (Q(status="rated") & Q(satisfaction="")) | (
            ~Q(status="rated") & ~Q(satisfaction="")),
        "working minutes on an unresolved case, or none on a resolved one": (
            Q(status__in=RESOLVED) & Q(working_minutes__isnull=True)) | (
            ~Q(status__in=RESOLVED) & Q(working_minutes__isnull=False)),
        "a lead department before dispatch": ~Q(status__in=DISPATCHED) & Q(lead_department__isnull=False),
        "reworked or returned before dispatch": ~Q(status__in=DISPATCHED) & (Q(rework_count__gt=0) | Q(
            returns__gt=0)),
        "finished without a closing time": finished & Q(closed_at__isnull=True),
        "a facet its kind does not have": _foreign_facets(),
    }
    return [f"{label}: {n} cases" for label, condition in wrong.items()
            if (n := Case.objects.filter(condition).count())]


def _foreign_facets():
    from django.db.models import Q

    from civicgrid.cases import registry

    allowed = Q()
    for kind in registry.kinds():
        codes = list(kind.facet.choices) if kind.facet else [""]
        allowed |= Q(kind=kind.code, facet__in=codes)
    return ~allowed


def _working_minutes(sample: int = 2000) -> list[str]:
    """Working minutes of a sample of resolved cases against ``tally.working_minutes`` on the calendar."""
    from civicgrid.cases import tally
    from civicgrid.cases.models import Case

    cases = Case.objects.filter(status__in=RESOLVED).order_by("?")[:sample]
    wrong = [c.number for c in cases.only("number", "reported_at", "closed_at", "working_minutes")
             if c.working_minutes != tally.working_minutes(c.reported_at, c.closed_at)]
    return [f"working minutes other than the calendar's: {len(wrong)} of {sample}, e.g. {wrong[:3]}"] if wrong else []


def _figures() -> list[str]:
    from civicgrid.cases import tally
    from civicgrid.cases.models import Case, Tally
    from civicgrid.cases.models.cases import TALLY_ORDER

    delta = tally.Delta()
    for case in Case.objects.only(*{f.replace("_id", "") for f in TALLY_ORDER}).iterator(chunk_size=5000):
        delta.add(case.tally_facts(), 1)
    counted = {(*key, *amounts) for key, amounts in delta.items()}
    built = set(Tally.objects.exclude(cases=0).values_list(*tally.KEY, *tally.MEASURES))
    if counted == built:
        return []
    return [(f"figures: {len(built - counted)} rows built that the writer would not keep, e.g. "
             f"{sorted(built - counted)[:2]}; {len(counted - built)} it would keep missing, e.g. "
             f"{sorted(counted - built)[:2]}")]
