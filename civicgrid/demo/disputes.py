"""Demo mediation: committees, the mediator pool and each dispute's story after 立案, through the same steps and
the one writer's batch path as every demo case (``cases.story`` hands a dispute here once it is registered).

Every township with cases gets its people's mediation committee and a mediator who signs in (``tiaojie`` and
the township's code); the demo mediator 孙调解 works in 青山路街道's; 鸳鸯湖社区 (the demo grid's community) has
its village committee, 鼓楼街道 a personal mediation studio and 榆阳区 a property-disputes committee.
"""

import random
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from civicgrid.cases.choices import Status as S
from civicgrid.cases.workflow import Action
from civicgrid.disputes import choices as c
from civicgrid.disputes.models import Committee, Mediator
from civicgrid.geo.models import Area
from civicgrid.orgs.choices import Role

from . import staffing, texts
from .people import COMMUNITY, COUNTY, TOWNSHIP, password_hash

SPECIALITIES = [c.Speciality.FAMILY, c.Speciality.LAND, c.Speciality.LABOUR, c.Speciality.LAW, c.Speciality.PROPERTY,
                c.Speciality.GENERAL]
# (committee kind, area code, name, abbreviation, mediators: (name, kind, five-elders background))
EXTRA = [
    (c.CommitteeKind.VILLAGE, COMMUNITY, "鸳鸯湖社区人民调解委员会", "鸳鸯湖",
     [("高淑琴", c.MediatorKind.PART_TIME, ""), ("刘德旺", c.MediatorKind.ELDER, c.ElderBackground.TEACHER)]),
    (c.CommitteeKind.STUDIO, TOWNSHIP, "老杨调解工作室", "老杨", [("杨守义", c.MediatorKind.ELDER, c.ElderBackground.SOLDIER)]),
    (c.CommitteeKind.INDUSTRY, COUNTY, "榆阳区物业纠纷人民调解委员会", "榆阳物调",
     [("冯律师", c.MediatorKind.LAWYER, ""), ("白建国", c.MediatorKind.FULL_TIME, "")]),
]
OUTCOMES = [("agreement", 0.7), ("oral", 0.12), ("failed", 0.1), ("declined", 0.08)]
ROUTES = [c.Route.LITIGATION, c.Route.ARBITRATION, c.Route.ADMINISTRATIVE, c.Route.OTHER_MEDIATION]


@dataclass
class Pool:
    """The committee and the mediator who signs in, by township; the extra committees by area code."""

    committees: dict = field(default_factory=dict)
    staff: dict = field(default_factory=dict)
    mediators: dict = field(default_factory=dict)  # committee pk → its mediators

    def serving(self, area_code: str) -> Committee:
        """The village committee where there is one, else the township's."""
        return self.committees.get(area_code[:12]) or self.committees[area_code[:9]]


def load_pool(townships: list[Area], password: str, rng: random.Random) -> Pool:
    """The committees and mediators the demo disputes need, made once (a second load finds them)."""
    needs = [(Role.MEDIATOR, t, f"tiaojie{t.code}") for t in townships]  # 青山路街道's is the demo's tiaojieyuan
    found, _created = staffing._staff_for(needs, password_hash(password), rng)
    pool = Pool()
    for township, staff in zip(townships, found):
        committee = _committee(c.CommitteeKind.TOWNSHIP, township, f"{township.name}人民调解委员会", township.name[:4])
        _member(committee, staff.display_name, c.MediatorKind.FULL_TIME, "", rng, staff)
        pool.committees[township.code], pool.staff[township.code] = committee, staff
    for kind, code, name, abbreviation, members in EXTRA:
        committee = _committee(kind, Area.objects.get(code=code), name, abbreviation)
        for member in members:
            _member(committee, *member, rng)
        if kind == c.CommitteeKind.VILLAGE:
            pool.committees[code] = committee
    for mediator in Mediator.objects.filter(committee__in=pool.committees.values()):
        pool.mediators.setdefault(mediator.committee_id, []).append(mediator)
    return pool


def _committee(kind, area: Area, name: str, abbreviation: str) -> Committee:
    committee, _made = Committee.objects.get_or_create(abbreviation=abbreviation, defaults={
        "name": name, "kind": kind, "area": area, "phone": "0912-3300000"})
    return committee


def _member(committee, name, kind, background, rng, staff=None) -> Mediator:
    specialities = rng.sample(SPECIALITIES, 2)
    mediator, _made = Mediator.objects.get_or_create(name=name, committee=committee, defaults={
        "kind": kind, "elder_background": background, "specialities": specialities, "staff": staff})
    return mediator


# ---- a dispute's story after 立案


