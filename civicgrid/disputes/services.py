"""Disputes as a kind of the one loop: the kind, its 化解 stage and its steps (registered from ``apps.py``),
and what the dispute pages read: the committees serving an area, the mediator pool with each one's load,
a user's disputes, the case page's block and a party's details revealed with a reason.

How the dispute's states map onto the case's (docs/disputes.md): 待受理 reported → 立案 → 待派遣 (waiting for
受理) → 受理 → 处置中 (in mediation, the 化解 clock running) → an agreement, an oral one or 调解不成 → 待结案
(履行, 司法确认, 回访) → 结案 → 待回访 (the centre's callback, as for every case). 不予受理 finishes it at 待回访
too, with the route the parties were given.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civicgrid.cases.choices import OPEN_STATUSES, CaseKind, Stage
from civicgrid.cases.choices import Status as S
from civicgrid.cases.models import Case
from civicgrid.cases.registry import Facet, register_kind, register_stage, register_step
from civicgrid.cases.spine import SPINE_LIMITS
from civicgrid.cases.workflow import CENTRE, DISPATCHERS, Action, InvalidInput, NotAllowed, roles_of
from civicgrid.core import access
from civicgrid.core.choices import TimeUnit
from civicgrid.core.validators import mask_address, mask_id_number, mask_name, mask_phone
from civicgrid.geo.codes import LEVEL_LENGTHS
from civicgrid.orgs.choices import Role

from . import choices as c
from . import inputs, steps
from .models import Committee, Dispute, Mediator, Party

KIND = CaseKind.DISPUTE.value
D, N = TimeUnit.WORK_DAYS, TimeUnit.NATURAL_DAYS
# 人民调解法: a dispute is mediated within 30 days of 受理 as a rule; a category's own limit wins. 受理 itself
# is decided within 2 working days of 立案; after the agreement, 30 days to see it performed and followed up.
LIMITS = {**SPINE_LIMITS, Stage.DISPATCH: (2, D), steps.MEDIATE: (30, N), Stage.CLOSE: (30, N)}
# The spine's 结案 follows a 核查 of departments' work, and its 返工 sends a case back to them: a dispute is
# closed by its own 结案 once its outcome and follow-up are recorded.
SKIPS = {Action.CLOSE, Action.REWORK}
MEDIATORS = frozenset({Role.MEDIATOR})
RECORDERS = frozenset({*CENTRE, Role.MEDIATOR, Role.GRID_WORKER})
DECIDERS = frozenset({Role.MEDIATOR, *DISPATCHERS})
CLOSERS = frozenset({Role.MEDIATOR, Role.SHIFT_LEAD})
REVEALERS = frozenset({*CENTRE, Role.MEDIATOR})
BEFORE_MEDIATION = {S.REPORTED, S.REGISTERED, S.DISPATCHED}
IN_MEDIATION = {S.DISPATCHED}
ENDING = {S.DISPATCHED, S.VERIFIED}
AFTER = {S.VERIFIED}


def standing(dispute: Dispute) -> str:
    """Where the dispute stands in mediation (``c.Standing``): the figures' facet of a dispute case."""
    if dispute.outcome == c.Outcome.DECLINED:
        return c.Standing.DECLINED
    if dispute.accepted_at is None:
        return c.Standing.UNACCEPTED
    if dispute.resolved is None:
        return c.Standing.MEDIATING
    return c.Standing.RESOLVED if dispute.resolved else c.Standing.FAILED


# 调处成功率 as the 月研判 counts it (``rhythm``): resolved ÷ mediated.
FACET = Facet(gettext_lazy("调处情况"), {"": gettext_lazy("未登记"), **dict(c.Standing.choices)}, standing,
              rate=(gettext_lazy("调处成功率"), (c.Standing.RESOLVED,), c.MEDIATED))


def register() -> None:
    register_stage(steps.MEDIATE, gettext_lazy("化解"))
    register_kind(KIND, CaseKind.DISPUTE.label, record=Dispute, limits=LIMITS, skips=SKIPS,
                  panel="disputes/case_panel.html", panel_context=panel_context, facet=FACET)
    _recording_steps()
    _mediation_steps()
    _closing_steps()


def _step(action: str, label, run, sources, roles, **options) -> None:
    register_step(action, label, run, sources=sources, target=None, roles=roles, kinds={KIND}, **options)


