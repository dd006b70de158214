"""The petition kind registered with the loop, and what the leader's page reads.

A petition runs the one loop: filed on any channel, 立案 by the centre, 交办 to departments when they must act
(the spine's 派遣), and settled by the leader who owns it (包案). The spine's 结案 is skipped for the petition's
own, which needs the petitioner's acknowledgement; 自行处置 and the grid's 核查 do not fit a petition (the
leader settles it, not an on-site check), so they are skipped too.
"""

from django.db.models import F, Max, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civicgrid.cases.choices import OPEN_STATUSES, CaseKind, Stage
from civicgrid.cases.choices import Status as S
from civicgrid.cases.registry import register_kind, register_stage, register_step
from civicgrid.cases.spine import SPINE_LIMITS
from civicgrid.cases.workflow import CENTRE, DISPATCHERS, Action
from civicgrid.core.choices import TimeUnit
from civicgrid.notifications.choices import NoticeKind
from civicgrid.notifications.services import notify
from civicgrid.notifications.texts import register as register_text
from civicgrid.orgs.choices import Role
from civicgrid.orgs.models import RoleAssignment
from civicgrid.orgs.scope import acts_at

from . import steps
from .choices import Acknowledgement, Outcome, VisitKind
from .models import Petition

# A petition is settled within 60 days (信访工作条例, article 32); its departments' part within the same. One
# its leader works without 交办 waits at 待派遣 as long, not the two working hours of a request.
SIXTY_DAYS = (60, TimeUnit.NATURAL_DAYS)
LIMITS = {**SPINE_LIMITS, Stage.DISPATCH: SIXTY_DAYS, Stage.HANDLE: SIXTY_DAYS, Stage.CLOSE: (5, TimeUnit.WORK_DAYS),
          steps.SETTLE: SIXTY_DAYS}
SKIPS = {Action.CLOSE, Action.SELF_RESOLVE, Action.VERIFY, Action.REJECT}
WORKING = OPEN_STATUSES - {S.REPORTED}
LEADERS = frozenset({Role.LEADER, *CENTRE})
LED = register_text("petitions.led", gettext_lazy("您已被确定为信访事项 %(number)s 的包案领导。"))


def register() -> None:
    register_stage(steps.SETTLE, gettext_lazy("办结"))
    register_kind(CaseKind.PETITION.value, CaseKind.PETITION.label, record=Petition, limits=LIMITS, skips=SKIPS)
    kind = {"kinds": {steps.KIND}}
    register_step(steps.ASSIGN_LEADER, gettext_lazy("确定包案领导"), steps.assign_leader, sources=WORKING,
                  target=None, roles={Role.LEADER, *DISPATCHERS}, params=steps.LeaderIn,
                  template="petitions/steps/leader.html", context=leader_context, describe=led,
                  notify=tell_leader, **kind)
    register_step(steps.SET_PLAN, gettext_lazy("制定化解方案"), steps.set_plan, sources=WORKING, target=None,
                  roles=LEADERS, params=steps.PlanIn, template="petitions/steps/plan.html", describe=planned, **kind)
    register_step(steps.RECORD_VISIT, gettext_lazy("记录接访下访"), steps.record_visit, sources=WORKING, target=None,
                  roles=LEADERS, params=steps.VisitIn, template="petitions/steps/visit.html",
                  context=visit_context, describe=visited, public=True, **kind)
    register_step(steps.MARK_BACKLOG, gettext_lazy("列为积案"), steps.mark_backlog, sources=WORKING, target=None,
                  roles=LEADERS, params=steps.BacklogIn, template="petitions/steps/backlog.html",
                  guard=steps.in_backlog, describe=backlogged, **kind)
    register_step(steps.CLEAR_BACKLOG, gettext_lazy("撤销积案"), steps.clear_backlog, sources=WORKING, target=None,
                  roles=LEADERS, needs_note=True, guard=steps.not_in_backlog, **kind)
    _closing_steps(kind)


