"""批量受理: many reports filed, registered and dispatched at once, for imports, the API and the intake bench.

``file_many`` gives each report what the per-case path gives it, ``intake.file_case`` and then, as
``user``, ``transition(register)`` and ``transition(dispatch)`` to the departments the routing rules
propose: the same status, version, clocks, numbering, events, assignments, notices and resident SMS.
It checks every report and every step with the same code (``intake.check``, ``workflow.check``) and takes
the steps with their own functions through the one writer (``services.apply``, ``writer.write_many``), but
does the work a batch at a time: the points are located in one vectorised call, areas, rules, limits,
the calendar and department staff are read once, the number counter of each county and day moves once,
and the rows are written with a few bulk inserts in one transaction.

Two things differ on purpose. A report that fails its checks is not filed and comes back in
``errors`` instead of raising, so one bad row does not stop an import. The SMS telling residents
their case was registered are queued in the outbox in one insert and go out with the outbox's
periodic delivery (``notifications.tasks.retry_due``, every minute) rather than one task each.
"""

from dataclasses import dataclass, field, replace
from datetime import datetime

import numpy as np
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.core import calendar
from civicgrid.core.collector import pausing
from civicgrid.core.inserts import insert
from civicgrid.core.records import new
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.coords import CoordinateError, to_wgs84
from civicgrid.geo.locator import get_index
from civicgrid.geo.models import Area
from civicgrid.notifications.choices import Channel as MessageChannel
from civicgrid.notifications.choices import NoticeKind
from civicgrid.notifications.models import Notice, OutboxMessage
from civicgrid.notifications.services import notices
from civicgrid.notifications.texts import site_language
from civicgrid.orgs.choices import DEPARTMENT_ROLES
from civicgrid.orgs.models import Department, RoleAssignment
from civicgrid.orgs.services import Serving

from . import attachments, deadlines, intake, services, signals, tally, workflow, writer
from .choices import Stage, Status
from .extra import extra_value_errors
from .models import Assignment, Case, CaseEvent
from .models.categories import read_all_fields
from .notices import NEW_TASK, RESIDENT_TEXTS
from .routing import RuleBook
from .workflow import Action


@dataclass
class Filed:
    """What ``file_many`` did: the cases filed (report order), and why some reports or steps were refused."""

    cases: list[Case] = field(default_factory=list)
    errors: dict[int, dict[str, str]] = field(default_factory=dict)
    not_dispatched: dict[int, str] = field(default_factory=dict)


@dataclass
class _Item:
    """One report on its way in: its position in the batch, its placement, the case, and its route."""

    index: int
    report: intake.Report
    placement: intake.Placement
    case: Case | None = None
    works: list = field(default_factory=list)

    @property
    def assignments(self) -> list[Assignment]:
        return [record for work in self.works for record in work.saves if isinstance(record, Assignment)]


@pausing  # a batch's objects live until it is written: the cycle collector's passes would find nothing
def file_many(reports, user=None, *, dispatch: bool = True, now: datetime | None = None) -> Filed:
    """File ``reports`` (a list of ``intake.Report``); with ``dispatch``, register and dispatch them as ``user``."""
    now, filed = now or timezone.now(), Filed()
    items = _checked(list(reports), user, filed.errors)
    if not items:
        return filed
    clocks = _Clocks(now)
    _cases(items, user, now, clocks)
    if dispatch:
        _take_steps(items, user, clocks, filed.not_dispatched)
    with transaction.atomic():
        _number(items, now)
        tally.count(insert(Case, [item.case for item in items]))
        _write(items, user, now)
    filed.cases = [item.case for item in items]
    return filed


# --- Checking and placing ------------------------------------------------------------------------


class _Category:
    """A category whose extra fields are read once per batch: ``intake.check`` asks for them per report."""

    def __init__(self, category, fields):
        self._category, self._fields = category, fields

    def __getattr__(self, name):
        return getattr(self._category, name)

    def extra_value_errors(self, values: dict) -> dict[str, str]:
        return extra_value_errors(self._fields, values)


def _checked(reports: list, user, errors: dict) -> list[_Item]:
    """The reports that pass every check of the per-case path, placed; the others' messages go in ``errors``.

    Where ``file_case`` refuses a filer who may not use the report's channel outright, here that is the
    report's ``channel`` error.
    """
    categories = {r.category.pk: r.category for r in reports if r.category is not None}
    fields = _fields(categories.values())
    categories = {pk: _Category(category, fields[pk]) for pk, category in categories.items()}
    grids = _locate(reports)
    allowed = intake.channels_for(user)  # the filer's roles, read once for the batch
    details = intake.may_file_details(user)
    items = []
    for index, report in enumerate(reports):
        problems = intake.check(replace(report, category=report.category and categories[report.category.pk]))
        problems.update(intake.detail_problems(report, details))
        intake.check_unit(problems, report, user)
        if report.channel not in allowed:
            problems.update(_filer_problem(user, report.channel))
        placement = grids.get(index) or intake.place(report, problems)
        if problems:
            errors[index] = problems
        else:
            items.append(_Item(index, report, placement))
    return items


