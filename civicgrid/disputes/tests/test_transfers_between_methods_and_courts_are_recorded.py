"""调解衔接: a move between methods (三调联动) or to a court (诉调对接) is recorded with its reason and moves the
dispute's method; a move to the same method, or to a court without naming it, is refused."""

import pytest

from civicgrid.cases.workflow import InvalidInput
from civicgrid.disputes.models import Dispute, Transfer

from .conftest import accepted, take


def test_a_move_between_methods_and_to_a_court(dispute_case, mediator, village_committee):
    case = accepted(dispute_case, mediator, village_committee)
    take(case, "transfer_mediation", mediator, note="涉及土地确权", kind="method", to_method="administrative")
    take(case, "transfer_mediation", mediator, note="当事人起诉", kind="to_court", counterpart="榆阳区人民法院")
    rows = list(Transfer.objects.values_list("kind", "from_method", "to_method", "counterpart"))
    assert rows == [("method", "people", "administrative", ""),
                    ("to_court", "administrative", "judicial", "榆阳区人民法院")]
    assert Dispute.objects.get(pk=case.pk).method == "judicial"


@pytest.mark.parametrize(("params", "field"), [({"kind": "method", "to_method": "people"}, "to_method"),
                                               ({"kind": "to_court"}, "counterpart")])
def test_a_move_that_goes_nowhere_is_refused(dispute_case, mediator, village_committee, params, field):
    case = accepted(dispute_case, mediator, village_committee)
    with pytest.raises(InvalidInput) as refused:
        take(case, "transfer_mediation", mediator, note="原因", **params)
    assert field in refused.value.errors and not Transfer.objects.exists()
