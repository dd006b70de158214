"""A neighbour dispute runs the one loop as a dispute: recorded with its parties, accepted by the village
committee (the 化解 clock starts), mediated in two sessions, settled by a numbered agreement, performed,
followed up and closed; then the centre's callback ends it like any case."""

from datetime import timedelta

from django.utils import timezone

from civicgrid.cases.models import CaseEvent
from civicgrid.disputes import choices as c
from civicgrid.disputes.models import Dispute, FollowUp, Session

from .conftest import accepted, party, take


def test_the_whole_mediation_keeps_its_record_and_moves_the_case(dispute_case, grid_worker, mediator,
                                                                   village_committee, shift_lead, intake_clerk):
    case = take(dispute_case, "dispute_details", grid_worker, scale="general", people_involved=4,
                occurred_on=str(timezone.localdate() - timedelta(days=3)), source="screened")
    party(case, grid_worker)
    party(case, grid_worker, role=c.PartyRole.RESPONDENT, name="李四", id_number="", phone="")
    case = accepted(case, mediator, village_committee)
    assert case.status == "dispatched" and case.due_at is not None
    dispute = Dispute.objects.get(pk=case.pk)
    assert dispute.committee == village_committee and dispute.accepted_at is not None
    for hours in (5, 2):
        take(case, "record_session", mediator, held_at=(timezone.now() - timedelta(hours=hours)).isoformat(),
             place="社区调解室", participants="张三、李四、王调解", minutes="双方陈述，同意修复防水层。")
    case = take(case, "reach_agreement", mediator, facts="楼上漏水", terms="李四三日内修复防水层并赔偿500元。",
                signed_on=str(timezone.localdate()))
    assert case.status == "verified"
    dispute.refresh_from_db()
    assert dispute.outcome == c.Outcome.AGREEMENT and dispute.resolved and dispute.resolved_in_time
    assert dispute.agreement.number == f"（{timezone.localdate().year}）鸳鸯湖调字第0001号"
    take(case, "record_performance", mediator, performance="full")
    take(case, "follow_up", mediator, visited_at=timezone.now().isoformat(), performance="full",
         findings="已修复，双方满意。")
    case = take(case, "close_dispute", shift_lead)
    assert case.status == "closed" and case.due_at is None
    case = take(case, "callback", intake_clerk, satisfaction="satisfied")
    assert case.status == "rated"
    assert Session.objects.filter(dispute=dispute).count() == 2 and FollowUp.objects.filter(dispute=dispute).count() == 1
    actions = list(CaseEvent.objects.filter(case=case).values_list("action", flat=True))
    assert actions[-4:] == ["record_performance", "follow_up", "close_dispute", "callback"]


def test_the_mediation_clock_is_the_categorys_when_it_sets_one(dispute_case, mediator, village_committee,
                                                               neighbour_disputes):
    from civicgrid.cases.models import TimeLimit

    TimeLimit.objects.create(category=neighbour_disputes, stage="mediate", amount=10, unit="natural_days")
    case = take(dispute_case, "accept_mediation", mediator, committee=village_committee.pk)
    assert (case.due_at - case.started_at).days == 10