def _filer_problem(user, channel: str) -> dict[str, str]:
    try:
        intake.check_filer(user, channel)
    except workflow.NotAllowed as error:
        return {"channel": error.message}
    return {}


def _fields(categories) -> dict[int, list]:
    """Each category's extra fields (``Category.all_fields``: its ancestors' and its own), in one query."""
    categories = list(categories)
    read_all_fields(categories)
    return {category.pk: category.all_fields() for category in categories}


def _locate(reports: list) -> dict[int, intake.Placement]:
    """Placements of the reports whose point lies in a grid, found in one call; the rest go the per-case way."""
    points = {}
    for index, report in enumerate(reports):
        if report.longitude is not None and report.latitude is not None and report.unit is None:
            try:
                points[index] = to_wgs84(report.longitude, report.latitude, report.system)
            except CoordinateError:
                continue  # intake.place says why, in the report's errors
    if not points:
        return {}
    lons, lats = np.array(list(points.values())).T
    codes = get_index().locate_many(lons, lats)
    areas = Area.objects.in_bulk({code for code in codes if code is not None}, field_name="code")
    return {index: intake.Placement(areas[code], lon, lat)
            for (index, (lon, lat)), code in zip(points.items(), codes) if code is not None}


# --- Building the cases ------------------------------------------------------------------------------


def _cases(items: list[_Item], user, now: datetime, clocks: "_Clocks") -> None:
    """Each report as ``intake.file_case`` builds it, with its 立案 clock running."""
    centres = _centres(item.placement.area for item in items)
    for item in items:
        item.case = _case(item.report, item.placement, centres, user, now)
        clocks.start(item.case, Stage.REGISTER)


def _centres(areas) -> dict[str, Area]:
    """The township centre of every grid (``intake.handling_centre``), read in one query."""
    wanted = {area.code[:9] for area in areas if area.level > AreaLevel.TOWNSHIP}
    return Area.objects.in_bulk(wanted, field_name="code")


def _case(report, placement, centres, user, now) -> Case:
    area = placement.area
    centre = area if area.level <= AreaLevel.TOWNSHIP else centres[area.code[:9]]
    return intake.build_case(report, placement, user, now, centre_area=centre)


def _take_steps(items: list[_Item], user, clocks: "_Clocks", refused: dict) -> None:
    """立案 and 派遣 as ``user`` where the workflow allows them: the steps' own functions, applied in memory
    with lookups that remember, before anything is written."""
    rules = _Rules({item.case.category for item in items})
    lookups = _BatchLookups(clocks, rules.departments())
    unnumbered = _("新案件")  # refusals name the case; its number is given out when it is written
    for item in items:
        item.case.number = unnumbered
        item.works = _applied_steps(item, user, rules, lookups, refused)


def _applied_steps(item: _Item, user, rules: "_Rules", lookups: "_BatchLookups", refused: dict) -> list:
    """The register and dispatch steps taken on the case, as far as the workflow allows; why not in ``refused``."""
    done = []
    try:
        done.append(_apply(item.case, Action.REGISTER, user, lookups, {}))
        lead, *co = rules.route(item.case) or [None]
        done.append(_apply(item.case, Action.DISPATCH, user, lookups,
                           {"lead": getattr(lead, "pk", None), "co": [d.pk for d in co]}))
    except workflow.WorkflowError as error:
        refused[item.index] = error.message
    return done


def _apply(case: Case, action: str, user, lookups, params: dict) -> writer.Work:
    return services.prepare(case, action, user, now=lookups.now, params=params, lookups=lookups)


class _Rules:
    """The rules' proposals, each worked out once per category and area prefix the rules can tell apart.

    Which rules match an area is told by the longest rule prefix its code starts with: the others that match
    are exactly the rule prefixes that start that one. So areas sharing it share the proposal."""

    def __init__(self, categories):
        self.rules = RuleBook()
        self.rules.preload(categories)
        self.prefixes = {rule.area_prefix for rule in self.rules.rules}
        self.lengths = sorted({len(prefix) for prefix in self.prefixes}, reverse=True)
        self.known: dict[tuple, list] = {}

    def departments(self) -> list[Department]:
        """The departments the rules name, read with them: dispatch need not read them again."""
        return [d for rule in self.rules.rules for d in (rule.lead_department, *rule.co_departments.all()) if d]

    def route(self, case: Case) -> list:
        """Lead first, then co-departments; empty when no rule or default names a lead."""
        key = (case.category.pk, self._prefix(case.area_code))
        if key not in self.known:
            self.known[key] = self.rules.propose(case.category, case.area_code).departments
        return self.known[key]

    def _prefix(self, area_code: str) -> str:
        """The longest rule prefix ``area_code`` starts with ("" when none does)."""
        return next((area_code[:n] for n in self.lengths if area_code[:n] in self.prefixes), "")