def _recording_steps() -> None:
    _step("dispute_details", gettext_lazy("登记纠纷信息"), steps.record_details, BEFORE_MEDIATION, RECORDERS,
          params=inputs.DetailsIn, template="disputes/steps/details.html", context=details_context)
    _step("add_party", gettext_lazy("添加当事人"), steps.add_party, BEFORE_MEDIATION, RECORDERS,
          params=inputs.PartyIn, template="disputes/steps/party.html", context=party_context)
    _step("accept_mediation", gettext_lazy("受理调解"), steps.accept, {S.REGISTERED}, DECIDERS,
          params=inputs.AcceptIn, template="disputes/steps/accept.html", context=accept_context, public=True)
    _step("decline_mediation", gettext_lazy("不予受理"), steps.decline, {S.REGISTERED}, DECIDERS,
          params=inputs.RouteIn, template="disputes/steps/route.html", context=route_context, needs_note=True,
          public=True, result=True)


def _mediation_steps() -> None:
    _step("assign_mediators", gettext_lazy("指派调解员"), steps.assign, IN_MEDIATION, DECIDERS,
          params=inputs.MediatorsIn, template="disputes/steps/mediators.html", context=mediators_context)
    _step("record_session", gettext_lazy("调解记录"), steps.record_session, IN_MEDIATION, MEDIATORS,
          params=inputs.SessionIn, template="disputes/steps/session.html", context=choices_context)
    _step("transfer_mediation", gettext_lazy("调解衔接"), steps.transfer, IN_MEDIATION, DECIDERS,
          params=inputs.TransferIn, template="disputes/steps/transfer.html", context=choices_context,
          needs_note=True)
    concluded = {"guard": steps.concluded_already, "public": True}
    _step("reach_agreement", gettext_lazy("达成调解协议"), steps.reach_agreement, ENDING, MEDIATORS,
          params=inputs.AgreementIn, template="disputes/steps/agreement.html", **concluded)
    _step("oral_agreement", gettext_lazy("口头协议登记"), steps.record_oral, ENDING, MEDIATORS,
          params=inputs.AgreementIn, template="disputes/steps/agreement.html", **concluded)
    _step("fail_mediation", gettext_lazy("调解不成"), steps.fail, ENDING, MEDIATORS, params=inputs.RouteIn,
          template="disputes/steps/route.html", context=route_context, needs_note=True, **concluded)


def _closing_steps() -> None:
    _step("record_performance", gettext_lazy("履行情况"), steps.record_performance, AFTER, MEDIATORS,
          params=inputs.PerformanceIn, template="disputes/steps/performance.html", context=choices_context,
          guard=steps.not_agreed)
    _step("apply_confirmation", gettext_lazy("申请司法确认"), steps.apply_confirmation, AFTER, MEDIATORS,
          params=inputs.ConfirmationIn, template="disputes/steps/court.html", guard=steps.not_confirmable)
    _step("record_confirmation", gettext_lazy("司法确认结果"), steps.record_confirmation, AFTER, MEDIATORS,
          params=inputs.ConfirmationIn, template="disputes/steps/confirmation.html", guard=steps.not_applied)
    _step("follow_up", gettext_lazy("回访记录"), steps.follow_up, AFTER, MEDIATORS, params=inputs.FollowUpIn,
          template="disputes/steps/follow_up.html", context=choices_context, guard=steps.not_agreed)
    _step("close_dispute", gettext_lazy("纠纷结案"), steps.close, AFTER, CLOSERS, guard=steps.unfinished,
          public=True)


# ---- what the step fragments offer


def choices_context(user, case, assignments) -> dict:
    return {"dispute_choices": c}


def details_context(user, case, assignments) -> dict:
    return {"dispute_choices": c, "details": steps.dispute_of(case)}


def party_context(user, case, assignments) -> dict:
    return {"dispute_choices": c, "ethnic_groups": c.ETHNIC_GROUP_CHOICES}


def route_context(user, case, assignments) -> dict:
    return {"routes": c.Route.choices}


def accept_context(user, case, assignments) -> dict:
    return {"committees": serving_committees(case.area_code), "methods": c.Method.choices}


def mediators_context(user, case, assignments) -> dict:
    dispute = steps.dispute_of(case)
    pool = pool_of(dispute.committee_id) if dispute.committee_id else Mediator.objects.none()
    return {"pool": pool.filter(active=True)}


