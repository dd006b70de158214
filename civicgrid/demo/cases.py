"""Demo cases: some 1,200 realistic matters over 榆林市's grids, most in the last 90 days and a third over the year
before, in every state.

Every case is filed and taken through its steps by the staff who would act, at the time they would act,
with the loop's own checks and step functions, through the one writer's batch path (``cases.batch``): the
cases are kept in memory while their stories run and written together at the end, in one transaction, so
the load happens completely or not at all. Each case gets a plan (where, what, who reported it, how it will
go); its story is a generator that yields the time of its next step. The stories run together in time
order up to now, with the deadline sweep twice a day in between, so numbers, timelines and overdue marks
come out as a real centre's would. A step whose time is still to come does not happen: recent cases are
open, older ones mostly finished, slow ones late, and the traffic lights are red, yellow and green as they
would be. ``per_case=True`` takes every step through ``transition`` instead, written at once, as pages do:
a test compares the rows the two leave.

The notices and SMS a step sends after its commit are not sent for steps replayed from the past: thousands
of stale messages to made-up phones help nobody. Afterwards the notices for the work waiting now are
written from the timeline, dated when the step happened. Everything is drawn from one seeded RNG (the
values of a case's extra fields from one seeded by the case's place in the load, so that adding a field
changes no other case), so a load is deterministic for a given ``now``.
"""

import heapq
import random
import struct
import zlib
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import shapely
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Max, OuterRef, Subquery
from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django.tasks.backends.base import BaseTaskBackend
from django.utils import timezone

from civicgrid.cases import registry, steps, sweep
from civicgrid.cases.batch import Batch
from civicgrid.cases.categories import categories_by_path
from civicgrid.cases.choices import (
    FINISHED_STATUSES,
    OPEN_STATUSES,
    ApprovalKind,
    AssignmentRole,
    AssignmentStatus,
    CaseKind,
    Channel,
    Priority,
    Satisfaction,
    Stage,
)
from civicgrid.cases.choices import Status as S
from civicgrid.cases.deadlines import LimitCache
from civicgrid.cases.intake import Report, file_case
from civicgrid.cases.models import Case, CaseEvent
from civicgrid.cases.models.categories import read_all_fields
from civicgrid.cases.routing import RuleBook
from civicgrid.cases.services import decide, pending_approval, transition
from civicgrid.cases.workflow import RESIDENT, Action, WorkflowError
from civicgrid.cases.writer import Lookups
from civicgrid.core import calendar
from civicgrid.core.choices import TimeUnit
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.locator import get_index
from civicgrid.geo.models import Area
from civicgrid.notifications.models import Notice
from civicgrid.orgs.choices import Role
from civicgrid.orgs.models import Department

from . import disputes as demo_disputes
from . import staffing, texts
from .fields import sample_values
from .people import CITY, GRID, TOWNSHIP

DEFAULT_COUNT = 1000
SEED = 20261121
DAYS = 90
# The demo centre has run for thirteen months: most cases are recent, a third spread over the year before, so
# that the dashboard's monthly trend and its 同比 compare with something.
HISTORY_DAYS, HISTORY_SHARE = 395, 0.35
SWEEP_HOURS = (9, 15)
# Townships with cases: 榆阳区's nine streets, 神木市's three, two in every other county.
TOWNSHIPS_PER_COUNTY = {"610802": 9, "610881": 3}
# Share of all cases: 鼓楼街道 (where the demo users work), the rest of 榆阳区, the other counties.
HOME_SHARE, COUNTY_SHARE = 0.18, 0.34
ADDRESS_ONLY = 0.02
# Residents file as 一般 (intake refuses 紧急 from them): on the web, and through a client application without a grant.
RESIDENTS = (Channel.WEB, Channel.OPEN311)
# Hazards have their own steps and stories: ``hazards.py`` loads the risk register.
KINDS = [("urban", 0.40), ("request", 0.37), ("dispute", 0.16), ("twin", 0.02)]
CHANNELS = {
    "urban": [(Channel.GRID_WORKER, 0.7), (Channel.HOTLINE, 0.2), (Channel.WEB, 0.1)],
    "request": [(Channel.HOTLINE, 0.55), (Channel.WEB, 0.33), (Channel.WALK_IN, 0.05), (Channel.OPEN311, 0.04),
                (Channel.TRANSFER, 0.03)],
    "dispute": [(Channel.WALK_IN, 0.45), (Channel.GRID_WORKER, 0.3), (Channel.HOTLINE, 0.25)],
    "hazard": [(Channel.GRID_WORKER, 0.85), (Channel.HOTLINE, 0.15)],
}
COMMON_EVENTS = {"暴露垃圾", "占道经营", "机动车乱停放", "非法小广告", "道路不洁", "店外经营", "积存垃圾渣土",
                 "井盖缺失", "共享单车乱停放", "施工扰民"}
HAZARD_PATH = ("城乡建设", "安全生产", "安全隐患")
# Side paths and how often a case takes them (GB/T 30428 and 12345 practice: most go straight through).
OPTIONS = {"co": 0.12, "escalate": 0.03, "return": 0.04, "extension": 0.06, "suspension": 0.02, "supervise": 0.04,
           "remind": 0.10, "reject": 0.07, "rework": 0.02, "stall": 0.04, "void": 0.03}
STALL_AT = ["reported", "registered", "dispatched", "handled", "verified"]
# The first plans pin one case in each state, so that even a small load shows every state.
FORCED = [("reported", {}), ("registered", {}), ("dispatched", {}), ("handled", {}), ("verified", {}),
          ("closed", {}), (None, {}), (None, {"fate": "self_resolved", "found": True}), (None, {"fate": "voided"}),
          (None, {"fate": "merged", "twin_of": 0}), ("void_requested", {}), ("return_requested", {}),
          (None, {"fate": "voided", "refused": True}),
          ("extension_requested", {}), ("suspended", {}), (None, {"found": True}), (None, {"head": True})]


