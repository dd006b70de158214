"""Intake clerks, dispatchers and shift leads of the centre handling a case, and the staff of a department
working on it, see the reporter's phone or ID number in full when they give a reason: for that answer
only, and written to the access log."""

import pytest
from django.urls import reverse

from civicgrid.core.models import AccessLog

from .revealing import ID_NUMBER, PHONE, reveal


@pytest.mark.parametrize("who", ["intake_clerk", "township_dispatcher", "shift_lead", "department_handler"])
def test_each_role_that_calls_back_sees_the_phone_in_full_for_that_answer_only(client, case_with_numbers, who,
                                                                                request):
    case, person = case_with_numbers, request.getfixturevalue(who)
    client.force_login(person)
    response = reveal(client, case, "phone")
    assert response.status_code == 200
    assert PHONE in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    entry = AccessLog.objects.get(action="reveal")
    assert (entry.user, entry.field, entry.reason, entry.record_key) == (person, "phone", "回访核实诉求", case.number)
    assert PHONE not in str(dict(client.session))


def test_the_id_number_is_revealed_the_same_way(client, case_with_numbers, township_dispatcher):
    client.force_login(township_dispatcher)
    assert ID_NUMBER in reveal(client, case_with_numbers, "id_number").content.decode()
    assert AccessLog.objects.get(action="reveal").field == "id_number"


def test_the_case_page_offers_the_button_and_answers_htmx_in_place(client, case_with_numbers, township_dispatcher):
    client.force_login(township_dispatcher)
    page = client.get(reverse("cases:detail", args=[case_with_numbers.number])).content.decode()
    assert "138****8000" in page and PHONE not in page and "查看完整联系电话" in page
    fragment = reveal(client, case_with_numbers, "phone", HX_Request="true").content.decode()
    assert fragment.lstrip().startswith('<span class="reporter-number" id="number-phone"')
    assert PHONE in fragment and "<html" not in fragment


def test_the_case_page_shows_the_masked_number_again_after_a_reveal(client, case_with_numbers, township_dispatcher):
    client.force_login(township_dispatcher)
    reveal(client, case_with_numbers, "phone")
    assert PHONE not in client.get(reverse("cases:detail", args=[case_with_numbers.number])).content.decode()


def test_the_reveal_page_without_script_shows_a_reason_form_for_each_number(client, case_with_numbers,
                                                                             intake_clerk):
    client.force_login(intake_clerk)
    response = client.get(reverse("cases:reveal", args=[case_with_numbers.number]))
    page = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert 'name="reason"' in page and "138****8000" in page and "110105********002X" in page
    assert PHONE not in page and ID_NUMBER not in page
    assert not AccessLog.objects.filter(action="reveal").exists()