def serving_committees(area_code: str):
    """The active committees whose area contains ``area_code``: its village's, its township's, its county's
    industry committees and studios."""
    prefixes = [area_code[:n] for n in LEVEL_LENGTHS.values() if n <= len(area_code)]
    return Committee.objects.filter(active=True, area__code__in=prefixes).select_related("area") \
        .order_by("-area__level", "name")


# ---- the pool and each mediator's load


def with_load(mediators):
    """当前承办: the open disputes each mediator is in charge of."""
    return mediators.annotate(load=Count("disputes", filter=Q(disputes__case__status__in=OPEN_STATUSES)))


def pool_of(committee_id: int):
    return with_load(Mediator.objects.filter(committee_id=committee_id)).order_by("load", "name")


def pool(user, committee_id: int | None = None):
    """调解员库 in the user's scope (by the committee's area), busiest last."""
    found = Mediator.objects.restrict(user).select_related("committee")
    if committee_id:
        found = found.filter(committee_id=committee_id)
    return with_load(found).order_by("committee__area__code", "committee__name", "load", "name")


def committees(user):
    return Committee.objects.restrict(user).select_related("area").annotate(
        members=Count("mediators", filter=Q(mediators__active=True)))


# ---- a user's disputes


def disputes(user):
    """The dispute cases in the user's scope, with their record, newest first."""
    return Case.objects.restrict(user).filter(kind=KIND).select_related("dispute__committee", "category", "area")


def own_disputes(user):
    """Those the user is in charge of as a mediator (through their pool entry)."""
    mediator = Mediator.objects.filter(staff=user).first()
    if mediator is None:
        return Case.objects.none()
    return disputes(user).filter(dispute__mediators=mediator)


# ---- the case page's block


def panel_context(user, case) -> dict:
    dispute = steps.dispute_of(case)
    if dispute._state.adding:
        return {"dispute": None}
    return {
        "dispute": dispute, "parties": [masked(p) for p in dispute.parties.all()],
        "mediators": list(dispute.mediators.all()), "sessions": list(dispute.sessions.all()),
        "transfers": list(dispute.transfers.all()), "follow_ups": list(dispute.follow_ups.all()),
        "agreement": getattr(dispute, "agreement", None), "may_reveal": may_reveal(user, case),
    }


# ---- parties' personal data: masked everywhere, revealed with a reason


def masked(party: Party) -> dict:
    return {"pk": party.pk, "role": party.get_role_display(), "name": mask_name(party.name),
            "id_type": party.get_id_type_display(), "id_number": mask_id_number(party.id_number),
            "sex": party.get_sex_display(), "address": mask_address(party.address),
            "phone": mask_phone(party.phone)}


def may_reveal(user, case) -> bool:
    return bool(REVEALERS & roles_of(user, case))


def reveal_party(user, party: Party, reason: str, at: access.Where) -> Party:
    """A party's full details, for a reason written to the access log before they are shown."""
    case = party.dispute.case
    if not may_reveal(user, case):
        raise NotAllowed(_("您没有权限查看纠纷 %(number)s 当事人的完整信息。") % {"number": case.number})
    reason = (reason or "").strip()
    message = access.reason_problem(reason, _("电话通知调解时间"))
    if message:
        raise InvalidInput(message, {"reason": message})
    access.revealed(user, party, case.number, case.area_code, at, "", reason)
    return party


def is_mediator(user) -> bool:
    return Role.MEDIATOR in user.scope.roles and Mediator.objects.filter(staff=user).exists()


MINE, ALL = "mine", "all"
OPEN, FINISHED = "open", "finished"


def filtered(user, filters: dict):
    """The list page's rows: the user's own or their scope's, open or finished, of one committee."""
    rows = own_disputes(user) if filters.get("scope") == MINE else disputes(user)
    state = filters.get("state")
    if state == OPEN:
        rows = rows.filter(status__in=OPEN_STATUSES)
    elif state == FINISHED:
        rows = rows.exclude(status__in=OPEN_STATUSES)
    if filters.get("committee"):
        rows = rows.filter(dispute__committee_id=filters["committee"])
    return rows.order_by("-reported_at", "-pk")


def agreement_context(agreement) -> dict:
    """What 调解协议书 prints: the parties in full (it is their own document), the mediators, the committee."""
    dispute = agreement.dispute
    return {"agreement": agreement, "dispute": dispute, "case": dispute.case,
            "parties": list(dispute.parties.all()), "mediators": list(dispute.mediators.all())}
