"""派遣: the routing rules' proposal is pre-selected and marked 系统建议, a suggestion the dispatcher may change;
the lead department cannot be ticked as a co-department too: the form disables it, and the step refuses it
with a clear message from the page and the API alike, changing nothing."""

import json

import pytest
from django.urls import reverse

from civicgrid.api import keys
from civicgrid.cases.models import CaseEvent, RoutingRule
from civicgrid.cases.routing import propose
from civicgrid.cases.services import transition


@pytest.fixture
def registered(reported_case, intake_clerk, department_handler, second_department_handler, street_litter):
    """A registered case whose category's rule proposes the first department to lead and the second to help."""
    lead = department_handler.assignments.get().department
    co = second_department_handler.assignments.get().department
    rule = RoutingRule.objects.create(category=street_litter, area_prefix="610802", lead_department=lead)
    rule.co_departments.set([co, lead])  # a careless rule naming its lead twice
    transition(reported_case, "register", intake_clerk)
    reported_case.refresh_from_db()
    return reported_case, lead, co


def test_the_proposal_is_pre_selected_and_marked_as_a_suggestion(client, township_dispatcher, registered):
    case, lead, co = registered
    client.force_login(township_dispatcher)
    page = client.get(reverse("cases:detail", args=[case.number])).content.decode()
    assert "系统建议" in page and "仅供参考" in page
    assert f'<option value="{lead.pk}" selected>{lead.name}（系统建议）</option>' in page
    assert f'value="{co.pk}" id="co-dispatch-case-{co.pk}" checked>' in page
    assert f'value="{lead.pk}" id="co-dispatch-case-{lead.pk}" disabled>' in page
    assert propose(case.category, case.area_code).co == [co]


def test_the_lead_ticked_as_a_co_department_is_refused_on_the_page(client, township_dispatcher, registered):
    case, lead, co = registered
    client.force_login(township_dispatcher)
    page = client.post(reverse("cases:act", args=[case.number]),
                       {"action": "dispatch", "version": case.version, "lead": lead.pk, "co": [co.pk, lead.pk]},
                       follow=True).content.decode()
    assert f"{lead.name}已是主办部门，不能同时作为协办部门，请取消勾选。" in page
    case.refresh_from_db()
    assert case.status == "registered" and not case.assignments.exists()
    assert not CaseEvent.objects.filter(case=case, action="dispatch").exists()


def test_the_lead_as_a_co_department_is_refused_by_the_api_naming_the_field(client, township_dispatcher, registered):
    case, lead, co = registered
    token = keys.create_token(township_dispatcher, "tests")[1]
    body = {"action": "dispatch", "version": case.version, "params": {"lead": lead.pk, "co": [lead.pk]}}
    answer = client.post(f"/api/v1/cases/{case.number}/actions", json.dumps(body), content_type="application/json",
                         HTTP_AUTHORIZATION=f"Bearer {token}")
    assert answer.status_code == 422
    assert answer.json()["details"] == {"co": f"{lead.name}已是主办部门，不能同时作为协办部门，请取消勾选。"}
    assert not case.assignments.exists()
