"""``servicerequestupdates``: GET lists the steps residents may see since a time; POST adds a remark (补充说明)
as the resident through ``transition``, which keeps the state; a retry with the same ``update_id`` adds nothing."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.api.keys import create_application, find_application
from civicgrid.cases.intake import file_case
from civicgrid.cases.models import CaseEvent
from civicgrid.cases.services import transition
from civicgrid.open311.models import ServiceRequest
from civicgrid.testing import factories

from . import schemas
from .support import both, checked, post


def filed_through(app_key, street_litter):
    """A case filed as if through the client with ``app_key``: clients remark on their own requests only."""
    filed = file_case(factories.report(street_litter, extra={"size": "少量"}))
    ServiceRequest.objects.create(case=filed, application=find_application(app_key), token=uuid.uuid4().hex)
    return filed


@pytest.fixture
def case(service, street_litter, intake_clerk, township_dispatcher, department_handler, leader, app_key):
    filed = filed_through(app_key, street_litter)
    transition(filed, "register", intake_clerk)
    transition(filed, "dispatch", township_dispatcher, lead=department_handler.assignments.get().department.pk)
    transition(filed, "supervise", leader, note="领导批示：尽快")
    transition(filed, "comment", intake_clerk, note="内部备注")
    return filed


def test_the_updates_are_the_public_steps_in_time_order(client, case, app_key):
    found = both(client, "servicerequestupdates", schemas.UPDATES, api_key=app_key)
    assert [item["description"].split("（")[0] for item in found] == ["立案", "派遣"]
    assert all(item["service_request_id"] == case.number and item["status"] == "open" for item in found)
    assert "主办" in found[1]["description"]


def test_a_window_before_the_case_finds_nothing(client, case, app_key):
    end = (timezone.now() - timedelta(days=1)).isoformat()
    assert both(client, "servicerequestupdates", schemas.UPDATES, api_key=app_key, end_date=end) == []


def test_another_area_sees_no_updates(client, case, other_key):
    assert both(client, "servicerequestupdates", schemas.UPDATES, api_key=other_key) == []


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_posted_update_is_a_remark_that_keeps_the_state(client, case, app_key, fmt):
    case.refresh_from_db()
    before = (case.status, case.version)
    data = {"api_key": app_key, "jurisdiction_id": "yulin", "service_request_id": case.number, "status": "OPEN",
            "description": "垃圾又多了两袋", "update_id": "fms-7", "updated_datetime": timezone.now().isoformat(),
            "first_name": "三", "last_name": "张", "email": "zhang@example.com"}
    posted = checked(post(client, "servicerequestupdates", data, fmt=fmt), schemas.UPDATE_POSTED)
    event = CaseEvent.objects.get(pk=posted[0]["update_id"])
    assert (event.action, event.note, event.actor_label, event.actor) == ("comment", "垃圾又多了两袋", "诉求人", None)
    case.refresh_from_db()
    assert case.status == before[0] and case.version == before[1] + 1
    again = checked(post(client, "servicerequestupdates", data, fmt=fmt), schemas.UPDATE_POSTED)
    assert again == posted and CaseEvent.objects.filter(action="comment", note="垃圾又多了两袋").count() == 1


BAD = {
    "no description": ({"description": ""}, 400),
    "no request id": ({"service_request_id": ""}, 400),
    "an unknown status": ({"status": "SOLVED"}, 400),
    "a bad time": ({"updated_datetime": "noon"}, 400),
    "an unknown parameter": ({"mood": "angry"}, 400),
    "a description over the remark limit": ({"description": "多" * 1001}, 400),
    "an unknown request": ({"service_request_id": "610802-20200101-00001"}, 404),
    "a bad key": ({"api_key": "cgk_nope"}, 403),
}


@pytest.mark.parametrize(("change", "status"), list(BAD.values()), ids=list(BAD))
def test_a_bad_update_is_refused_and_writes_nothing(client, case, app_key, change, status):
    before = CaseEvent.objects.count()
    data = {"api_key": app_key, "service_request_id": case.number, "description": "垃圾又多了", **change}
    checked(post(client, "servicerequestupdates", data), schemas.ERRORS, status)
    assert CaseEvent.objects.count() == before


def test_an_update_needs_the_comment_grant(client, case, yulin):
    reader = create_application("只读 App", "610802001", ["read"])[1]
    data = {"api_key": reader, "service_request_id": case.number, "description": "补充"}
    checked(post(client, "servicerequestupdates", data), schemas.ERRORS, 403)
    both(client, "servicerequestupdates", schemas.UPDATES, api_key=reader)


def test_a_finished_case_takes_no_remark(client, service, street_litter, app_key, intake_clerk, shift_lead):
    filed = filed_through(app_key, street_litter)
    transition(filed, "register", intake_clerk)
    transition(filed, "void", shift_lead, note="重复")
    before = CaseEvent.objects.count()
    data = {"api_key": app_key, "service_request_id": filed.number, "description": "还没处理"}
    errors = checked(post(client, "servicerequestupdates", data), schemas.ERRORS, 400)
    assert filed.number in errors[0]["description"] and CaseEvent.objects.count() == before


def test_a_client_cannot_remark_on_a_case_it_did_not_file(client, service, street_litter, app_key):
    filed = file_case(factories.report(street_litter, extra={"size": "少量"}))  # by the web form
    data = {"api_key": app_key, "service_request_id": filed.number, "description": "我也看到了"}
    assert post(client, "servicerequestupdates", data).status_code == 404
    assert not CaseEvent.objects.filter(action="comment").exists()
