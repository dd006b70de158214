"""包案领导 is a 领导 whose node reaches the petition: someone without the role, or a leader of another
township, is refused with a sentence naming them, and nothing is saved; the case page offers only the
leaders who may take it."""

import pytest
from django.urls import reverse

from civicgrid.cases.services import transition
from civicgrid.cases.workflow import InvalidInput

from .conftest import state


def test_a_leader_outside_the_petitions_area_is_refused(petition_case, township_b_leader, shift_lead):
    before = state(petition_case)
    with pytest.raises(InvalidInput, match="领导职责范围不包括案件所在区域") as refused:
        transition(petition_case, "assign_leader", shift_lead, leader=township_b_leader.pk)
    assert "leader" in refused.value.errors and state(petition_case) == before


def test_staff_without_the_leader_role_are_refused(petition_case, township_dispatcher, shift_lead):
    before = state(petition_case)
    with pytest.raises(InvalidInput, match="没有“领导”角色"):
        transition(petition_case, "assign_leader", shift_lead, leader=township_dispatcher.pk)
    assert state(petition_case) == before


def test_no_leader_or_an_unknown_one_is_refused(petition_case, shift_lead):
    for given, message in ((None, "请选择包案领导"), (999999, "所选包案领导不存在")):
        with pytest.raises(InvalidInput, match=message):
            transition(petition_case, "assign_leader", shift_lead, leader=given)
    assert state(petition_case)[3] is None


def test_the_case_page_offers_the_leaders_whose_area_reaches_the_petition(client, petition_case, leader, county_leader,
                                                                         township_b_leader, shift_lead):
    client.force_login(shift_lead)
    page = client.get(reverse("cases:detail", args=[petition_case.number])).content.decode()
    assert f'<option value="{leader.pk}">' in page and f'<option value="{county_leader.pk}">' in page
    assert f'<option value="{township_b_leader.pk}">' not in page
