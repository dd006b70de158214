import pytest

from civicgrid.cases.models import CaseEvent


@pytest.mark.parametrize("path", ["", "/events", "/attachments", "/approvals"])
def test_an_outsiders_token_gets_404_for_a_case_in_township_a(as_staff, outsider, case_in_a, path):
    answer = as_staff(outsider).get(f"/cases/{case_in_a.number}{path}")
    assert answer.status_code == 404 and answer.json()["code"] == "not_found"


def test_an_outsider_cannot_act_on_a_case_in_township_a_and_nothing_is_written(as_staff, outsider, case_in_a):
    answer = as_staff(outsider).post(f"/cases/{case_in_a.number}/actions", {"action": "register"})
    assert answer.status_code == 404
    assert CaseEvent.objects.filter(case=case_in_a).count() == 1


def test_an_outsiders_list_leaves_township_a_out(as_staff, outsider, shift_lead, case_in_a):
    assert as_staff(outsider).get("/cases").json()["items"] == []
    assert len(as_staff(shift_lead).get("/cases").json()["items"]) == 1
