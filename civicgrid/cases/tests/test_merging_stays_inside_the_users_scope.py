import pytest

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.cases.workflow import InvalidInput
from civicgrid.testing import factories


def test_a_township_clerk_cannot_merge_into_a_case_of_another_township(reported_case, street_litter, yulin):
    other_township = file_case(factories.report(street_litter, point=(109.73, 38.29)))
    clerk_b = factories.staff_with_role("intake_clerk", area=yulin["township_b"], username="clerk_b")
    with pytest.raises(InvalidInput, match="找不到可合并的原案件"):
        transition(other_township, "merge", clerk_b, original=reported_case.number)
    with pytest.raises(InvalidInput, match="找不到可合并的原案件"):
        transition(other_township, "merge", clerk_b, original="610802-20990101-00001")