def _closing_steps(kind: dict) -> None:
    register_step(steps.SETTLE_PETITION, gettext_lazy("办结"), steps.settle, sources={S.REGISTERED, S.HANDLED,
                  S.VERIFIED}, target=S.VERIFIED, roles=LEADERS, params=steps.SettleIn,
                  template="petitions/steps/settle.html", context=settle_context, describe=settled, public=True,
                  **kind)
    register_step(steps.ACKNOWLEDGE, gettext_lazy("记录信访人认可"), steps.acknowledge, sources={S.VERIFIED},
                  target=None, roles=LEADERS, params=steps.AcknowledgementIn,
                  template="petitions/steps/acknowledge.html", context=acknowledge_context, describe=acknowledged,
                  public=True, **kind)
    register_step(steps.CLOSE_PETITION, gettext_lazy("结案"), steps.close, sources={S.VERIFIED}, target=S.CLOSED,
                  roles={Role.LEADER, Role.SHIFT_LEAD}, guard=steps.unacknowledged, public=True, **kind)


# ---- the fragments' options


def leader_context(user, case, assignments) -> dict:
    """The leaders whose node reaches the case, to choose the one in charge from."""
    grants = RoleAssignment.objects.filter(role=Role.LEADER, staff__is_active=True) \
        .filter(Q(area__code__in=_prefixes(case.area_code)) | Q(precinct__communities__code=case.area_code[:12])) \
        .select_related("staff", "area", "precinct").prefetch_related("precinct__communities")
    leaders = {grant.staff for grant in grants if acts_at(grant, case.area_code)}
    return {"petition_leaders": sorted(leaders, key=lambda staff: staff.pk)}


def _prefixes(code: str) -> list[str]:
    return [code[:n] for n in range(2, len(code) + 1)]


def visit_context(user, case, assignments) -> dict:
    return {"visit_kinds": VisitKind.choices}


def settle_context(user, case, assignments) -> dict:
    return {"outcomes": Outcome.choices}


def acknowledge_context(user, case, assignments) -> dict:
    return {"acknowledgements": Acknowledgement.choices}


# ---- wording on the timeline (staff's, and residents' for the public steps)


def led(data: dict) -> str:
    return _("包案领导：%(name)s") % {"name": data.get("leader_name", "")}


def planned(data: dict) -> str:
    return _("已更新化解方案") if data.get("replaced") else _("已制定化解方案")


def visited(data: dict) -> str:
    kind = VisitKind(data["kind"]).label if data.get("kind") in VisitKind.values else ""
    return _("%(kind)s（%(day)s）") % {"kind": kind, "day": data.get("visited_on", "")}


def backlogged(data: dict) -> str:
    return _("自 %(day)s 起列为积案：%(reason)s") % {"day": data.get("since", ""), "reason": data.get("reason", "")}


def settled(data: dict) -> str:
    outcome = Outcome(data["outcome"]).label if data.get("outcome") in Outcome.values else ""
    return _("办结结果：%(outcome)s") % {"outcome": outcome}


def acknowledged(data: dict) -> str:
    how = Acknowledgement(data["how"]).label if data.get("how") in Acknowledgement.values else ""
    return _("信访人认可：%(how)s（%(day)s）") % {"how": how, "day": data.get("on", "")}


def tell_leader(event) -> None:
    """The leader now in charge hears of it; a leader who took it on themselves needs no notice."""
    leader = event.data.get("leader")
    if leader and leader != event.actor_id:
        notify([leader], NoticeKind.NEW_TASK, LED(number=event.case.number), event.case)


# ---- 我的包案


def led_by(user):
    """The open petitions ``user`` owns, in their scope, the late first, then by the date they must be settled."""
    return (Petition.objects.restrict(user).filter(leader=user, case__status__in=OPEN_STATUSES)
            .select_related("case__area").annotate(last_visit=Max("visits__visited_on"))
            .order_by(F("settled_at").asc(nulls_first=True), "due_at", "pk"))
