"""A batch of cases filed and moved on in memory, then written together: the demo now; imports and the
exchange between cities next.

Each report and each step goes through the same checks and step functions as the per-case path
(``intake.prepare_case``, ``services.prepare``); what a step reads besides its case (assignments, pending
requests, followers, an open case by number, limits, departments) comes from the batch instead of the
database (``Memory``). The deadline sweep's rules run on the batch's cases too (``sweep``). ``write`` then puts
it all in with a few inserts per model: the cases, numbered as the per-case path numbers them, their report
events, every step through ``writer.write_many`` and the notices. Requests that lapse are settled in memory,
so every record is inserted once, in its final state, and the rows are those the per-case path leaves.

Run a batch inside one transaction: the counter of case numbers of each county and day it files on is locked
from its first number until the batch is written.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.transaction import TransactionManagementError
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.core.inserts import insert
from civicgrid.notifications.models import Notice
from civicgrid.notifications.services import notices
from civicgrid.orgs.models import Department
from civicgrid.orgs.services import Serving

from . import attachments, deadlines, intake, services, signals, sweep, tally, workflow, writer
from .choices import OPEN_STATUSES, ApprovalStatus
from .models import Approval, Assignment, Case, CaseEvent, CaseFollower
from .notices import centre_staff
from .workflow import Action


@dataclass
class _Held:
    """What the batch keeps of one case: its report, its assignments and requests in the order made, the
    sweep's last reminder per assignment and the side record of its kind."""

    report: CaseEvent
    files: list
    user: object
    assignments: list = field(default_factory=list)
    approvals: list = field(default_factory=list)
    reminded: dict = field(default_factory=dict)
    record: object = None


class Batch:
    """Cases filed and stepped in memory (``file``, ``take``, ``decide``, ``sweep``), written by ``write``."""

    def __init__(self):
        self.cases: list[Case] = []
        self.held: dict[int, _Held] = {}
        self.works: list[writer.Work] = []
        self.notices: list[Notice] = []
        self.followers: list[CaseFollower] = []
        self.numbers = _Numbers()
        self.lookups = Memory(self)

    def file(self, report: intake.Report, user, now: datetime) -> Case:
        """信息采集 as ``intake.file_case`` does it, numbered at once (a merge names its original by number)."""
        case, placement = intake.prepare_case(report, user, now, self.lookups.limits)
        case.number = self.numbers.next(case.area_code, now)
        self.cases.append(case)
        self.held[id(case)] = _Held(intake.report_event(case, report, user, placement.warning), report.files, user)
        return case

    def take(self, case: Case, action: str, actor, *, now: datetime, assignment=None, note: str = "", files=(),
             decision=None, **params) -> Case:
        """One step, as ``services.transition`` checks and applies it; nothing is written yet."""
        workflow.known_assignments(case, self.held[id(case)].assignments)
        work = services.prepare(case, action, actor, assignment=assignment, note=note, files=files, now=now,
                                params=params, decision=decision, lookups=self.lookups)
        self._keep(work)
        return case

    def decide(self, case: Case, kind: str, approve: bool, actor, *, now: datetime, assignment=None,
               note: str = "") -> Case:
        """审批 of the case's pending request of ``kind``, as ``services.decide`` does it."""
        approval = self.pending(case, kind, assignment)
        if approval is None:
            raise workflow.InvalidInput(_("该申请已被处理，请刷新页面。"))
        action, note, params, decision = services.answer(approval, approval, approve, note)
        return self.take(case, action, actor, now=now, assignment=assignment, note=note, decision=decision,
                         **params)

    def pending(self, case: Case, kind: str, assignment=None) -> Approval | None:
        return next(iter(self.lookups.pending(case, kind, assignment)), None)

    def assignments(self, case: Case, *statuses) -> list[Assignment]:
        return [a for a in self.held[id(case)].assignments if a.status in statuses]

    def sweep(self, now: datetime) -> None:
        """超期扫描 at ``now``, as ``sweep.run`` marks the database: late cases, late assignments, yellow lights."""
        open_cases = [case for case in self.cases if case.status in OPEN_STATUSES]
        for case in sorted((c for c in open_cases if sweep.is_late_case(c, now)), key=lambda c: c.due_at):
            self._system(case, Action.OVERDUE, now, None, sweep.case_notice(case))
        held = [(a, case) for case in open_cases for a in self.held[id(case)].assignments]
        for a, case in sorted((p for p in held if sweep.is_late_assignment(*p, now)), key=lambda p: p[0].due_at):
            self._system(case, Action.OVERDUE, now, a, sweep.assignment_notice(a))
        yellow = [p for p in held if sweep.is_yellow(*p, now, self.held[id(p[1])].reminded.get(id(p[0])))]
        for a, case in sorted(yellow, key=lambda p: p[0].due_at):
            self.held[id(case)].reminded[id(a)] = now
            self._system(case, Action.REMIND, now, a, sweep.reminder_notice(a))

    def _system(self, case, action, now, assignment, notice) -> None:
        workflow.known_assignments(case, self.held[id(case)].assignments)
        self._keep(services.apply_system(case, action, now, assignment, lookups=self.lookups))
        self.notices += notices(self.lookups.staff(case, assignment), *notice, case, at=now)

    def _keep(self, work: writer.Work) -> None:
        """Index what the step made, and settle in memory the requests it let lapse (they are written once)."""
        held = self.held[id(work.case)]
        for record in work.saves:
            if isinstance(record, Approval) and record not in held.approvals:
                held.approvals.append(record)
            if isinstance(record, CaseFollower) and record not in self.followers:
                self.followers.append(record)
        for lapse in [*work.lapse, *writer.stale(work)]:
            for approval in filter(lapse.matches, held.approvals):
                lapse.settle(approval, work.now)
        work.lapse = []
        self.works.append(work)

    def write(self) -> list[CaseEvent]:
        """Everything in: the number counters, the cases, their reports and files, the steps, the notices."""
        self.numbers.save()
        _insert_cases(self.cases)
        held = [self.held[id(case)] for case in self.cases]
        reports = insert(CaseEvent, [h.report for h in held])
        for case, h, event in zip(self.cases, held, reports):
            attachments.store(case, event, h.files, h.user)
        signals.written(reports)
        events = writer.write_many(self.works)
        insert(Notice, self.notices)
        return reports + events


