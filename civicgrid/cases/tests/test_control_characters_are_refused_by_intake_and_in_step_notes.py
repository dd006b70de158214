"""Control characters (U+0001–U+001F but tab and newlines, U+007F) are refused wherever a case's text comes in:
intake's one check names the field for every channel (the resident's form included), a step's note is refused
by the one transition, and nothing is written. Tabs and newlines are ordinary text."""

import pytest
from django.urls import reverse

from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Case, CaseEvent, CategoryField
from civicgrid.cases.services import transition
from civicgrid.cases.workflow import InvalidInput
from civicgrid.testing import factories

from .test_public_support import fresh_cache, media_in_tmp, report_data, text_of  # noqa: F401

FIELDS = {"title": "井盖\x07缺失", "description": "井盖缺失\x1b[31m", "address": "新建路\x0b12号",
          "reporter_name": "张\x7f三"}


@pytest.fixture
def spot_field(street_litter):
    return CategoryField.objects.create(category=street_litter, code="spot", label="具体位置", field_type="text")


@pytest.mark.parametrize(("field", "value"), FIELDS.items(), ids=FIELDS.keys())
def test_intake_names_the_field_and_the_character_and_writes_nothing(street_litter, yulin, field, value):
    with pytest.raises(InvalidInput) as caught:
        file_case(factories.report(street_litter, **{field: value}))
    assert "控制字符" in caught.value.errors[field] and "U+00" in caught.value.errors[field]
    assert Case.objects.count() == CaseEvent.objects.count() == 0


def test_an_extra_text_value_with_a_control_character_is_refused_by_its_label(street_litter, yulin, spot_field):
    with pytest.raises(InvalidInput) as caught:
        file_case(factories.report(street_litter, extra={"spot": "路口\x01东侧"}))
    assert caught.value.errors["extra.spot"].startswith("“具体位置”含有不允许的控制字符（U+0001）")
    assert not Case.objects.exists()


def test_tabs_and_newlines_are_ordinary_text(street_litter, yulin):
    case = file_case(factories.report(street_litter, description="第一行\r\n第二行\t缩进"))
    assert case.description == "第一行\r\n第二行\t缩进"


def test_the_residents_form_shows_the_refusal_next_to_the_field(client, street_litter, yulin):
    response = client.post(reverse("public:report"), report_data(street_litter, description="垃圾\x08很多"))
    assert response.status_code == 200 and not Case.objects.exists()
    assert "描述含有不允许的控制字符（U+0008）" in text_of(response.content.decode(), "field-description")


def test_a_step_note_with_a_control_character_is_refused_and_the_case_stays(reported_case, intake_clerk):
    with pytest.raises(InvalidInput) as caught:
        transition(reported_case, "register", intake_clerk, note="信息完整\x00予以立案")
    assert "U+0000" in caught.value.errors["note"]
    reported_case.refresh_from_db()
    assert reported_case.status == "reported" and reported_case.events.count() == 1


def test_the_case_page_shows_the_refusal_of_a_note(client, reported_case, intake_clerk):
    client.force_login(intake_clerk)
    page = client.post(reverse("cases:act", args=[reported_case.number]),
                       {"version": reported_case.version, "action": "register", "note": "立\x1f案"}, follow=True)
    assert "说明含有不允许的控制字符（U+001F）" in page.content.decode()
    reported_case.refresh_from_db()
    assert reported_case.status == "reported"