@dataclass
class Plan:
    """What will happen to one demo case: the report as filed, and the way its story goes."""

    index: int
    reported_at: datetime
    report: Report
    user_role: str | None
    township: str
    grid: str | None
    kind: str
    fate: str = "normal"
    stop: str | None = None
    twin_of: int | None = None
    options: set = field(default_factory=set)
    fast: bool = False

    def wants(self, option: str) -> bool:
        return option in self.options


@dataclass
class Loaded:
    """What ``load_cases`` made, for the command's summary."""

    cases: int = 0
    events: int = 0
    staff: int = 0
    rules: int = 0
    notices: int = 0
    refused: list = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    world: "World | None" = None  # the places and staff, for the loaders that follow (hazards)
    cast: staffing.Cast | None = None


def load_cases(count: int = DEFAULT_COUNT, *, password: str, now: datetime | None = None, seed: int = SEED,
               progress=None, per_case: bool = False) -> Loaded | None:
    """Load the demo cases once; None when 榆林市 has cases already (a second run changes nothing).

    The cases go through the one writer's batch path (``cases.batch``); ``per_case`` writes every step at
    once through ``transition`` instead, as pages do, for the tests that compare the two."""
    if already_loaded():
        return None
    now, rng = now or timezone.now(), random.Random(seed)
    first_notice = Notice.objects.aggregate(last=Max("pk"))["last"] or 0
    with side_effects_dropped(), transaction.atomic():
        world = World.build(rng)
        cast = staffing.cast(world.townships, world.pool, password, rng)
        loaded = Loaded(staff=cast.created, rules=staffing.routing(world.counties, world.categories), world=world,
                        cast=cast)
        sim = Sim(now, cast, world, PerCase() if per_case else InBatch(), progress)
        sim.mediation = demo_disputes.load_pool(world.townships, password, random.Random(seed + 11))
        sim.run(make_plans(count, now, world, rng))
        sim.hand.write()
        loaded.notices = write_notices(now, first_notice)
    loaded.refused = sim.refused
    loaded.cases = Case.objects.filter(area_code__startswith=CITY).count()
    loaded.events = CaseEvent.objects.filter(case__area_code__startswith=CITY).count()
    loaded.statuses = Counter(Case.objects.filter(area_code__startswith=CITY).values_list("status", flat=True))
    return loaded


def already_loaded() -> bool:
    return Case.objects.filter(area_code__startswith=CITY).exists()


# --- Side effects ----------------------------------------------------------------------------------


class _Dropped(BaseTaskBackend):
    """A task backend that takes every task and runs none."""

    supports_defer = True

    def enqueue(self, task, args, kwargs):
        return None


@contextmanager
def side_effects_dropped():
    saved = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    task_backends[DEFAULT_TASK_BACKEND_ALIAS] = _Dropped(DEFAULT_TASK_BACKEND_ALIAS, {})
    try:
        yield
    finally:
        task_backends[DEFAULT_TASK_BACKEND_ALIAS] = saved


def write_notices(now: datetime, mark: int) -> int:
    """The notices staff would have now: for the latest step of every open case, dated when it happened.

    Those older than two days (the sweep's too, all after ``mark``) are marked read, as busy staff would have.
    """
    latest = CaseEvent.objects.filter(case=OuterRef("case")).order_by("-created_at", "-pk").values("pk")[:1]
    events = CaseEvent.objects.filter(case__area_code__startswith=CITY).exclude(case__status__in=FINISHED_STATUSES) \
        .filter(pk=Subquery(latest)).select_related("case__centre_area").order_by("created_at")
    for event in events:
        step = registry.step(event.action)
        handler = step.notify if step else None
        if handler:
            before = Notice.objects.aggregate(last=Max("pk"))["last"] or 0
            handler(event)
            Notice.objects.filter(pk__gt=before).update(created_at=event.created_at)
    new = Notice.objects.filter(pk__gt=mark)
    new.filter(created_at__lt=now - timedelta(days=2)).update(read_at=now - timedelta(days=1))
    return new.count()


# --- The world the cases happen in -----------------------------------------------------------------


@dataclass
class World:
    """Townships with cases, their grids (with outlines and weights), names, categories and messages."""

    townships: list[Area]
    counties: list[Area]
    township_weights: list[float]
    grids: dict[str, list[tuple[str, float]]]
    outlines: dict[str, object]
    names: dict[str, str]
    categories: dict[tuple[str, ...], object]
    messages: list[tuple[texts.Message, tuple[str, ...]]]

    @property
    def pool(self) -> list[str]:
        return [code for grids in self.grids.values() for code, _weight in grids]

    @classmethod
    def build(cls, rng: random.Random) -> "World":
        townships = _townships()
        counties = sorted({t.parent for t in townships}, key=lambda a: a.code)
        index = get_index()
        grids, outlines = _grid_pools(townships, index, rng)
        categories = categories_by_path()
        read_all_fields(categories.values())  # the demo's sample extra values ask each category's fields
        return cls(townships, counties, _township_weights(townships), grids, outlines, _names(townships),
                   categories, _messages(categories))


def _townships() -> list[Area]:
    chosen = []
    for county in Area.objects.filter(code__startswith=CITY, level=AreaLevel.COUNTY).order_by("code"):
        wanted = TOWNSHIPS_PER_COUNTY.get(county.code, 2)
        chosen += list(county.children.filter(level=AreaLevel.TOWNSHIP).select_related("parent").order_by("code")[:wanted])
    return chosen


