"""司法确认 is for a written agreement: a failed mediation or an oral agreement is refused with a clear
sentence and nothing changes; a written one is applied for, then confirmed."""

import pytest
from django.utils import timezone

from civicgrid.cases.workflow import WrongState
from civicgrid.disputes import choices as c
from civicgrid.disputes.models import Dispute

from .conftest import accepted, party, take


@pytest.fixture
def mediated(dispute_case, mediator, village_committee, grid_worker):
    party(dispute_case, grid_worker)
    return accepted(dispute_case, mediator, village_committee)


def test_a_failed_mediation_cannot_be_confirmed(mediated, mediator):
    case = take(mediated, "fail_mediation", mediator, note="双方分歧过大", route="litigation")
    with pytest.raises(WrongState, match="调解不成"):
        take(case, "apply_confirmation", mediator, court="榆阳区人民法院")
    assert Dispute.objects.get(pk=case.pk).confirmation == ""


def test_an_oral_agreement_cannot_be_confirmed(mediated, mediator):
    case = take(mediated, "oral_agreement", mediator, facts="噪音", terms="夜间十点后不再装修",
                signed_on=str(timezone.localdate()))
    with pytest.raises(WrongState, match="书面"):
        take(case, "apply_confirmation", mediator, court="榆阳区人民法院")
    assert Dispute.objects.get(pk=case.pk).confirmation == ""


def test_a_written_agreement_is_applied_for_and_confirmed(mediated, mediator):
    case = take(mediated, "reach_agreement", mediator, facts="漏水", terms="修复", signed_on=str(timezone.localdate()))
    take(case, "apply_confirmation", mediator, court="榆阳区人民法院")
    take(case, "record_confirmation", mediator, confirmation="confirmed")
    dispute = Dispute.objects.get(pk=case.pk)
    assert dispute.confirmation == c.Confirmation.CONFIRMED and dispute.confirmation_court == "榆阳区人民法院"
    with pytest.raises(WrongState):
        take(case, "apply_confirmation", mediator, court="榆阳区人民法院")


def test_a_failed_mediation_gives_its_route_and_closes_without_a_follow_up(mediated, mediator):
    case = take(mediated, "fail_mediation", mediator, note="双方分歧过大", route="arbitration")
    dispute = Dispute.objects.get(pk=case.pk)
    assert (dispute.outcome, dispute.resolved, dispute.route) == (c.Outcome.FAILED, False, "arbitration")
    assert take(case, "close_dispute", mediator).status == "closed"
