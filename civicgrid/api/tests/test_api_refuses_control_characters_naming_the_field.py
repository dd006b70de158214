"""``POST /api/v1/cases`` and a step's note refuse control characters with a 422 naming the field and the
character, and write nothing; tabs and newlines pass."""

import pytest

from civicgrid.cases.models import Case, CaseEvent, CategoryField

from .conftest import filing


@pytest.fixture
def api(as_staff, intake_clerk, street_litter):
    CategoryField.objects.create(category=street_litter, code="spot", label="具体位置", field_type="text")
    return as_staff(intake_clerk)


def refused(answer, field: str) -> str:
    assert answer.status_code == 422, answer.content
    details = answer.json()["details"]
    assert "控制字符" in details[field], details
    return details[field]


@pytest.mark.parametrize(("change", "field"), [
    ({"title": "井盖\x07缺失"}, "title"),
    ({"description": "井盖缺失\x1b"}, "description"),
    ({"address": "新建路\x0c12号"}, "address"),
    ({"reporter": {"name": "李\x7f四", "phone": "13912345678"}}, "reporter.name"),
])
def test_a_control_character_in_a_field_is_refused_by_name(api, change, field):
    assert "U+00" in refused(api.post("/cases", filing(channel="hotline", **change)), field)
    assert not Case.objects.exists()


def test_a_control_character_in_an_extra_value_is_refused_by_intake_with_the_fields_label(api):
    message = refused(api.post("/cases", filing(channel="hotline", extra={"spot": "路口\x02"})), "extra.spot")
    assert message.startswith("“具体位置”")
    assert not Case.objects.exists()


def test_tabs_and_newlines_pass(api):
    answer = api.post("/cases", filing(channel="hotline", description="第一行\n第二行\t缩进"))
    assert answer.status_code == 201, answer.content


def test_a_step_note_with_a_control_character_is_refused_and_the_case_stays(api):
    number = api.post("/cases", filing(channel="hotline")).json()["number"]
    answer = api.post(f"/cases/{number}/actions", {"action": "register", "note": "立案\x03"})
    refused(answer, "note")
    assert CaseEvent.objects.filter(case__number=number).count() == 1
