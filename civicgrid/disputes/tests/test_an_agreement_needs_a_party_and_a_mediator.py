"""An agreement (written or oral) is refused without a party or without a mediator in charge, with a clear
sentence, and nothing is saved: the case stays in mediation."""

import pytest
from django.utils import timezone

from civicgrid.cases.workflow import InvalidInput
from civicgrid.disputes.models import Agreement

from .conftest import accepted, party, take

TERMS = {"facts": "漏水", "terms": "修复防水层", "signed_on": str(timezone.localdate())}


@pytest.mark.parametrize("action", ["reach_agreement", "oral_agreement"])
def test_without_a_party_the_agreement_is_refused(dispute_case, mediator, village_committee, action):
    case = accepted(dispute_case, mediator, village_committee)
    with pytest.raises(InvalidInput, match="当事人"):
        take(case, action, mediator, **TERMS)
    case.refresh_from_db()
    assert case.status == "dispatched" and not Agreement.objects.exists()


@pytest.mark.parametrize("action", ["reach_agreement", "oral_agreement"])
def test_without_a_mediator_the_agreement_is_refused(dispute_case, mediator, village_committee, grid_worker,
                                                     action):
    party(dispute_case, grid_worker)
    case = take(dispute_case, "accept_mediation", mediator, committee=village_committee.pk)
    with pytest.raises(InvalidInput, match="调解员") as refused:
        take(case, action, mediator, **TERMS)
    assert "mediators" in refused.value.errors
    case.refresh_from_db()
    assert case.status == "dispatched" and not Agreement.objects.exists()


def test_an_agreement_without_its_terms_is_refused(dispute_case, mediator, village_committee, grid_worker):
    party(dispute_case, grid_worker)
    case = accepted(dispute_case, mediator, village_committee)
    with pytest.raises(InvalidInput) as refused:
        take(case, "reach_agreement", mediator, **{**TERMS, "terms": ""})
    assert "terms" in refused.value.errors and not Agreement.objects.exists()
