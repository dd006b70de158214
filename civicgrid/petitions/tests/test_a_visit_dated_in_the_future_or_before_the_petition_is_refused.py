"""A reception or home visit happened: dated after today or before the petition came in, it is refused with
a sentence naming the date, and nothing is saved; so is one without who went or where, or a next visit that
is already past."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.cases.services import transition
from civicgrid.cases.workflow import InvalidInput

from .conftest import api, state

VISIT = {"kind": "reception", "visitors": "马领导", "place": "鼓楼街道综治中心", "notes": "当面听取诉求。"}


def test_a_visit_dated_tomorrow_is_refused_and_nothing_is_saved(petition_case, leader):
    before = state(petition_case)
    with pytest.raises(InvalidInput, match="接访（走访）日期不能晚于今天") as refused:
        transition(petition_case, "record_visit", leader, visited_on=timezone.localdate() + timedelta(days=1), **VISIT)
    assert "visited_on" in refused.value.errors and state(petition_case) == before


def test_a_visit_dated_before_the_petition_came_in_is_refused(petition_case, leader):
    before = state(petition_case)
    filed = timezone.localdate(petition_case.reported_at)
    with pytest.raises(InvalidInput, match=f"不能早于信访登记日期（{filed.isoformat()}）"):
        transition(petition_case, "record_visit", leader, visited_on=filed - timedelta(days=1), **VISIT)
    assert state(petition_case) == before


def test_a_visit_on_the_day_the_petition_came_in_is_recorded(petition_case, leader):
    filed = timezone.localdate(petition_case.reported_at)
    transition(petition_case, "record_visit", leader, visited_on=filed, **VISIT)
    assert petition_case.petition.visits.get().visited_on == filed


@pytest.mark.parametrize(("field", "message"), [("visitors", "请填写接访（走访）人员"), ("place", "请填写地点")])
def test_a_visit_without_who_or_where_is_refused(petition_case, leader, field, message):
    before = state(petition_case)
    with pytest.raises(InvalidInput, match=message):
        transition(petition_case, "record_visit", leader, visited_on=timezone.localdate(), **{**VISIT, field: " "})
    assert state(petition_case) == before


def test_a_next_visit_already_past_is_refused(petition_case, leader):
    before = state(petition_case)
    with pytest.raises(InvalidInput, match="下次走访日期不能早于今天"):
        transition(petition_case, "record_visit", leader, visited_on=timezone.localdate(),
                   next_visit_on=timezone.localdate() - timedelta(days=1), **VISIT)
    assert state(petition_case) == before


def test_the_api_names_the_date_field_in_the_users_language(client, petition_case, leader):
    body = {"action": "record_visit", "params": {**VISIT, "visited_on": "2999-01-01"}}
    answer = api(client, leader, f"/api/v1/cases/{petition_case.number}/actions", body)
    assert answer.status_code == 422 and "visited_on" in answer.json()["details"]
    body["params"]["visited_on"] = "昨天"
    answer = api(client, leader, f"/api/v1/cases/{petition_case.number}/actions", body)
    assert answer.status_code == 422 and answer.json()["details"]["visited_on"] == "请按“年-月-日”填写接访（走访）日期。"
    assert state(petition_case)[3] is None