class _BatchLookups(writer.Lookups):
    """What the steps read, for a batch filed at one instant: clocks worked out once per limit, the
    departments and the areas they serve read once (as ``routing.serving_departments`` finds them)."""

    def __init__(self, clocks: "_Clocks", departments=()):
        self.clocks, self.now = clocks, clocks.now
        self.serving = Serving()
        self.known = {department.pk: department for department in departments}

    def start(self, clock, now, stage, category, priority) -> None:
        self.clocks.start(clock, stage, category, priority)

    def departments(self, pks) -> dict:
        missing = [pk for pk in pks if pk not in self.known]
        if missing:
            self.known.update(Department.objects.in_bulk(missing))
        return {pk: self.known[pk] for pk in pks if pk in self.known}


class _Clocks:
    """Stage clocks for a batch filed at one instant: the same limit gives the same instants, worked out once.

    Limits come from ``deadlines``' book of the whole table, as every path reads them; ``deadlines`` does the
    arithmetic, on the calendar taken once.
    """

    def __init__(self, now: datetime):
        self.now, self.work = now, calendar.current()
        self.limits = deadlines.LimitCache()
        self.known: dict[tuple, tuple] = {}
        self.scratch = Case()

    def start(self, clock, stage: str, category=None, priority=None) -> None:
        limit = self.limits.get(category or clock.category, stage, priority or clock.priority)
        if limit not in self.known:
            deadlines.start(self.scratch, self.now, limit, self.work)
            self.known[limit] = tuple(getattr(self.scratch, name) for name in CLOCK)
        for name, value in zip(CLOCK, self.known[limit]):
            setattr(clock, name, value)


CLOCK = ("started_at", "warn_at", "due_at", "limit_unit", "overdue")


# --- Writing -----------------------------------------------------------------------------------------


def _number(items: list[_Item], now: datetime) -> None:
    """County code + date + sequence, as ``intake.next_number``: each county's numbers reserved in one go, the
    counties in order, so that two batches take their counters' locks in the same order."""
    day = timezone.localdate(now)
    by_prefix: dict[str, list[Case]] = {}
    for item in items:
        by_prefix.setdefault(intake.number_prefix(item.case.area_code), []).append(item.case)
    for prefix in sorted(by_prefix):
        cases = by_prefix[prefix]
        first = intake.reserve_numbers(prefix, day, len(cases))
        for sequence, case in enumerate(cases, start=first):
            case.number = intake.format_number(prefix, day, sequence)


def _write(items: list[_Item], user, now: datetime) -> None:
    """The events, assignments, files, notices and SMS of each case's report, register and dispatch steps."""
    events = [intake.report_event(item.case, item.report, user, item.placement.warning) for item in items]
    insert(CaseEvent, events)
    for item, event in zip(items, events):
        attachments.store(item.case, event, item.report.files, user)
    signals.written(events)
    writer.write_many([work for item in items for work in item.works])
    _tell_departments([item for item in items if len(item.works) == 2])
    _tell_residents([item for item in items if item.works])


def _tell_departments(dispatched: list[_Item]) -> None:
    """新派遣案件 notices to the staff of every department dispatched to, as ``notices`` sends them."""
    department_ids = {a.department_id for item in dispatched for a in item.assignments}
    staff: dict[int, list[int]] = {}
    for department_id, staff_id in RoleAssignment.objects.filter(
            department_id__in=department_ids, role__in=DEPARTMENT_ROLES).values_list("department_id", "staff_id"):
        staff.setdefault(department_id, []).append(staff_id)
    written = []
    for item in dispatched:
        text = NEW_TASK(number=item.case.number, title=item.case.title[:40])
        recipients = [s for a in item.assignments for s in staff.get(a.department_id, [])]
        written += notices(recipients, NoticeKind.NEW_TASK, text, item.case)
    insert(Notice, written)


def _tell_residents(registered: list[_Item]) -> None:
    """受理 SMS to each reporter, queued for the outbox's periodic delivery."""
    link = settings.CIVICGRID_PUBLIC_URL.rstrip("/") + reverse("public:track")
    with site_language():
        text = RESIDENT_TEXTS[Status.REGISTERED]()
    insert(OutboxMessage, [
        new(OutboxMessage, channel=MessageChannel.SMS, recipient=item.case.reporter_phone,
            body=text % {"number": item.case.number, "link": link})
        for item in registered if item.case.reporter_phone])

