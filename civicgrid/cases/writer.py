"""The one writer of the loop: a step is checked and applied in memory (``Work``), then written.

``services.transition`` takes one step on one locked case and writes it at once (``write``); a batch (bulk
intake now; imports, the demo and the exchange between cities next) applies the same step functions to
many cases and writes them together (``bulk``), so both leave the same rows. A step function changes the
case and the records it touches in memory and hands them to ``Work.save``; it never writes itself, and
nothing else assigns a case's status.
"""

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from django.db import models, transaction
from django.utils.translation import gettext as _
from pydantic import BaseModel

from civicgrid.core.inserts import insert, insert_one
from civicgrid.core.records import new
from civicgrid.orgs.models import Department

from . import attachments, deadlines, registry, signals, tally
from .actors import Actor
from .choices import OPEN_STATUSES, ApprovalStatus
from .models import Approval, Assignment, Case, CaseEvent, CaseFollower
from .routing import serving_departments
from .workflow import staff_or_none


class Lookups:
    """What steps read besides the case: time limits and clocks, the departments serving an area, and the
    records that hang off cases (assignments, pending requests, followers, an open case by its number).

    The per-case path asks the database each time; a batch passes one that remembers (``bulk``), or one that
    keeps cases not yet written in memory (``batch``)."""

    def start(self, clock, now: datetime, stage: str, category, priority: str) -> None:
        deadlines.start(clock, now, deadlines.limit_for(category, stage, priority))

    def departments(self, pks) -> dict:
        return Department.objects.in_bulk(pks)

    def serving(self, area_code: str) -> set[int]:
        return {department.pk for department in serving_departments(area_code)}

    def assignments(self, case: Case) -> list[Assignment]:
        return list(case.assignments.select_related("department")) if case.pk else []

    def pending(self, case: Case, kind: str, assignment) -> list[Approval]:
        """The case's pending requests of ``kind`` on ``assignment`` (None: on the case), locked."""
        if case.pk is None:
            return []
        return list(Approval.objects.select_for_update().filter(case=case, kind=kind, assignment=assignment,
                                                                status=ApprovalStatus.PENDING))

    def open_case(self, actor, number: str, exclude: Case) -> Case | None:
        """The open case numbered ``number`` that ``actor`` may see, other than ``exclude``, locked."""
        return Case.objects.restrict(actor).select_for_update(no_key=True).filter(
            number=number, status__in=OPEN_STATUSES).exclude(pk=exclude.pk).first()

    def followers(self, case: Case) -> list[CaseFollower]:
        return list(case.followers.all()) if case.pk else []

    def record(self, case: Case, model):
        """The case's side record of its kind, as written, or a new one."""
        found = model.objects.filter(pk=case.pk).first() if case.pk else None
        return found or model(case=case)


def side_record(case: Case, lookups: Lookups | None = None, related=()):
    """The side record of the case's kind (``registry.Kind.record``): inside a step the step's own
    (``lookups``, a batch's memory included); outside one (the case page's buttons, fragments and block all
    ask) read once per case object, ``related`` joined, or a new unsaved one before any step made it."""
    model = registry.kind(case.kind).record
    if lookups is not None:
        return lookups.record(case, model)
    if "_side_record" not in case.__dict__:
        rows = model.objects.select_related(*related) if related else model.objects
        found = rows.filter(pk=case.pk).first() if case.pk else None
        case.__dict__["_side_record"] = found or model(case=case)
    return case.__dict__["_side_record"]


@dataclass
class Work:
    """A step being taken: what its function gets, and what it leaves for the writer.

    ``saves`` are the records the step changed or made (assignments, approvals, followers, side records),
    written after the case in that order; ``lapse`` the filters of pending requests that lapse with it;
    ``to_status`` the state the step left the case in (later steps of a batch move it on in memory), and
    ``label`` who acted as residents see it, both worked out when the step is applied.
    Values in ``data`` may be records: the event keeps their ids, known once they are written."""

    case: Case
    assignment: Assignment | None
    actor: object
    row: registry.Step
    note: str
    files: list
    now: datetime
    params: BaseModel
    decision: object = None
    data: dict = field(default_factory=dict)
    action: str = ""
    lookups: Lookups = field(default_factory=Lookups)
    saves: list = field(default_factory=list)
    lapse: list = field(default_factory=list)
    from_status: str = ""
    to_status: str = ""
    label: Actor | None = None

    def __post_init__(self):
        self.action = self.action or self.row.action
        self.from_status = self.case.status

    @cached_property
    def assignments(self) -> list[Assignment]:
        """The case's assignments, read once; the one the step is on is the locked instance."""
        found = self.lookups.assignments(self.case)
        if self.assignment is not None and self.assignment.pk is not None:
            found = [self.assignment if a.pk == self.assignment.pk else a for a in found]
        return found

    def record(self):
        """The side record of the case's kind (``registry.Kind.record``), read or made, and handed to ``save``."""
        found = self.lookups.record(self.case, registry.kind(self.case.kind).record)
        self.save(found)
        return found

    def save(self, *records) -> None:
        self.saves.extend(record for record in records if not any(record is kept for kept in self.saves))

    def lapse_requests(self, assignment=None) -> None:
        """Requests about work that has moved on can no longer be decided; they lapse instead of waiting forever:
        those on ``assignment``, or without one all the case's."""
        self.lapse.append(Lapse(ALL if assignment is None else assignment))