def _insert_cases(cases: list[Case]) -> None:
    """Cases before those that point at them (a merged duplicate at its original), a round at a time."""
    left = cases
    while left:
        ready = [case for case in left if _ready(case)]
        if not ready:
            raise ValueError("A case of the batch points at a case that is never written.")
        tally.count(insert(Case, ready))
        left = [case for case in left if case.pk is None]


def _ready(case: Case) -> bool:
    return all(other is None or other.pk is not None for other in (case.duplicate_of, case.parent))


class Memory(writer.Lookups):
    """What steps read, from the batch: its cases' records in memory, limits, departments and staff remembered."""

    def __init__(self, batch: Batch):
        self.batch = batch
        self.limits = deadlines.LimitCache()
        self.known: dict[int, Department] = {}
        self.serving = Serving()
        self.staff_by: dict[tuple, list] = {}

    def start(self, clock, now, stage, category, priority) -> None:
        deadlines.start(clock, now, self.limits.get(category, stage, priority))

    def departments(self, pks) -> dict:
        missing = [pk for pk in pks if pk not in self.known]
        if missing:
            self.known.update(Department.objects.in_bulk(missing))
        return {pk: self.known[pk] for pk in pks if pk in self.known}

    def assignments(self, case: Case) -> list[Assignment]:
        return self.batch.held[id(case)].assignments

    def pending(self, case: Case, kind: str, assignment) -> list[Approval]:
        return [a for a in self.batch.held[id(case)].approvals
                if a.status == ApprovalStatus.PENDING and a.kind == kind and a.assignment is assignment]

    def open_case(self, actor, number: str, exclude: Case) -> Case | None:
        """Among the batch's cases first (those the actor may see), then those written before it."""
        for case in self.batch.cases:
            if case.number == number and case is not exclude:
                visible = case.status in OPEN_STATUSES and _sees(actor, case)
                return case if visible else None
        return super().open_case(actor, number, exclude)

    def followers(self, case: Case) -> list[CaseFollower]:
        return [f for f in self.batch.followers if f.case is case]

    def record(self, case: Case, model):
        held = self.batch.held[id(case)]
        if held.record is None:
            held.record = model(case=case)
        return held.record

    def staff(self, case: Case, assignment) -> list[int]:
        """Whom the sweep tells: the department's staff about an assignment, the centre's about a case."""
        key = ("department", assignment.department_id) if assignment else ("centre", case.centre_area_id)
        if key not in self.staff_by:
            found = sweep.department_staff_of(key[1]) if assignment else centre_staff(key[1])
            self.staff_by[key] = list(found)
        return self.staff_by[key]


def _sees(actor, case: Case) -> bool:
    """``Case.objects.restrict(actor)`` for one case in memory."""
    return getattr(actor, "is_authenticated", False) and actor.scope.covers(case.area_code)


class _Numbers:
    """案件编号 as ``intake.next_number`` gives them. The first of a county and day is reserved at once, which locks
    that day's counter until the batch's transaction ends; the others are counted on in memory and reserved
    together when the batch is written (``save``), so no other filing can take them in between."""

    def __init__(self):
        self.first: dict[tuple, int] = {}
        self.used: dict[tuple, int] = {}

    def next(self, area_code: str, now: datetime) -> str:
        key = (intake.number_prefix(area_code), timezone.localdate(now))
        if key not in self.first:
            if not transaction.get_connection().in_atomic_block:
                raise TransactionManagementError("A batch numbers its cases inside one transaction (atomic).")
            self.first[key], self.used[key] = intake.reserve_numbers(*key), 0
        self.used[key] += 1
        return intake.format_number(*key, self.first[key] + self.used[key] - 1)

    def save(self) -> None:
        for key, used in self.used.items():
            if used > 1:
                intake.reserve_numbers(*key, used - 1)
