"""不予受理 needs the reason and the route the parties are pointed to; the case is then finished, waiting for the
centre's callback like any closed case."""

import pytest

from civicgrid.cases.workflow import InvalidInput
from civicgrid.disputes import choices as c
from civicgrid.disputes.models import Dispute

from .conftest import take


def test_a_decline_without_a_route_is_refused(dispute_case, mediator, village_committee):
    with pytest.raises(InvalidInput) as refused:
        take(dispute_case, "decline_mediation", mediator, note="已起诉至法院")
    assert "route" in refused.value.errors and not Dispute.objects.exists()


def test_a_decline_without_a_reason_is_refused(dispute_case, mediator, village_committee):
    with pytest.raises(InvalidInput, match="说明"):
        take(dispute_case, "decline_mediation", mediator, route="litigation")


def test_the_declined_dispute_is_finished_with_its_route(dispute_case, mediator, village_committee):
    case = take(dispute_case, "decline_mediation", mediator, note="已起诉至法院", route="litigation")
    dispute = Dispute.objects.get(pk=case.pk)
    assert (dispute.outcome, dispute.route, dispute.account) == (c.Outcome.DECLINED, "litigation", "已起诉至法院")
    assert case.status == "closed" and case.due_at is None