def _township_weights(townships: list[Area]) -> list[float]:
    home = [t for t in townships if t.code == TOWNSHIP]
    county = [t for t in townships if t.code.startswith(TOWNSHIP[:6]) and t.code != TOWNSHIP]
    others = [t for t in townships if not t.code.startswith(TOWNSHIP[:6])]
    share = {TOWNSHIP: HOME_SHARE}
    share.update({t.code: COUNTY_SHARE / len(county) for t in county})
    seats = {min(t.code for t in others if t.code[:6] == c) for c in {t.code[:6] for t in others}}
    unit = (1 - HOME_SHARE - COUNTY_SHARE) / sum(2 if t.code in seats else 1 for t in others)
    share.update({t.code: unit * (2 if t.code in seats else 1) for t in others})
    return [share[t.code] for t in townships] if home else [1.0] * len(townships)


def _grid_pools(townships, index, rng) -> tuple[dict, dict]:
    """About a third of each township's grids carry its cases, urban ones and a few hot spots most."""
    communities = dict(Area.objects.filter(parent__in=townships).values_list("code", "name"))
    codes = list(index.codes)
    pools = {}
    for township in townships:
        mine = [code for code in codes if code.startswith(township.code)]
        chosen = rng.sample(mine, max(3, min(30, len(mine) // 3)))
        if township.code == TOWNSHIP and GRID not in chosen:
            chosen[0] = GRID
        chosen.sort(key=lambda code: code != GRID)
        pools[township.code] = [(code, (3 if "社区" in communities.get(code[:12], "") else 1) / (rank + 1) ** 0.7)
                                for rank, code in enumerate(chosen)]
    wanted = {code for pool in pools.values() for code, _weight in pool}
    outlines = {code: index.geometries[i] for i, code in enumerate(codes) if code in wanted}
    return pools, outlines


def _names(townships) -> dict[str, str]:
    codes = {t.code for t in townships} | {t.code[:6] for t in townships}
    names = dict(Area.objects.filter(code__in=codes).values_list("code", "name"))
    names.update({code: texts.short_community(name) for code, name in Area.objects.filter(parent__in=townships)
                  .values_list("code", "name")})
    return names


def _messages(categories) -> list[tuple[texts.Message, tuple[str, ...]]]:
    """Each real message with the small class it fits best (or its top class's 其他)."""
    leaves = {}
    for path in categories:
        if len(path) == 3:
            leaves.setdefault(path[0], []).append(path)
    paired = []
    for message in texts.load_messages():
        path = texts.best_leaf(message, leaves.get(message.top, [])) or (message.top, "其他", "其他")
        fits = path in categories and categories[path].kind != CaseKind.HAZARD  # hazards are ``hazards.py``'s
        paired.append((message, path if fits else (message.top,)))
    return paired


# --- Plans -----------------------------------------------------------------------------------------


def make_plans(count: int, now: datetime, world: World, rng: random.Random) -> list[Plan]:
    plans = [_forced(i, stop, options, now, world, rng) for i, (stop, options) in enumerate(FORCED[:count])]
    for plan in plans:
        if plan.twin_of is not None:
            _copy_matter(plan, plans[plan.twin_of], hours=20)
    while len(plans) < count:
        plans.append(_plan(len(plans), now, world, rng, plans))
    return plans


def _forced(index, stop, options, now, world, rng) -> Plan:
    """A fast case at the demo grid worker's grid, reported three to five weeks ago, that ends at ``stop``;
    one ``found`` by the grid worker and one the 楼栋长 reports from their ``head`` building, with nobody to call
    back, are closed without a callback (无需回访)."""
    reported = _working_time(now - timedelta(days=21 + 2 * index), rng)
    own = options.get("found") or options.get("head")
    kind = "request" if options.get("fate") != "self_resolved" and not own else "urban"
    plan = _base(index, reported, TOWNSHIP, GRID, kind, world, rng, channel=Channel.HOTLINE if kind == "request"
                 else Channel.GRID_WORKER)
    if own:
        plan.report.reporter_name = plan.report.reporter_phone = ""
    if options.get("head"):
        _from_building(plan)
    plan.stop, plan.fast, plan.fate = stop, True, options.get("fate", "normal")
    plan.twin_of = options.get("twin_of")
    if plan.fate == "voided":
        plan.options.add("void")
    if options.get("refused"):  # the shift lead refuses the request: the case goes on (驳回申请)
        plan.options.add("void_refused")
    return plan


def _from_building(plan: Plan) -> None:
    """Filed by the demo 楼栋长 from their building, placed by the building rather than a point."""
    building = Area.objects.filter(code=f"{GRID}001").first()
    if building is not None:
        plan.report.unit, plan.user_role = building, Role.BUILDING_HEAD
        plan.report.longitude = plan.report.latitude = None
        plan.report.address = ""


def _plan(index, now, world, rng, plans) -> Plan:
    kind = _pick(rng, KINDS)
    if kind == "twin":
        return _twin(index, now, world, rng, plans) or _plan(index, now, world, rng, plans)
    township = rng.choices([t.code for t in world.townships], world.township_weights)[0]
    address_only = rng.random() < ADDRESS_ONLY and kind in ("request", "urban")
    grid = None if address_only else _pick(rng, world.grids[township])
    plan = _base(index, _reported_at(now, kind, rng), township, grid, kind, world, rng)
    plan.options = {option for option, p in OPTIONS.items() if rng.random() < p}
    plan.fate = _fate(plan, rng)
    if "stall" in plan.options:
        plan.stop = rng.choice(STALL_AT)
    return plan


def _fate(plan: Plan, rng) -> str:
    if plan.grid is None:
        plan.stop = rng.choice(["reported", "reported", "registered"])
        return "voided" if plan.wants("void") else "address"
    by_grid_worker = plan.report.channel == Channel.GRID_WORKER
    if by_grid_worker and plan.kind in ("urban", "hazard") and rng.random() < (0.18 if plan.kind == "urban" else 0.05):
        return "self_resolved"
    return "voided" if plan.wants("void") else "normal"


def _twin(index, now, world, rng, plans) -> Plan | None:
    """A second resident reporting what someone reported a little earlier: the centre merges it."""
    originals = [p for p in plans if p.grid and p.fate == "normal" and p.kind in ("urban", "request") and not p.fast]
    if not originals:
        return None
    original = rng.choice(originals)
    plan = _base(index, original.reported_at, original.township, original.grid, original.kind, world, rng,
                 channel=rng.choice([Channel.HOTLINE, Channel.WEB]))
    _copy_matter(plan, original, hours=rng.uniform(1, 30))
    return plan if plan.reported_at < now else None


def _copy_matter(plan: Plan, original: Plan, hours: float) -> None:
    """The twin reports the same matter a few hours later, in words of its own; the centre will merge it."""
    plan.reported_at = original.reported_at + timedelta(hours=hours)
    plan.report.category, plan.report.title = original.report.category, original.report.title
    plan.report.extra = dict(original.report.extra)
    plan.report.description = "又有居民反映：" + original.report.description
    plan.report.longitude, plan.report.latitude = original.report.longitude, original.report.latitude
    plan.fate, plan.twin_of = "merged", original.index


def _base(index, reported_at, township, grid, kind, world, rng, channel=None) -> Plan:
    county = township[:6]
    where = texts.place(rng, world.names[county], world.names[township],
                        world.names.get(grid[:12], "") if grid else "")
    category, title, description, applicant = _matter(kind, where, world, rng)
    channel = channel or _pick(rng, CHANNELS[kind])
    if grid is None and channel == Channel.GRID_WORKER:
        channel = Channel.HOTLINE  # a grid worker on the spot has a location; an address alone comes by phone
    priority = _priority(category, kind, rng)
    report = Report(category=category, title=title, description=description, channel=channel,
                    address=where.address, priority=Priority.NORMAL if channel in RESIDENTS else priority,
                    extra=sample_values(category, random.Random(f"extra-{index}"), reported_at))
    if grid:
        report.longitude, report.latitude = _point_in(world.outlines[grid], rng)
    _reporter(report, kind, channel, applicant, county, rng)
    user_role = {Channel.GRID_WORKER: Role.GRID_WORKER, Channel.HOTLINE: Role.INTAKE_CLERK,
                 Channel.WALK_IN: Role.INTAKE_CLERK, Channel.TRANSFER: Role.INTAKE_CLERK}.get(channel)
    return Plan(index, reported_at, report, user_role, township, grid, kind)


def _matter(kind, where, world, rng) -> tuple:
    """Category, title, description and (for disputes) the applicant's name."""
    categories = world.categories
    if kind == "urban":
        paths = [p for p in categories if len(p) == 3 and p[0] == "城管事件"]
        path = rng.choices(paths, [3 if p[2] in COMMON_EVENTS else 1 for p in paths])[0]
        return (categories[path], *texts.urban_event(rng, path[2], where), "")
    if kind == "dispute":
        path = rng.choice([p for p in categories if len(p) == 3 and p[0] == "矛盾纠纷"])
        title, description, applicant = texts.dispute(rng, path[1], path[2], where)
        return categories[path], title, description, applicant
    if kind == "hazard":
        return (categories[HAZARD_PATH], *texts.hazard(rng, where), "")
    message, path = rng.choice(world.messages)
    return (categories[path], *texts.message_texts(message, where.county), "")


def _priority(category, kind, rng) -> str:
    """How urgent the matter is. Only staff may file a matter as urgent (intake refuses it from residents), so
    ``_base`` files a resident's web report as 一般."""
    if category.name in ("燃气管道破裂", "路面塌陷") and rng.random() < 0.6:
        return Priority.CRITICAL
    urgent = 0.5 if category.parent and category.parent.name == "突发事件" else 0.2 if kind == "hazard" else 0.03
    return Priority.URGENT if rng.random() < urgent else Priority.NORMAL


def _reporter(report: Report, kind, channel, applicant, county, rng) -> None:
    if channel == Channel.GRID_WORKER and kind in ("urban", "hazard") and rng.random() < 0.8:
        return  # the grid worker saw it: nobody to call back
    report.reporter_name, report.reporter_phone = applicant or texts.person(rng), texts.phone(rng)
    if channel in (Channel.HOTLINE, Channel.WEB) and rng.random() < 0.08:
        report.anonymous = True
    if channel == Channel.WALK_IN and rng.random() < 0.5:
        report.reporter_id_number = texts.id_number(rng, county)


def _point_in(outline, rng) -> tuple[float, float]:
    """A random point well inside the grid: the locator must put it in this grid and no other."""
    inner = outline.buffer(-0.0002) if outline.area > 1e-6 else outline
    xmin, ymin, xmax, ymax = (inner if not inner.is_empty else outline).bounds
    for _ in range(60):
        x, y = rng.uniform(xmin, xmax), rng.uniform(ymin, ymax)
        if shapely.contains_xy(inner, x, y):
            return round(x, 6), round(y, 6)
    point = shapely.point_on_surface(outline)
    return point.x, point.y


def _age(rng) -> float:
    """How many days ago a case was filed."""
    return rng.uniform(DAYS, HISTORY_DAYS) if rng.random() < HISTORY_SHARE else rng.uniform(0.2, DAYS)


def _reported_at(now: datetime, kind: str, rng) -> datetime:
    """Residents call at any hour, mostly by day; grid workers and walk-ins come in working hours."""
    day = now - timedelta(days=_age(rng))
    if kind in ("urban", "hazard", "dispute") and rng.random() < 0.8:
        return min(_working_time(day, rng), now - timedelta(minutes=30))
    local = timezone.localtime(day)
    hour = rng.choices(range(24), [1, 1, 1, 1, 1, 1, 2, 4, 8, 10, 10, 9, 7, 7, 9, 9, 9, 8, 7, 6, 5, 4, 3, 2])[0]
    return min(local.replace(hour=hour, minute=rng.randrange(60)), now - timedelta(minutes=30))


def _working_time(moment: datetime, rng) -> datetime:
    """A moment in the working hours of the first workday at or after ``moment``."""
    work = calendar.current()
    start = work.add(moment, 0.01, TimeUnit.WORK_HOURS)
    return work.add(start, rng.uniform(0, 6.5), TimeUnit.WORK_HOURS)


def _pick(rng, weighted):
    values, weights = zip(*weighted)
    return rng.choices(values, weights)[0]


# --- The simulation ---------------------------------------------------------------------------------


class PerCase:
    """Each step written as it is taken, the way pages and the API take them (``file_case``, ``transition``,
    ``decide``, ``sweep.run``): what the batch is compared with."""

    def __init__(self):
        self.limits, self.lookups = LimitCache(), Lookups()

    def file(self, report: Report, user, now: datetime) -> Case:
        return file_case(report, user, now=now, limits=self.limits)

    def take(self, case: Case, action: str, actor, *, now: datetime, **params) -> Case:
        return transition(case.pk, action, actor, now=now, **params).case

    def decide(self, case: Case, kind: str, approve: bool, actor, *, now: datetime, assignment=None,
               note: str = "") -> Case:
        return decide(pending_approval(case, kind, assignment), approve, actor, note=note, now=now).case

    def assignments(self, case: Case, *statuses) -> list:
        return list(case.assignments.filter(status__in=statuses).order_by("pk"))

    def is_open(self, case: Case) -> bool:
        return Case.objects.filter(pk=case.pk, status__in=OPEN_STATUSES).exists()

    def sweep(self, at: datetime) -> None:
        """The sweep's notices keep the time it ran."""
        before = Notice.objects.aggregate(last=Max("pk"))["last"] or 0
        sweep.run(now=at)
        Notice.objects.filter(pk__gt=before).update(created_at=at)

    def write(self) -> None:
        """Everything is written already."""


class InBatch(Batch):
    """The one writer's batch path: every case and step in memory, written together at the end."""

    def is_open(self, case: Case) -> bool:
        return case.status in OPEN_STATUSES


class Sim:
    """Runs every plan's story in time order up to ``end``, with the deadline sweep twice a day, by ``hand``."""

    def __init__(self, end: datetime, cast: staffing.Cast, world: World, hand: PerCase | InBatch, progress=None):
        self.end, self.cast, self.world, self.hand, self.progress = end, cast, world, hand, progress
        self.clock = end
        self.work = calendar.current()
        self.limits, self.rules = LimitCache(), RuleBook()
        self.cases: dict[int, Case] = {}
        self.refused: list[str] = []
        self.departments = {d.pk: d for d in Department.objects.select_related("area").prefetch_related("served_areas")}
        self.serving: dict[str, list] = {}

    def run(self, plans: list[Plan]) -> None:
        queue = [(plan.reported_at, plan.index, story(self, plan)) for plan in plans]
        heapq.heapify(queue)
        sweeps = self._sweep_times(min((p.reported_at for p in plans), default=self.end))
        while queue:
            when, index, steps = heapq.heappop(queue)
            if when > self.end:
                continue
            sweeps = self._sweep_until(when, sweeps)
            self.clock = when
            following = self._advance(index, steps)
            if following is not None:
                heapq.heappush(queue, (max(following, when), index, steps))
        self._sweep_until(self.end, sweeps)

    def _advance(self, index, steps) -> datetime | None:
        try:
            return next(steps)
        except StopIteration:
            return None
        except WorkflowError as error:
            self.refused.append(f"#{index}: {error.message}")
            return None

    def _sweep_times(self, start: datetime) -> list[datetime]:
        day, times = timezone.localtime(start).replace(hour=0, minute=0, second=0, microsecond=0), []
        recent = self.end - timedelta(days=DAYS)
        while day <= self.end:
            # Once a day in the year before: its cases are long finished, and each sweep costs the load time.
            times += [day.replace(hour=hour) for hour in (SWEEP_HOURS if day >= recent else SWEEP_HOURS[:1])]
            day += timedelta(days=1)
        return [t for t in times if t <= self.end]

    def _sweep_until(self, moment: datetime, times: list[datetime]) -> list[datetime]:
        """The periodic deadline sweep, run at each of its times before ``moment``."""
        while times and times[0] <= moment:
            self.hand.sweep(times.pop(0))
        return times

    # Acting ----------------------------------------------------------------------------------------

    def file(self, plan: Plan) -> Case:
        user = self._filer(plan)
        case = self.hand.file(plan.report, user, self.clock)
        self.cases[plan.index] = case
        if self.progress:
            self.progress(len(self.cases))
        return case

    def _filer(self, plan: Plan):
        if plan.user_role == Role.BUILDING_HEAD:
            return self.cast.building_head
        if plan.user_role == Role.GRID_WORKER and plan.grid:
            return self.cast.grid_workers[plan.grid]
        if plan.user_role == Role.INTAKE_CLERK:
            return self.cast.centre(Role.INTAKE_CLERK, plan.township if plan.grid else CITY)
        return None

    def act(self, case: Case, action: str, actor, **params) -> Case:
        return self.hand.take(case, action, actor, now=self.clock, **params)

    def decide(self, case: Case, kind: str, approve: bool, actor, assignment=None, note: str = "") -> Case:
        return self.hand.decide(case, kind, approve, actor, now=self.clock, assignment=assignment, note=note)

    def assignments(self, case: Case, *statuses) -> list:
        """The case's assignments in these states, in the order they were made."""
        return self.hand.assignments(case, *statuses)

    def centre(self, case: Case, role: str):
        return self.cast.centre(role, case.centre_area.code)

    def grid_worker(self, case: Case):
        return self.cast.grid_workers.get(case.area_code)

    def nobody_to_call(self, case: Case) -> bool:
        """No phone to call back on, the reporter's or a merged duplicate's reporter's: 无需回访's own guard, which
        says why not when there is one."""
        return not steps.nobody_to_call(case, self.hand.lookups)

    def handler(self, department_id: int):
        return self.cast.handlers[department_id]

    # Timing ----------------------------------------------------------------------------------------

    def on_clock(self, case: Case, fraction: float) -> datetime:
        """When ``fraction`` of the case's running stage clock is used (after 100 %: late)."""
        if case.due_at is None:
            return self.after_hours(fraction * 4)
        moment = self.work.fraction_point(case.started_at, case.due_at, fraction, case.limit_unit)
        return max(moment, self.clock + timedelta(minutes=5))

    def on_limit(self, case: Case, stage: str, fraction: float) -> datetime:
        amount, unit = self.limits.get(case.category, stage, case.priority)
        due = self.work.add(self.clock, amount, unit)
        return max(self.work.fraction_point(self.clock, due, fraction, unit), self.clock + timedelta(minutes=5))

    def after_hours(self, hours: float) -> datetime:
        return self.work.add(self.clock, hours, TimeUnit.WORK_HOURS) + timedelta(minutes=1)

    def route(self, case: Case, rng, extra: bool) -> tuple:
        route = self.rules.propose(case.category, case.area_code)
        lead = route.lead or self.departments_for(case)[0]
        co = [d for d in route.co if d.pk != lead.pk]
        if extra:
            spare = [d for d in self.departments_for(case) if d.pk != lead.pk and d not in co]
            co += rng.sample(spare, 1) if spare else []
        return lead, co

    def departments_for(self, case: Case, busy=()) -> list:
        """The county's departments serving the case's area (the city's when it has none), not yet on it."""
        if case.area_code not in self.serving:
            self.serving[case.area_code] = [d for d in self.departments.values() if _serves(d, case.area_code)]
        local = [d for d in self.serving[case.area_code] if d.pk not in busy]
        county = [d for d in local if len(d.area.code) == 6] if case.area_code[:6] != CITY else []
        return sorted(county or local, key=lambda d: d.code)


def _serves(department, area_code: str) -> bool:
    return any(area_code.startswith(area.code) for area in department.served_areas.all())


# --- Stories ----------------------------------------------------------------------------------------


def pace(rng, plan: Plan) -> float:
    """How much of a limit a step uses: mostly well within it, some near it, some late."""
    if plan.fast:
        return rng.uniform(0.05, 0.3)
    roll = rng.random()
    if roll < 0.74:
        return rng.uniform(0.05, 0.75)
    return rng.uniform(0.8, 1.0) if roll < 0.9 else rng.uniform(1.05, 3.0)


def decision_hours(rng, plan: Plan) -> float:
    """Working hours until a request is decided: mostly the same day, a quarter of them days later."""
    if plan.fast:
        return rng.uniform(0.3, 2)
    return rng.uniform(0.3, 6) if rng.random() < 0.75 else rng.uniform(16, 48)


def story(sim: Sim, plan: Plan):
    """The life of one case; each ``yield`` is the time of the next step."""
    rng = random.Random(SEED * 7919 + plan.index)
    yield plan.reported_at
    case = sim.file(plan)
    if plan.fate == "self_resolved":
        yield from self_resolved(sim, plan, case, rng)
        return
    if plan.stop == "reported" and plan.fate != "voided":
        return
    yield sim.on_clock(case, pace(rng, plan))
    if plan.fate == "merged" and _merge(sim, plan, case):
        return
    if plan.fate == "voided" or plan.stop == "void_requested":
        case = yield from void(sim, plan, case, rng)
        if case is None:
            return
    case = sim.act(case, Action.REGISTER, sim.centre(case, Role.INTAKE_CLERK))
    if plan.stop == "registered" or plan.grid is None:
        return
    yield sim.on_clock(case, pace(rng, plan))
    if plan.stop == "suspended":
        yield from suspension(sim, plan, case, rng)
        return
    if case.kind == "dispute":  # mediated by a committee, not dispatched to departments
        yield from demo_disputes.mediation(sim, plan, case, sim.mediation, rng)
        return
    case = yield from dispatched(sim, plan, case, rng)
    if case is not None and case.status == S.HANDLED:
        yield from finish(sim, plan, case, rng)


def self_resolved(sim, plan, case, rng):
    """自行处置: the grid worker fixes it on the spot, with a photo; a resident who called is called back."""
    yield sim.clock + timedelta(minutes=rng.randint(10, 90))
    worker = sim.grid_worker(case)
    case = sim.act(case, Action.SELF_RESOLVE, worker, note=texts.note(rng, "self_resolve"), files=[photo(rng)])
    if case.reporter_phone and rng.random() < 0.6:
        yield sim.after_hours(rng.uniform(2, 16))
        sim.act(case, Action.CALLBACK, sim.centre(case, Role.INTAKE_CLERK), satisfaction=Satisfaction.SATISFIED,
                note=texts.NOTES["callback"][0])


def _merge(sim, plan, case) -> bool:
    original = sim.cases.get(plan.twin_of)
    if original is None or not sim.hand.is_open(original):
        return False
    sim.act(case, Action.MERGE, sim.centre(case, Role.INTAKE_CLERK), original=original.number)
    return True


def void(sim, plan, case, rng):
    """申请作废 by the clerk, decided by the shift lead; returns the case if it goes on, None if voided."""
    case = sim.act(case, Action.REQUEST_VOID, sim.centre(case, Role.INTAKE_CLERK), note=texts.note(rng, "void"))
    if plan.stop == "void_requested":
        return None
    yield sim.after_hours(decision_hours(rng, plan))
    approve = not plan.wants("void_refused") and (plan.fast or rng.random() < 0.85)
    case = sim.decide(case, ApprovalKind.VOID, approve, sim.centre(case, Role.SHIFT_LEAD),
                      note="同意作废。" if approve else "请核实后正常立案办理。")
    if approve:
        return None
    yield sim.after_hours(rng.uniform(0.1, 1))
    return case


def suspension(sim, plan, case, rng):
    """挂账: asked by the dispatcher, approved by the shift lead, lifted some working days later."""
    case = sim.act(case, Action.REQUEST_SUSPENSION, sim.centre(case, Role.DISPATCHER),
                   note=texts.note(rng, "suspension"))
    yield sim.after_hours(decision_hours(rng, plan))
    case = sim.decide(case, ApprovalKind.SUSPENSION, True, sim.centre(case, Role.SHIFT_LEAD))
    if plan.stop == "suspended":
        return case
    yield sim.after_hours(rng.uniform(16, 80))
    return sim.act(case, Action.RESUME, sim.centre(case, Role.DISPATCHER))


def dispatched(sim, plan, case, rng):
    """派遣 to the proposed departments, then 签收, side paths, and 处理反馈 until the case is handled."""
    extra = plan.wants("co") and not plan.wants("return")
    lead, co = sim.route(case, rng, extra)
    if plan.wants("return") or plan.stop == "return_requested":
        co = []
    case = sim.act(case, Action.DISPATCH, sim.centre(case, Role.DISPATCHER), lead=lead.pk, co=[d.pk for d in co])
    case = yield from accept_all(sim, plan, case, rng)
    if case is None or plan.stop == "dispatched":
        return None
    if plan.wants("escalate") and case.centre_area.level == AreaLevel.TOWNSHIP:
        case = yield from escalate(sim, plan, case, rng)
    if plan.wants("extension") or plan.stop == "extension_requested":
        case = yield from extension(sim, plan, case, rng)
        if case is None:
            return None
    if plan.wants("suspension"):
        yield sim.after_hours(rng.uniform(1, 8))
        case = yield from suspension(sim, plan, case, rng)
    return (yield from handle_all(sim, plan, case, rng))


def accept_all(sim, plan, case, rng):
    """签收 by each department in its own time; a lead that is not the right one asks to return the case."""
    waiting = sim.assignments(case, AssignmentStatus.DISPATCHED)
    times = sorted((sim.on_limit(case, Stage.ACCEPT, pace(rng, plan)), order, a) for order, a in enumerate(waiting))
    for when, _order, assignment in times:
        yield when
        if assignment.role == AssignmentRole.LEAD and (plan.wants("return") or plan.stop == "return_requested"):
            return (yield from returned(sim, plan, case, assignment, rng))
        case = sim.act(case, Action.ACCEPT, sim.handler(assignment.department_id), assignment=assignment)
    return case


def returned(sim, plan, case, assignment, rng):
    """回退: the department asks, the dispatcher agrees and sends the case to the right department."""
    department = assignment.department_id
    case = sim.act(case, Action.REQUEST_RETURN, sim.handler(department), assignment=assignment,
                   note=texts.note(rng, "return"))
    if plan.stop == "return_requested":
        return None
    yield sim.after_hours(decision_hours(rng, plan))
    case = sim.decide(case, ApprovalKind.RETURN, True, sim.centre(case, Role.DISPATCHER), assignment=assignment)
    yield sim.after_hours(rng.uniform(0.2, 2))
    others = [d for d in sim.departments_for(case, busy={department})]
    case = sim.act(case, Action.DISPATCH, sim.centre(case, Role.DISPATCHER), lead=rng.choice(others).pk)
    plan.options.discard("return")
    return (yield from accept_all(sim, plan, case, rng))


def escalate(sim, plan, case, rng):
    """上报 to the county centre, which summons more departments at once (吹哨)."""
    yield sim.after_hours(rng.uniform(1, 8))
    case = sim.act(case, Action.ESCALATE, sim.centre(case, Role.DISPATCHER), note=texts.note(rng, "escalate"))
    yield sim.after_hours(rng.uniform(0.5, 4))
    busy = {a.department_id for a in sim.assignments(case, *AssignmentStatus.values)}
    called = rng.sample(sim.departments_for(case, busy), 2)
    case = sim.act(case, Action.SUMMON, sim.centre(case, Role.DISPATCHER), co=[d.pk for d in called],
                   note=texts.note(rng, "summon"))
    return (yield from accept_all(sim, plan, case, rng))


def extension(sim, plan, case, rng):
    """申请延时 by the lead department, decided by the dispatcher."""
    lead = next((a for a in sim.assignments(case, AssignmentStatus.ACCEPTED) if a.role == AssignmentRole.LEAD), None)
    if lead is None:
        return case
    yield sim.on_clock(case, rng.uniform(0.4, 0.9))
    case = sim.act(case, Action.REQUEST_EXTENSION, sim.handler(lead.department_id), assignment=lead,
                   note=texts.note(rng, "extension"), amount=rng.randint(2, 5), unit=TimeUnit.WORK_DAYS)
    if plan.stop == "extension_requested":
        return None
    yield sim.after_hours(decision_hours(rng, plan))
    approve = rng.random() < 0.8
    return sim.decide(case, ApprovalKind.EXTENSION, approve, sim.centre(case, Role.DISPATCHER), assignment=lead,
                      note="" if approve else "请按原期限办结。")


def handle_all(sim, plan, case, rng):
    """处理反馈 by every department still on the case; slow ones are reminded (催办) or supervised (督办)."""
    working = sim.assignments(case, AssignmentStatus.ACCEPTED)
    times = sorted((sim.on_clock(case, pace(rng, plan)), order, a) for order, a in enumerate(working))
    if times and plan.wants("remind") and times[-1][0] > sim.on_clock(case, 0.85):
        yield sim.on_clock(case, 0.85)
        case = sim.act(case, Action.REMIND, sim.centre(case, Role.DISPATCHER))
    if times and plan.wants("supervise") and times[-1][0] > sim.on_clock(case, 1.05):
        yield sim.on_clock(case, 1.05)
        case = sim.act(case, Action.SUPERVISE, sim.cast.leader or sim.centre(case, Role.SHIFT_LEAD),
                       note=texts.note(rng, "supervise"))
    for when, _order, assignment in times:
        yield when
        files = [photo(rng)] if plan.kind == "urban" and rng.random() < 0.25 else []
        case = sim.act(case, Action.HANDLE, sim.handler(assignment.department_id), assignment=assignment,
                       note=texts.note(rng, "handle", case.kind), files=files)
    return case


def finish(sim, plan, case, rng):
    """核查 by the grid worker, 结案 by the shift lead, 回访; a failed check or an unhappy resident means rework."""
    worker = sim.grid_worker(case)
    if plan.stop == "handled" or worker is None:
        return
    yield sim.on_clock(case, pace(rng, plan))
    if plan.wants("reject"):
        plan.options.discard("reject")
        case = sim.act(case, Action.REJECT, worker, note=texts.note(rng, "reject"))
        case = yield from handle_all(sim, plan, case, rng)
        yield sim.on_clock(case, pace(rng, plan))
    case = sim.act(case, Action.VERIFY, worker)
    if plan.stop == "verified":
        return
    yield sim.on_clock(case, pace(rng, plan))
    if plan.wants("rework"):
        plan.options.discard("rework")
        case = sim.act(case, Action.REWORK, sim.centre(case, Role.SHIFT_LEAD), note=texts.note(rng, "rework"))
        case = yield from handle_all(sim, plan, case, rng)
        yield from finish(sim, plan, case, rng)
        return
    case = sim.act(case, Action.CLOSE, sim.centre(case, Role.SHIFT_LEAD))
    if plan.stop == "closed":
        return
    if sim.nobody_to_call(case):
        yield sim.after_hours(rng.uniform(0.5, 8))
        sim.act(case, Action.NO_CALLBACK, sim.centre(case, Role.INTAKE_CLERK), note=texts.note(rng, "no_callback"))
        return
    yield from callback(sim, plan, case, rng)


def callback(sim, plan, case, rng):
    """回访 by phone from the centre, or by the resident on the tracking page; 不满意 sends it back to work."""
    by_resident = rng.random() < 0.3
    yield sim.clock + timedelta(hours=rng.uniform(2, 60)) if by_resident else sim.after_hours(rng.uniform(2, 20))
    satisfaction = Satisfaction.SATISFIED if plan.fast or case.rework_count else _pick(rng, [
        (Satisfaction.SATISFIED, 0.78), (Satisfaction.BASICALLY, 0.14), (Satisfaction.UNSATISFIED, 0.08)])
    actor = RESIDENT if by_resident else sim.centre(case, Role.INTAKE_CLERK)
    note = texts.NOTES["callback"][2 if satisfaction == Satisfaction.UNSATISFIED else 0]
    case = sim.act(case, Action.CALLBACK, actor, satisfaction=satisfaction, note=note)
    if case.status == S.DISPATCHED:
        case = yield from handle_all(sim, plan, case, rng)
        yield from finish(sim, plan, case, rng)


# --- A photo -----------------------------------------------------------------------------------------


def photo(rng) -> SimpleUploadedFile:
    """A small PNG standing in for a site photo: sky over a grey street, in one of a few tints."""
    return SimpleUploadedFile(f"xianchang-{rng.randrange(10**6):06d}.png", _png(rng.randrange(4)),
                              content_type="image/png")


_PNGS: dict[int, bytes] = {}


def _png(tint: int, width: int = 160, height: int = 120) -> bytes:
    if tint not in _PNGS:
        sky, ground = (150 + 20 * tint, 190, 230 - 10 * tint), (110 + 8 * tint, 110, 105)
        rows = b"".join(b"\x00" + bytes(sky if y < height * 0.55 else ground) * width for y in range(height))
        _PNGS[tint] = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) \
            + _chunk(b"IDAT", zlib.compress(rows)) + _chunk(b"IEND", b"")
    return _PNGS[tint]


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
