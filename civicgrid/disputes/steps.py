"""What each of the dispute's steps does, once ``cases.services`` has allowed it (registered in ``services.py``).

One function per step: ``step(work, params)``. It checks what its schema cannot, raising ``InvalidInput`` with
a sentence naming the field before anything changes, then changes the case, the dispute (``work.record()``)
and the records hanging off it in memory and hands them to ``work.save``; the one writer writes them.

Records a batch (the demo) makes are not in the database until it is written, so the children a step must
count (parties, mediators) are read from the database and from those kept on the dispute in memory
(``_held``); the per-case path keeps only the current step's there.
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases import deadlines
from civicgrid.cases.choices import ACTIVE_ASSIGNMENT_STATUSES, Stage
from civicgrid.cases.choices import AssignmentStatus as A
from civicgrid.cases.choices import Status as S
from civicgrid.cases.registry import NoParams
from civicgrid.cases.workflow import InvalidInput
from civicgrid.cases.writer import side_record
from civicgrid.core.validators import id_number_is_valid, validate_mainland_phone

from . import choices as c
from .inputs import (
    AcceptIn,
    AgreementIn,
    ConfirmationIn,
    DetailsIn,
    FollowUpIn,
    MediatorsIn,
    PartyIn,
    PerformanceIn,
    RouteIn,
    SessionIn,
    TransferIn,
)
from .models import Agreement, Committee, Dispute, FollowUp, Mediator, Party, Session, Transfer

MEDIATE = "mediate"  # the 化解 stage: from 受理 to the end of mediation
CONCLUDED = frozenset({c.Outcome.AGREEMENT, c.Outcome.ORAL, c.Outcome.FAILED})
AGREED = frozenset({c.Outcome.AGREEMENT, c.Outcome.ORAL})


def _refuse(field: str, message: str):
    raise InvalidInput(message, {field: message})


def _held(record, name: str) -> list:
    """Children of ``record`` made in memory and not written yet (a batch's; the per-case path's own step's)."""
    return record.__dict__.setdefault(f"_held_{name}", [])


def parties(dispute: Dispute) -> list[Party]:
    written = list(Party.objects.filter(dispute_id=dispute.pk)) if _written(dispute) else []
    return written + _held(dispute, "parties")


def mediator_ids(dispute: Dispute) -> set[int]:
    through = Dispute.mediators.through
    written = set(through.objects.filter(dispute_id=dispute.pk).values_list("mediator_id", flat=True)) \
        if _written(dispute) else set()
    return written | {row.mediator_id for row in _held(dispute, "mediators")}


def _written(dispute: Dispute) -> bool:
    return dispute.case.pk is not None and not dispute._state.adding


def _local_date(moment: datetime) -> date:
    return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()


def _aware(moment: datetime) -> datetime:
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


# ---- 受理登记: the dispute's details and its parties


def record_details(work, params: DetailsIn) -> None:
    """登记纠纷信息: scale, people, organisations, when it happened and how it came (the summary is the
    case's description, its type the category)."""
    _check_occurred(work, params.occurred_on)
    dispute = work.record()
    given = params.model_dump(exclude_unset=True, exclude_none=True)
    for name in ("scale", "people_involved", "organisations_involved", "occurred_on", "source", "referrer"):
        if name in given:
            setattr(dispute, name, given[name])
    if dispute.source != c.Source.REFERRED:
        dispute.referrer = ""
    elif not dispute.referrer:
        _refuse("referrer", _("纠纷来源为“移交委托”时，请选择移交委托单位。"))
    work.data.update(scale=dispute.scale, people=dispute.people_involved, source=dispute.source)


def _check_occurred(work, occurred_on) -> None:
    if occurred_on is not None and occurred_on > _local_date(work.now):
        _refuse("occurred_on", _("发生日期不能晚于今天。"))


def add_party(work, params: PartyIn) -> None:
    """添加当事人: one person or organisation in the dispute, checked before it is kept."""
    _check_party(params)
    dispute = work.record()
    party = Party(dispute=dispute, role=params.role, name=params.name.strip(), id_type=params.id_type,
                  id_number=params.id_number.strip().upper(), sex=params.sex or "", ethnic_group=params.ethnic_group,
                  address=params.address.strip(), phone=params.phone.strip(), added_at=work.now)
    _held(dispute, "parties").append(party)
    work.save(party)
    work.data.update(role=party.role)


def _check_party(params: PartyIn) -> None:
    if params.role is None:
        _refuse("role", _("请选择当事人身份（申请人、被申请人或其他当事人）。"))
    if not params.name.strip():
        _refuse("name", _("请填写当事人姓名或名称。"))
    number = params.id_number.strip().upper()
    if params.id_type == c.IdType.RESIDENT_ID and number and not id_number_is_valid(number):
        _refuse("id_number", _("证件号码不是有效的居民身份证号码（18 位，末位校验码不符或格式错误）。"))
    if params.ethnic_group and params.ethnic_group not in dict(c.ETHNIC_GROUP_CHOICES):
        _refuse("ethnic_group", _("请从列表中选择民族。"))
    _check_phone(params.phone.strip())


def _check_phone(phone: str) -> None:
    try:
        validate_mainland_phone(phone)
    except ValidationError:
        _refuse("phone", _("联系电话不是有效的手机号或固定电话号码。"))


# ---- 受理 or 不予受理


def accept(work, params: AcceptIn) -> None:
    """受理: a committee serving the dispute's area takes it on; the 化解 clock starts."""
    committee = _serving_committee(work.case, params.committee)
    dispute = work.record()
    dispute.committee, dispute.method, dispute.accepted_at = committee, params.method, work.now
    dispute.outcome = c.Outcome.PENDING
    work.case.status = S.DISPATCHED
    _start(work, MEDIATE)
    work.data.update(committee=committee.name, method=params.method)


def _serving_committee(case, pk) -> Committee:
    if pk is None:
        _refuse("committee", _("请选择受理的调解组织。"))
    committee = Committee.objects.select_related("area").filter(pk=pk, active=True).first()
    if committee is None:
        _refuse("committee", _("所选调解组织不存在或已停用。"))
    if not case.area_code.startswith(committee.area.code):
        _refuse("committee", _("%(committee)s不负责纠纷所在区域，不能受理。") % {"committee": committee.name})
    return committee


def decline(work, params: RouteIn) -> None:
    """不予受理: the reason (the note) and where the parties should turn instead; the case is finished."""
    route = _route(params)
    dispute = work.record()
    dispute.outcome, dispute.route, dispute.account = c.Outcome.DECLINED, route, work.note
    _finish(work)
    work.data.update(route=route)


def _route(params: RouteIn) -> str:
    if params.route is None:
        _refuse("route", _("请选择后续途径（诉讼、仲裁、行政处理、信访或其他调解组织）。"))
    return params.route


def _finish(work) -> None:
    case = work.case
    case.status, case.closed_at, case.suspended_at = S.CLOSED, work.now, None
    deadlines.stop(case)
    work.lapse_requests()
    for assignment in [a for a in work.assignments if a.status in ACTIVE_ASSIGNMENT_STATUSES]:
        deadlines.stop(assignment)
        assignment.status = A.CANCELLED
        work.save(assignment)


def _start(work, stage: str) -> None:
    case = work.case
    work.lookups.start(case, work.now, stage, case.category, case.priority)


# ---- 调解: mediators, sessions, transfers


def assign(work, params: MediatorsIn) -> None:
    """指派调解员: from the pool of the committee that accepted the dispute."""
    dispute = work.record()
    chosen = _pool_members(dispute, params.mediators)
    taken = mediator_ids(dispute)
    through = Dispute.mediators.through
    for mediator in chosen:
        if mediator.pk in taken:
            _refuse("mediators", _("%(name)s已是本纠纷的承办调解员。") % {"name": mediator.name})
    rows = [through(dispute=dispute, mediator=mediator) for mediator in chosen]
    _held(dispute, "mediators").extend(rows)
    work.save(*rows)
    work.data.update(mediators=[m.name for m in chosen])


def _pool_members(dispute: Dispute, pks: list[int]) -> list[Mediator]:
    if not pks:
        _refuse("mediators", _("请至少选择一名调解员。"))
    found = Mediator.objects.filter(pk__in=pks, committee_id=dispute.committee_id, active=True).in_bulk()
    if len(found) != len(set(pks)):
        _refuse("mediators", _("所选调解员须是受理本纠纷的调解组织在岗的调解员。"))
    return [found[pk] for pk in dict.fromkeys(pks)]


def record_session(work, params: SessionIn) -> None:
    """调解记录: not before the dispute was filed (or happened), not in the future."""
    held_at = _session_time(work, params.held_at)
    for name in ("place", "participants", "minutes"):
        if not getattr(params, name).strip():
            _refuse(name, _("请填写%(field)s。") % {"field": SessionIn.model_fields[name].title})
    dispute = work.record()
    session = Session(dispute=dispute, held_at=held_at, place=params.place.strip(), mode=params.mode,
                      participants=params.participants.strip(), minutes=params.minutes.strip(), recorded_at=work.now)
    work.save(session)
    work.data.update(held_at=timezone.localtime(held_at).isoformat(), mode=params.mode)


def _session_time(work, held_at) -> datetime:
    if held_at is None:
        _refuse("held_at", _("请填写调解时间。"))
    held_at = _aware(held_at)
    if held_at > work.now:
        _refuse("held_at", _("调解时间不能晚于现在。"))
    if _local_date(held_at) < _dispute_start(work):
        _refuse("held_at", _("调解时间不能早于纠纷发生或登记的日期（%(day)s）。") % {"day": _dispute_start(work)})
    return held_at


def _dispute_start(work) -> date:
    """The day the dispute reached the mediators: it was filed then (and happened no later)."""
    return _local_date(work.case.reported_at)


def transfer(work, params: TransferIn) -> None:
    """三调联动 (to another method) or 诉调对接 (to a court, or referred by one): the dispute's method follows."""
    dispute = work.record()
    to_method = _transfer_target(dispute, params)
    counterpart = params.counterpart.strip()
    if params.kind != c.TransferKind.METHOD and not counterpart:
        _refuse("counterpart", _("诉调对接请填写对接的人民法院。"))
    row = Transfer(dispute=dispute, kind=params.kind, from_method=dispute.method, to_method=to_method,
                   counterpart=counterpart, at=work.now, reason=work.note)
    dispute.method = to_method
    work.save(row)
    work.data.update(kind=params.kind, to_method=to_method)


def _transfer_target(dispute: Dispute, params: TransferIn) -> str:
    if params.kind is None:
        _refuse("kind", _("请选择衔接类型。"))
    if params.kind == c.TransferKind.TO_COURT:
        return c.Method.JUDICIAL
    if params.kind == c.TransferKind.FROM_COURT:
        return params.to_method or c.Method.PEOPLE
    if params.to_method is None or params.to_method == dispute.method:
        _refuse("to_method", _("请选择与当前不同的调解方式。"))
    return params.to_method


# ---- the end of mediation: an agreement, an oral one, or none


def reach_agreement(work, params: AgreementIn) -> None:
    """达成调解协议: a written agreement, numbered per committee and year, printed as 调解协议书."""
    _agree(work, params, oral=False)


def record_oral(work, params: AgreementIn) -> None:
    """口头协议登记: an oral agreement's register entry, numbered in the committee's own oral series."""
    _agree(work, params, oral=True)


def _agree(work, params: AgreementIn, oral: bool) -> None:
    dispute = work.record()
    _check_agreement(work, dispute, params)
    agreement = Agreement(dispute=dispute, committee=dispute.committee, year=params.signed_on.year, oral=oral,
                          facts=params.facts.strip(), terms=params.terms.strip(),
                          performance_terms=params.performance_terms.strip(), signed_on=params.signed_on)
    agreement.serial = next_serial(work, agreement)
    work.save(agreement)
    _conclude(work, dispute, c.Outcome.ORAL if oral else c.Outcome.AGREEMENT)
    dispute.performance = c.Performance.PENDING
    work.data.update(number=agreement.number)


def _check_agreement(work, dispute: Dispute, params: AgreementIn) -> None:
    if not parties(dispute):
        _refuse("parties", _("调解协议须至少有一名当事人：请先“添加当事人”。"))
    if not mediator_ids(dispute):
        _refuse("mediators", _("调解协议须至少有一名承办调解员：请先“指派调解员”。"))
    for name in ("facts", "terms"):
        if not getattr(params, name).strip():
            _refuse(name, _("请填写%(field)s。") % {"field": AgreementIn.model_fields[name].title})
    if params.signed_on is None:
        _refuse("signed_on", _("请填写签订日期。"))
    if params.signed_on > _local_date(work.now) or params.signed_on < _dispute_start(work):
        _refuse("signed_on", _("签订日期须在纠纷登记之后，且不能晚于今天。"))


def next_serial(work, agreement: Agreement) -> int:
    """The next number of the committee's series for the year. The committee's row is locked while the step
    is written, so two agreements signed at once get two numbers; a batch counts on in memory from the last
    number written (kept on its lookups, which live as long as the batch)."""
    counters = work.lookups.__dict__.setdefault("agreement_serials", {})
    key = (agreement.committee_id, agreement.year, agreement.oral)
    if key not in counters:
        Committee.objects.select_for_update().filter(pk=agreement.committee_id).exists()
        last = Agreement.objects.filter(committee_id=key[0], year=key[1], oral=key[2]).aggregate(n=Max("serial"))
        counters[key] = last["n"] or 0
    counters[key] += 1
    return counters[key]


def fail(work, params: RouteIn) -> None:
    """调解不成: the account (the note) and the next route for the parties."""
    route = _route(params)
    dispute = work.record()
    dispute.route, dispute.account = route, work.note
    _conclude(work, dispute, c.Outcome.FAILED)
    work.data.update(route=route)


def _conclude(work, dispute: Dispute, outcome: str) -> None:
    """Mediation is over: success or not, in time or not; the case waits for its 结案 (履行, 回访)."""
    case = work.case
    dispute.outcome, dispute.resolved, dispute.resolved_at = outcome, outcome in AGREED, work.now
    dispute.resolved_in_time = case.due_at is None or work.now <= case.due_at
    if outcome in AGREED and not dispute.account:
        dispute.account = work.note
    case.status = S.VERIFIED
    _start(work, Stage.CLOSE)


# ---- after the agreement: performance, judicial confirmation, follow-up, 结案


def record_performance(work, params: PerformanceIn) -> None:
    dispute = work.record()
    if params.performance is None:
        _refuse("performance", _("请选择履行情况。"))
    dispute.performance, dispute.performed_at = params.performance, work.now
    work.data.update(performance=params.performance)


def apply_confirmation(work, params: ConfirmationIn) -> None:
    """申请司法确认 of a written agreement (人民调解法 第三十三条), at the court named."""
    if not params.court.strip():
        _refuse("court", _("请填写受理司法确认的人民法院。"))
    dispute = work.record()
    dispute.confirmation, dispute.confirmation_court = c.Confirmation.APPLIED, params.court.strip()
    work.data.update(court=dispute.confirmation_court)


def record_confirmation(work, params: ConfirmationIn) -> None:
    """司法确认结果: the court confirmed the agreement as valid, or refused to."""
    if params.confirmation not in (c.Confirmation.CONFIRMED, c.Confirmation.REFUSED):
        _refuse("confirmation", _("请选择“已确认有效”或“不予确认”。"))
    dispute = work.record()
    dispute.confirmation, dispute.confirmation_at = params.confirmation, work.now
    work.data.update(confirmation=params.confirmation)


def follow_up(work, params: FollowUpIn) -> None:
    """回访记录: the visit after the agreement, and what was found of its performance."""
    dispute = work.record()
    visited_at = _visit_time(work, params.visited_at, dispute)
    if params.performance is None:
        _refuse("performance", _("请选择履行情况。"))
    if not params.findings.strip():
        _refuse("findings", _("请填写回访情况。"))
    work.save(FollowUp(dispute=dispute, visited_at=visited_at, performance=params.performance,
                       findings=params.findings.strip()))
    dispute.followed_up_at, dispute.performance = visited_at, params.performance
    work.data.update(performance=params.performance)


def _visit_time(work, visited_at, dispute: Dispute) -> datetime:
    if visited_at is None:
        _refuse("visited_at", _("请填写回访时间。"))
    visited_at = _aware(visited_at)
    if visited_at > work.now:
        _refuse("visited_at", _("回访时间不能晚于现在。"))
    if dispute.resolved_at and _local_date(visited_at) < _local_date(dispute.resolved_at):
        _refuse("visited_at", _("回访时间不能早于达成协议的日期。"))
    return visited_at


def close(work, params: NoParams) -> None:
    """结案: the case file is complete (the guard ``unfinished`` has said so)."""
    dispute = work.record()
    _finish(work)
    work.data.update(outcome=dispute.outcome)


# ---- guards: why a step does not fit this dispute although the case's state allows it


def _read(case, lookups) -> Dispute:
    """The dispute as the step would read it; outside a step, as the case page reads it."""
    return lookups.record(case, Dispute) if lookups is not None else dispute_of(case)


def dispute_of(case) -> Dispute:
    """The case's dispute (an empty one before any step made it), read once per case for a page."""
    return side_record(case, related=("committee",))


def concluded_already(case, lookups=None) -> str:
    """Mediation ends once: an agreement, an oral agreement or a failure is recorded a single time."""
    if _read(case, lookups).outcome in CONCLUDED:
        return _("纠纷 %(number)s 已登记调解结果。") % {"number": case.number}
    return ""


def not_agreed(case, lookups=None) -> str:
    """Performance and follow-up visits are of an agreement, written or oral."""
    if _read(case, lookups).outcome not in AGREED:
        return _("纠纷 %(number)s 未达成调解协议，没有可履行的协议。") % {"number": case.number}
    return ""


def not_confirmable(case, lookups=None) -> str:
    """司法确认 is for a written agreement only: not a failed mediation, not an oral agreement, and once."""
    dispute = _read(case, lookups)
    if dispute.outcome == c.Outcome.FAILED:
        return _("纠纷 %(number)s 调解不成，没有调解协议，不能申请司法确认。") % {"number": case.number}
    if dispute.outcome != c.Outcome.AGREEMENT:
        return _("只有书面调解协议可以申请司法确认，纠纷 %(number)s 没有书面协议。") % {"number": case.number}
    if dispute.confirmation:
        return _("纠纷 %(number)s 已申请过司法确认。") % {"number": case.number}
    return ""


def not_applied(case, lookups=None) -> str:
    if _read(case, lookups).confirmation != c.Confirmation.APPLIED:
        return _("纠纷 %(number)s 没有待确认的司法确认申请。") % {"number": case.number}
    return ""


def unfinished(case, lookups=None) -> str:
    """结案 needs the outcome, and for an agreement its follow-up visit (司法部's case file order)."""
    dispute = _read(case, lookups)
    if dispute.outcome not in CONCLUDED:
        return _("纠纷 %(number)s 尚未登记调解结果，不能结案。") % {"number": case.number}
    if dispute.outcome in AGREED and dispute.followed_up_at is None:
        return _("纠纷 %(number)s 达成了协议，须先做“回访记录”再结案。") % {"number": case.number}
    return ""
