"""Every hazard step through the registry: taken from the case page's form, through the JSON API, and refused
to township B's dispatcher (the case is a 404 to them) with nothing written."""

import pytest
from django.urls import reverse

from civicgrid.cases.models import CaseEvent
from civicgrid.cases.services import transition
from civicgrid.hazards.models import Check, Hazard

from .conftest import graded, record, through_api


def _page(client, user, case, action, **fields):
    client.force_login(user)
    case.refresh_from_db()
    return client.post(reverse("cases:act", args=[case.number]), {"action": action, "version": case.version, **fields})


def test_recording_from_the_page_masks_the_phone_on_the_case_page(client, hazard_case, township_dispatcher, gas):
    _page(client, township_dispatcher, hazard_case, "hazard_record", field=gas.pk, place="老马家餐馆后厨",
          responsible_unit="老马家餐馆", responsible_person="马建国", responsible_phone="139 1234 5678")
    hazard = Hazard.objects.get()
    assert (hazard.field, hazard.responsible_phone) == (gas, "13912345678")
    page = client.get(reverse("cases:detail", args=[hazard_case.number])).content.decode()
    assert "139****5678" in page and "13912345678" not in page


def test_a_bad_phone_is_refused_naming_the_field(client, hazard_case, township_dispatcher, gas):
    answer = through_api(client, township_dispatcher, hazard_case, "hazard_record", field=gas.pk, place="后厨",
                         responsible_unit="餐馆", responsible_phone="12345")
    assert answer.status_code == 422 and "responsible_phone" in answer.json()["details"]
    assert not Hazard.objects.exists()


def test_grading_ordering_and_checking_from_the_page(client, hazard_case, township_dispatcher, grid_worker, gas):
    record(hazard_case, township_dispatcher, gas)
    _page(client, township_dispatcher, hazard_case, "hazard_grade", grade="red", reason="人员密集")
    _page(client, township_dispatcher, hazard_case, "hazard_order", measures="停用并更换软管", deadline="2099-01-31")
    _page(client, grid_worker, hazard_case, "hazard_check", note="已停用，待更换")
    hazard = Hazard.objects.get()
    assert hazard.grade == "red" and hazard.measures == "停用并更换软管" and Check.objects.count() == 1


def test_the_api_takes_each_step(client, hazard_case, township_dispatcher, grid_worker, shift_lead, gas):
    steps = [(township_dispatcher, "hazard_record", {"field": gas.pk, "place": "后厨", "responsible_unit": "餐馆"}),
             (township_dispatcher, "hazard_grade", {"grade": "yellow", "reason": "软管老化"}),
             (township_dispatcher, "hazard_order", {"measures": "更换软管"}),
             (grid_worker, "hazard_check", {}), (grid_worker, "hazard_reject", {}),
             (grid_worker, "hazard_accept", {}), (shift_lead, "hazard_close", {})]
    for actor, action, params in steps:
        answer = through_api(client, actor, hazard_case, action, note="现场查看", **params)
        assert answer.status_code == 200, (action, answer.content)
    hazard_case.refresh_from_db()
    assert hazard_case.status == "closed"


@pytest.mark.parametrize("action, params", [
    ("hazard_record", {"field": "gas", "place": "后厨", "responsible_unit": "餐馆"}),
    ("hazard_grade", {"grade": "red", "reason": "外区调度员"}),
    ("hazard_order", {"measures": "更换"}),
    ("hazard_check", {}),
])
def test_outside_scope_each_step_is_not_found_and_nothing_is_written(client, hazard_case, township_dispatcher,
                                                                     outsider, gas, action, params):
    graded(hazard_case, township_dispatcher, gas)
    params = {**params, "field": gas.pk} if "field" in params else params
    events = CaseEvent.objects.count()
    assert through_api(client, outsider, hazard_case, action, **params).status_code == 404
    assert _page(client, outsider, hazard_case, action, note="外区", **params).status_code == 404
    assert CaseEvent.objects.count() == events
    with pytest.raises(Exception, match="没有权限"):
        transition(hazard_case, action, outsider, note="外区", **params)
