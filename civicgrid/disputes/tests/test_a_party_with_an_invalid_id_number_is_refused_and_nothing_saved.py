"""添加当事人 checks a 居民身份证 number by GB 11643's check character, the phone by mainland rules and asks
for the name and role: a wrong one is refused with a sentence naming the field, and nothing is saved."""

import pytest

from civicgrid.cases.models import CaseEvent
from civicgrid.cases.workflow import InvalidInput
from civicgrid.disputes.models import Party

from .conftest import VALID_ID, party


@pytest.mark.parametrize(("fields", "field"), [
    ({"id_number": VALID_ID[:-1] + "1"}, "id_number"),
    ({"id_number": "12345"}, "id_number"),
    ({"phone": "12345"}, "phone"),
    ({"name": "  "}, "name"),
    ({"role": None}, "role"),
])
def test_a_bad_party_is_refused_with_its_field(dispute_case, grid_worker, fields, field):
    events = CaseEvent.objects.count()
    with pytest.raises(InvalidInput) as refused:
        party(dispute_case, grid_worker, **fields)
    assert field in refused.value.errors and refused.value.message
    assert not Party.objects.exists() and CaseEvent.objects.count() == events


def test_a_passport_number_is_not_checked_as_an_id_card(dispute_case, grid_worker):
    party(dispute_case, grid_worker, id_type="passport", id_number="E12345678")
    assert Party.objects.get().id_number == "E12345678"


def test_the_id_number_message_is_in_chinese(dispute_case, grid_worker):
    with pytest.raises(InvalidInput, match="居民身份证"):
        party(dispute_case, grid_worker, id_number="110105194912310021")
