"""结案 of a petition needs the petitioner's acknowledgement on record (how, when, their words): without it
the close is refused with a sentence that says so, from the service, the API and the case page, and nothing
is saved; a new settlement asks for the petitioner's word again."""

import pytest
from django.urls import reverse
from django.utils import timezone

from civicgrid.cases.services import transition
from civicgrid.cases.workflow import InvalidInput, WrongState

from .conftest import api, settled, state, take

WORDS = {"how": "phone", "words": "同意办理结果。"}


def test_closing_without_the_acknowledgement_is_refused_and_changes_nothing(petition_case, leader):
    case = settled(petition_case, leader)
    before = state(case)
    with pytest.raises(WrongState, match="尚未记录信访人的认可"):
        transition(case, "close_petition", leader)
    assert state(case) == before


def test_the_api_refuses_the_close_with_the_same_sentence(client, petition_case, leader):
    case = settled(petition_case, leader)
    before = state(case)
    answer = api(client, leader, f"/api/v1/cases/{case.number}/actions", {"action": "close_petition"})
    assert answer.status_code == 409 and "尚未记录信访人的认可" in answer.json()["message"]
    assert state(case) == before


def test_the_case_page_offers_the_close_only_once_the_petitioner_has_acknowledged(client, petition_case, leader):
    case = settled(petition_case, leader)
    client.force_login(leader)
    page = client.get(reverse("cases:detail", args=[case.number])).content.decode()
    assert 'data-action="acknowledge_petition"' in page and 'data-action="close_petition"' not in page
    take(case, "acknowledge_petition", leader, on=timezone.localdate(), **WORDS)
    assert 'data-action="close_petition"' in client.get(reverse("cases:detail", args=[case.number])).content.decode()


def test_the_spines_own_close_is_not_taken_by_a_petition(petition_case, leader, shift_lead):
    case = settled(petition_case, leader)
    take(case, "acknowledge_petition", leader, on=timezone.localdate(), **WORDS)
    with pytest.raises(InvalidInput, match="没有“close”这个操作"):
        transition(case, "close", shift_lead)


@pytest.mark.parametrize(("missing", "message"), [
    ("how", "请选择信访人认可的方式"), ("on", "请填写认可日期"), ("words", "请记录信访人的原话或意见")])
def test_an_acknowledgement_without_how_when_or_the_words_is_refused(petition_case, leader, missing, message):
    case = settled(petition_case, leader)
    given = {"on": timezone.localdate(), **WORDS}
    given.pop(missing)
    before = state(case)
    with pytest.raises(InvalidInput, match=message) as refused:
        transition(case, "acknowledge_petition", leader, **given)
    assert missing in refused.value.errors and state(case) == before


def test_an_acknowledgement_dated_before_the_settlement_or_in_the_future_is_refused(petition_case, leader):
    case = settled(petition_case, leader)
    before = state(case)
    today = timezone.localdate()
    for day, message in ((today - timezone.timedelta(days=1), "认可日期不能早于办结日期"),
                         (today + timezone.timedelta(days=1), "认可日期不能晚于今天")):
        with pytest.raises(InvalidInput, match=message):
            transition(case, "acknowledge_petition", leader, on=day, **WORDS)
    assert state(case) == before


def test_settling_again_asks_for_the_petitioners_word_again(petition_case, leader):
    case = settled(petition_case, leader)
    take(case, "acknowledge_petition", leader, on=timezone.localdate(), how="oral", words="基本认可，但还要看后续。")
    take(case, "settle_petition", leader, outcome="partly", account="先补发一半，余款下月到位。")
    with pytest.raises(WrongState, match="尚未记录信访人的认可"):
        transition(case, "close_petition", leader)
