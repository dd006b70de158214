"""A kind registered by an app outside ``cases`` (安全检查, with its record and its step 评定等级) is taken on
the case page, through the JSON API and Open311's updates show it, like the spine's own steps."""

import json

import pytest
from django.urls import reverse

from civicgrid.api import keys
from civicgrid.cases.intake import file_case
from civicgrid.cases.models import CaseEvent
from civicgrid.cases.services import transition
from civicgrid.cases.workflow import InvalidInput, NotAllowed
from civicgrid.open311.models import Service
from civicgrid.testing import factories
from civicgrid.testing.sample.models import Inspection


@pytest.fixture
def inspection_case(yulin, intake_clerk):
    category = factories.category("07", "安全检查", kind="inspection")
    Service.objects.create(category=category, service_code="inspection")  # published to Open311 clients
    case = file_case(factories.report(category))
    transition(case, "register", intake_clerk)
    case.refresh_from_db()
    return case


def take_through_api(client, user, case, **body):
    raw = keys.create_token(user, "tests")[1]
    return client.post(f"/api/v1/cases/{case.number}/actions", json.dumps(body), content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_the_step_shows_on_the_case_page_with_its_inputs_and_works_from_there(client, inspection_case,
                                                                             township_dispatcher):
    client.force_login(township_dispatcher)
    page = client.get(reverse("cases:detail", args=[inspection_case.number])).content.decode()
    assert 'data-action="assess"' in page and 'name="grade"' in page
    client.post(reverse("cases:act", args=[inspection_case.number]),
                {"action": "assess", "version": inspection_case.version, "grade": "3"})
    assert Inspection.objects.get(case=inspection_case).grade == 3


def test_the_step_is_not_offered_on_a_case_of_another_kind(client, township_dispatcher, reported_case,
                                                          intake_clerk):
    transition(reported_case, "register", intake_clerk)
    client.force_login(township_dispatcher)
    assert 'data-action="assess"' not in client.get(reverse("cases:detail", args=[reported_case.number])).content.decode()
    with pytest.raises(InvalidInput):
        transition(reported_case, "assess", township_dispatcher, grade=2)


def test_the_json_api_takes_the_step_and_its_schema_refuses_bad_input(client, inspection_case, township_dispatcher):
    bad = take_through_api(client, township_dispatcher, inspection_case, action="assess", params={"grade": 9})
    assert bad.status_code == 422 and "grade" in bad.json()["details"]
    assert not Inspection.objects.exists()
    done = take_through_api(client, township_dispatcher, inspection_case, action="assess", params={"grade": 2})
    assert done.status_code == 200, done.content
    assert done.json()["event"]["label"] == "评定等级" and Inspection.objects.get().grade == 2


def test_the_step_is_on_the_residents_timeline_and_in_open311_updates(client, inspection_case, township_dispatcher):
    transition(inspection_case, "assess", township_dispatcher, grade=4)
    _app, key = keys.create_application("客户端", "610802", ["read"])
    updates = client.get("/open311/v2/servicerequestupdates.json", {"api_key": key}).json()
    assert any(u["description"].startswith("评定等级") and "风险等级：4级" in u["description"] for u in updates)
    assert CaseEvent.objects.filter(case=inspection_case, action="assess").get().data == {"grade": 4}


def test_outside_scope_the_step_is_refused_and_the_case_not_found(client, inspection_case, outsider):
    with pytest.raises(NotAllowed):
        transition(inspection_case, "assess", outsider, grade=1)
    assert take_through_api(client, outsider, inspection_case, action="assess", params={"grade": 1}).status_code == 404
    client.force_login(outsider)
    assert client.get(reverse("cases:detail", args=[inspection_case.number])).status_code == 404
    assert not Inspection.objects.exists()
