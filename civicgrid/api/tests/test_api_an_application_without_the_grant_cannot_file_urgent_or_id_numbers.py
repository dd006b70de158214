"""POST /cases asks intake who may file a matter as urgent or with the reporter's ID number: an application needs the
grant ``file_sensitive`` (and, acting as a staff account, that account's role too); without it the answer is a 400
naming the field, in the caller's language, and nothing is written. Staff tokens follow their owner's role."""

import pytest

from civicgrid.cases.models import Case
from civicgrid.testing import factories

from .conftest import filing

ID_NUMBER = "11010519491231002X"


@pytest.mark.parametrize(("fields", "field"), [({"priority": "urgent"}, "priority"),
                                               ({"reporter": {"name": "李四", "id_number": ID_NUMBER}},
                                                "reporter_id_number")])
def test_an_application_without_the_grant_is_refused_with_a_400(as_application, street_litter, fields, field):
    answer = as_application("610802001").post("/cases", filing(**fields))
    assert answer.status_code == 400
    body = answer.json()
    assert body["code"] == "not_granted" and list(body["details"]) == [field]
    assert "获得授权的客户端应用" in body["message"]
    assert not Case.objects.exists()


def test_the_refusal_reads_in_english_when_asked(as_application, street_litter):
    answer = as_application("610802001", language="en").post("/cases", filing(priority="critical"))
    assert answer.status_code == 400 and "authorised client applications" in answer.json()["message"]


def test_an_application_with_the_grant_files_an_urgent_case_with_an_id_number(as_application, street_litter):
    api = as_application("610802001", grants=("read", "file", "file_sensitive"))
    answer = api.post("/cases", filing(priority="urgent", reporter={"name": "李四", "phone": "13912345678",
                                                                     "id_number": ID_NUMBER}))
    assert answer.status_code == 201, answer.content
    assert Case.objects.values_list("priority", "reporter_id_number").get() == ("urgent", ID_NUMBER)


def test_a_staff_account_does_not_stand_in_for_the_grant(as_application, intake_clerk, street_litter):
    answer = as_application("610802001", staff=intake_clerk).post("/cases", filing(channel="hotline",
                                                                                   priority="urgent"))
    assert answer.status_code == 400 and not Case.objects.exists()


def test_a_building_heads_token_is_refused_what_a_clerks_is_given(as_staff, intake_clerk, street_litter, yulin):
    head = factories.staff_with_role("building_head", area=factories.area(f"{yulin['grid_a'].code}001", "1号楼"),
                                     username="building_head")
    refused = as_staff(head).post("/cases", filing(priority="urgent", unit=f"{yulin['grid_a'].code}001"))
    assert refused.status_code == 400 and refused.json()["details"].keys() == {"priority"}
    assert as_staff(intake_clerk).post("/cases", filing(channel="hotline", priority="urgent")).status_code == 201
    assert as_staff(head).post("/cases", filing(unit=f"{yulin['grid_a'].code}001")).status_code == 201
