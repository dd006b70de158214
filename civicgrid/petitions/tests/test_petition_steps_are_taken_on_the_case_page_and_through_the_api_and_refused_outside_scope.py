"""Every petition step works from the case page's form and from ``POST /api/v1/cases/{number}/actions``; outside
the user's scope the case is a 404 and the step is refused; on a case of another kind the steps do not exist."""

import pytest
from django.urls import reverse
from django.utils import timezone

from civicgrid.cases.services import transition
from civicgrid.cases.workflow import InvalidInput, NotAllowed
from civicgrid.petitions.models import Petition

from .conftest import api, settled, state

TODAY = timezone.localdate().isoformat()


def test_the_leader_takes_the_steps_from_the_case_page(client, petition_case, leader):
    client.force_login(leader)
    page = client.get(reverse("cases:detail", args=[petition_case.number])).content.decode()
    for action in ("assign_leader", "set_plan", "record_visit", "mark_backlog", "settle_petition"):
        assert f'data-action="{action}"' in page
    assert 'name="visited_on"' in page and 'name="next_visit_on"' in page
    posts = [{"action": "assign_leader", "leader": leader.pk},
             {"action": "record_visit", "kind": "home", "visited_on": TODAY, "visitors": "马领导", "place": "王家村",
              "next_visit_on": TODAY}]
    for body in posts:
        petition_case.refresh_from_db()
        answer = client.post(reverse("cases:act", args=[petition_case.number]), {**body, "version": petition_case.version})
        assert answer.status_code == 302
    record = Petition.objects.get(case=petition_case)
    assert record.leader == leader and record.next_visit_on == timezone.localdate()


def test_the_page_says_why_a_step_was_refused(client, petition_case, leader):
    client.force_login(leader)
    answer = client.post(reverse("cases:act", args=[petition_case.number]), follow=True,
                         data={"action": "mark_backlog", "version": petition_case.version, "since": "2999-01-01",
                               "reason": "久拖未决"})
    assert "列为积案日期不能晚于今天" in answer.content.decode()
    assert not Petition.objects.exists()


def test_the_api_takes_each_step(client, petition_case, leader):
    path = f"/api/v1/cases/{petition_case.number}/actions"
    bodies = [
        {"action": "assign_leader", "params": {"leader": leader.pk}},
        {"action": "set_plan", "params": {"plan": "核对台账，补发差额。"}},
        {"action": "mark_backlog", "params": {"since": TODAY, "reason": "历史遗留"}},
        {"action": "clear_backlog", "note": "已落实"},
        {"action": "settle_petition", "params": {"outcome": "explained", "account": "依政策答复并解释。"}},
        {"action": "acknowledge_petition", "params": {"how": "oral", "on": TODAY, "words": "听明白了。"}},
        {"action": "close_petition"},
    ]
    for body in bodies:
        answer = api(client, leader, path, body)
        assert answer.status_code == 200, (body, answer.content)
    assert api(client, leader, f"/api/v1/cases/{petition_case.number}").json()["status"] == "closed"


def test_outside_scope_the_steps_are_refused_and_the_case_and_its_file_not_found(client, petition_case, leader,
                                                                                 outsider):
    before = state(petition_case)
    with pytest.raises(NotAllowed):
        transition(petition_case, "set_plan", outsider, plan="越权")
    answer = api(client, outsider, f"/api/v1/cases/{petition_case.number}/actions",
                 {"action": "assign_leader", "params": {"leader": leader.pk}})
    assert answer.status_code == 404
    client.force_login(outsider)
    assert client.get(reverse("cases:detail", args=[petition_case.number])).status_code == 404
    assert client.get(reverse("petitions:detail", args=[petition_case.number])).status_code == 404
    assert state(petition_case) == before


def test_the_petitions_steps_do_not_exist_on_a_case_of_another_kind(reported_case, intake_clerk, leader):
    transition(reported_case, "register", intake_clerk)
    with pytest.raises(InvalidInput, match="没有“set_plan”这个操作"):
        transition(reported_case, "set_plan", leader, plan="方案")


def test_the_petition_file_shows_the_record_and_its_visits_but_not_the_petitioner(client, petition_case, leader):
    settled(petition_case, leader)
    client.force_login(leader)
    page = client.get(reverse("petitions:detail", args=[petition_case.number])).content.decode()
    assert "协调镇政府核对补偿台账" in page and "王家村" in page and "诉求已解决" in page
    assert "王秀兰" not in page and "13912345678" not in page


def test_the_file_of_a_case_that_is_not_a_petition_is_not_found(client, reported_case, township_dispatcher):
    client.force_login(township_dispatcher)
    assert client.get(reverse("petitions:detail", args=[reported_case.number])).status_code == 404