def mediation(sim, plan, case, pool: Pool, rng):
    """Recorded with its parties, accepted or declined, mediated in sessions, ended by an agreement, an oral
    one or a failure, then performed, followed up, closed and called back; ``plan.stop`` ends it early."""
    committee = pool.serving(case.area_code)
    mediator = pool.staff[case.area_code[:9]]
    clerk = sim.centre(case, Role.INTAKE_CLERK)
    case = _recorded(sim, case, clerk, rng)
    outcome = _pick(rng, OUTCOMES)
    yield sim.on_clock(case, rng.uniform(0.1, 0.8))
    if outcome == "declined":
        sim.act(case, "decline_mediation", mediator, note="当事人已向人民法院起诉，不予受理。", route=c.Route.LITIGATION)
        return
    case = sim.act(case, "accept_mediation", mediator, committee=committee.pk)
    chosen = rng.sample(pool.mediators[committee.pk], min(2, len(pool.mediators[committee.pk])))
    case = sim.act(case, "assign_mediators", mediator, mediators=[m.pk for m in chosen])
    for _session in range(rng.randint(1, 2)):
        yield sim.after_hours(rng.uniform(4, 40))
        case = _session_held(sim, case, mediator, chosen, rng)
    if plan.stop == "dispatched":
        return
    yield sim.after_hours(rng.uniform(4, 60))
    case = _ended(sim, case, mediator, outcome, rng)
    if plan.stop in ("handled", "verified") or case.status != S.VERIFIED:
        return
    yield from _after_agreement(sim, plan, case, mediator, outcome, rng)


def _recorded(sim, case, clerk, rng):
    occurred = timezone.localdate(sim.clock) - timedelta(days=rng.randint(0, 20))
    case = sim.act(case, "dispute_details", clerk, scale=c.Scale.GENERAL if rng.random() < 0.9 else c.Scale.LARGE,
                   people_involved=rng.randint(2, 6), occurred_on=occurred, source=_source(case))
    roles = [c.PartyRole.APPLICANT, c.PartyRole.RESPONDENT][:rng.randint(1, 2)]
    for role in roles:
        case = sim.act(case, "add_party", clerk, role=role, name=texts.person(rng), id_type=c.IdType.OTHER,
                       phone=f"1380091{rng.randint(0, 9999):04d}", address=case.address[:200])
    return case


def _source(case) -> str:
    return c.Source.SCREENED if case.channel == "grid_worker" else c.Source.APPLIED


def _session_held(sim, case, mediator, chosen, rng):
    held_at = max(sim.clock - timedelta(hours=rng.uniform(0.5, 2)), case.reported_at)
    participants = "、".join(m.name for m in chosen) + "，双方当事人"
    return sim.act(case, "record_session", mediator, held_at=held_at, place="调解室", participants=participants,
                   minutes="听取双方陈述，释法说理，引导双方互谅互让。")


def _ended(sim, case, mediator, outcome: str, rng):
    if outcome == "failed":
        return sim.act(case, "fail_mediation", mediator, note="双方分歧较大，调解不成。", route=rng.choice(ROUTES))
    action = "oral_agreement" if outcome == "oral" else "reach_agreement"
    return sim.act(case, action, mediator, facts=case.description[:500], terms="双方自愿和解，按约定期限履行，互不追究。",
                   performance_terms="十五日内履行完毕。", signed_on=timezone.localdate(sim.clock),
                   note="经调解，双方自愿达成协议。")


def _after_agreement(sim, plan, case, mediator, outcome, rng):
    if outcome != "failed":
        yield sim.after_hours(rng.uniform(24, 80))
        case = sim.act(case, "record_performance", mediator, performance=c.Performance.FULL)
        if outcome == "agreement" and rng.random() < 0.2:
            case = sim.act(case, "apply_confirmation", mediator, court=_court(case))
        yield sim.after_hours(rng.uniform(8, 40))
        case = sim.act(case, "follow_up", mediator, visited_at=sim.clock, performance=c.Performance.FULL,
                       findings="协议已履行，双方关系缓和。")
    case = sim.act(case, "close_dispute", mediator)
    if plan.stop == "closed":
        return
    clerk = sim.centre(case, Role.INTAKE_CLERK)
    yield sim.after_hours(rng.uniform(1, 8))
    if sim.nobody_to_call(case):
        sim.act(case, Action.NO_CALLBACK, clerk, note="当事人未留联系电话。")
    else:
        sim.act(case, Action.CALLBACK, clerk, satisfaction="satisfied", note="当事人对调解结果满意。")


def _court(case) -> str:
    return "榆阳区人民法院" if case.area_code.startswith(COUNTY) else "榆林市中级人民法院"


def _pick(rng, weighted):
    values, weights = zip(*weighted)
    return rng.choices(values, weights)[0]
