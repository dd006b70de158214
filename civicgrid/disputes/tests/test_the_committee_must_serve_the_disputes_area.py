"""受理 names a committee whose area holds the dispute's grid: its village's or township's; another
township's committee is refused with a sentence naming it, and the case stays where it was."""

import pytest

from civicgrid.cases.workflow import InvalidInput
from civicgrid.disputes.models import Dispute
from civicgrid.disputes.services import serving_committees

from .conftest import take


def test_another_townships_committee_is_refused(dispute_case, mediator, other_committee):
    with pytest.raises(InvalidInput, match="青山路街道人民调解委员会不负责") as refused:
        take(dispute_case, "accept_mediation", mediator, committee=other_committee.pk)
    assert "committee" in refused.value.errors
    dispute_case.refresh_from_db()
    assert dispute_case.status == "registered" and not Dispute.objects.exists()


def test_the_form_offers_the_village_and_township_committees_only(dispute_case, village_committee,
                                                                 township_committee, other_committee):
    offered = list(serving_committees(dispute_case.area_code))
    assert offered == [village_committee, township_committee]


def test_the_township_committee_accepts_and_the_clock_starts(dispute_case, township_committee, township_dispatcher):
    case = take(dispute_case, "accept_mediation", township_dispatcher, committee=township_committee.pk,
                method="administrative")
    dispute = Dispute.objects.get(pk=case.pk)
    assert (dispute.committee, dispute.method, case.status) == (township_committee, "administrative", "dispatched")