ALL = "all"


@dataclass(frozen=True)
class Lapse:
    """Pending requests of a case that lapse with a step: those on one assignment (``on``; None for the
    case's own requests, ``ALL`` for every one), of ``kinds`` (any, when empty)."""

    on: object = ALL
    kinds: tuple = ()

    def filter(self) -> dict:
        where = {} if self.on == ALL else {"assignment": self.on}
        return where | ({"kind__in": self.kinds} if self.kinds else {})

    def matches(self, approval: Approval) -> bool:
        """The same test in memory, for a batch whose requests are not written yet."""
        on = self.on == ALL or approval.assignment is self.on
        return on and approval.status == ApprovalStatus.PENDING and (not self.kinds or approval.kind in self.kinds)

    def settle(self, approval: Approval, now: datetime) -> None:
        approval.status, approval.decided_at, approval.decision_note = ApprovalStatus.LAPSED, now, lapsed_note()


def lapsed_note() -> str:
    return _("案件已进入下一环节，申请自动失效。")


def write(work: Work) -> CaseEvent:
    """One step on one case, inside the caller's transaction: the case, its records, the event, the files."""
    work.case.save()
    for record in work.saves:
        _save(record)
    _lapse(work)
    event = insert_one(event_for(work))
    attachments.store(work.case, event, work.files, staff_or_none(work.actor))
    signals.written([event])
    # Last: the figures' rows are shared by many cases, so their locks are held for the shortest time.
    tally.count([work.case, *(record for record in work.saves if isinstance(record, Case))])
    transaction.on_commit(lambda: _after(event.pk))
    return event


def _save(record) -> None:
    """A record the step made goes in with one ``INSERT``; one it read is saved as Django saves it."""
    if record._state.adding:
        insert_one(record)
    else:
        record.save()


def write_many(works: list[Work], changed: dict | None = None) -> list[CaseEvent]:
    """Many steps in one go, a model at a time: new records inserted, and of records that exist (the cases
    among them) the fields ``changed`` names per model; then the events, the requests the steps let lapse
    and the files. The cases of new cases are inserted by the caller first. Later steps of a case come after
    its earlier ones, as they were applied."""
    changed = changed or {}
    by_model: dict[type, list] = {}
    for work in works:
        for record in ([work.case] if Case in changed else []) + work.saves:
            by_model.setdefault(type(record), []).append(record)
    for model in _dependency_order(by_model):
        _insert_or_update(model, by_model[model], changed.get(model, ()))
    if Case in changed:
        tally.count({id(work.case): work.case for work in works}.values())
    events = insert(CaseEvent, [event_for(work) for work in works])
    for work, event in zip(works, events):
        _lapse_asked(work)
        attachments.store(work.case, event, work.files, staff_or_none(work.actor))
    signals.written(events)
    return events


BATCH = 1000


def _dependency_order(models_) -> list:
    """Each model after the models its keys point to: a batch's new assignments before the requests on them."""
    ordered, left = [], list(models_)
    while left:
        ready = next((m for m in left if not _points_to(m, set(left) - {m})), left[0])
        ordered.append(ready)
        left.remove(ready)
    return ordered


def _points_to(model, others: set) -> bool:
    return any(field.related_model in others for field in model._meta.concrete_fields if field.is_relation)


def _insert_or_update(model, records: list, fields) -> None:
    unique = list({id(record): record for record in records}.values())
    existing = [r for r in unique if not r._state.adding]  # a side record's pk is its case's before it exists
    insert(model, [r for r in unique if r._state.adding])
    if existing and fields:
        model.objects.bulk_update(existing, list(fields), batch_size=BATCH)


def event_for(work: Work) -> CaseEvent:
    return new(CaseEvent, case=work.case, assignment=work.assignment, action=work.action,
               actor=staff_or_none(work.actor), **work.label.stored(), from_status=work.from_status,
               to_status=work.to_status, note=work.note, data=ids(work.data), created_at=work.now)


def ids(value):
    """Records stand for their ids (a case for its number): in an event's data, and in a step's input."""
    if isinstance(value, dict):
        return {key: ids(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [ids(item) for item in value]
    if isinstance(value, Case):
        return value.number
    return value.pk if isinstance(value, models.Model) else value


def _lapse(work: Work) -> None:
    _lapse_asked(work, stale(work))


def _lapse_asked(work: Work, more=()) -> None:
    """The pending requests the step let lapse; the per-case path adds those the case's new state ends."""
    for lapse in [*work.lapse, *more]:
        Approval.objects.filter(case=work.case, status=ApprovalStatus.PENDING, **lapse.filter()).update(
            status=ApprovalStatus.LAPSED, decided_at=work.now, decision_note=lapsed_note())


def stale(work: Work) -> list[Lapse]:
    """Case-level requests whose approving step the case's new state no longer allows lapse."""
    kinds = tuple(row.approves for row in registry.steps()
                  if row.approves and not row.on_assignment and work.case.status not in row.sources)
    return [Lapse(None, kinds)] if kinds else []


def _after(event_id: int) -> None:
    from .tasks import after_transition

    after_transition.enqueue(event_id)
