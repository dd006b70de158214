"""A reveal needs a reason: without one (or with only spaces) the page and the API say so in Chinese, the
number stays masked and nothing is logged as a reveal."""

import pytest

from civicgrid.api.keys import create_token
from civicgrid.core.models import AccessLog

from .revealing import PHONE, api_reveal, reveal

MESSAGE = "请填写查看理由"


@pytest.mark.parametrize("reason", ["", "   "], ids=["empty", "spaces"])
def test_the_page_asks_for_a_reason_and_shows_no_number(client, case_with_numbers, township_dispatcher, reason):
    client.force_login(township_dispatcher)
    response = reveal(client, case_with_numbers, "phone", reason=reason, HX_Request="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert MESSAGE in page and "is-invalid" in page and "<details" in page
    assert PHONE not in page
    assert not AccessLog.objects.filter(action="reveal").exists()


def test_the_api_answers_422_naming_the_reason(client, case_with_numbers, township_dispatcher):
    _token, raw = create_token(township_dispatcher, "回访")
    response = api_reveal(client, case_with_numbers, {"field": "phone"}, raw)
    assert response.status_code == 422
    assert MESSAGE in response.json()["details"]["reason"]
    assert PHONE not in response.content.decode()
    assert not AccessLog.objects.filter(action="reveal").exists()


def test_a_field_the_reporter_did_not_leave_is_named_and_nothing_is_logged(client, reported_case, intake_clerk):
    client.force_login(intake_clerk)
    page = reveal(client, reported_case, "id_number").content.decode()
    assert "诉求人没有留下身份证号" in page
    assert not AccessLog.objects.filter(action="reveal").exists()


def test_a_made_up_field_is_refused(client, case_with_numbers, intake_clerk):
    client.force_login(intake_clerk)
    assert "只能查看联系电话或身份证号" in reveal(client, case_with_numbers, "password").content.decode()
    assert not AccessLog.objects.filter(action="reveal").exists()
