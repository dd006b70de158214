"""Requests of a public service are read without a key, in both formats, showing only what a public map shows:
the service, the state, the grid's centre and its name with street and county, the times, and the description
without phone numbers, ID numbers and names (or none, where the service says so). A key of the area still
reads them in full."""

import pytest

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.open311.models import Service
from civicgrid.testing import factories

from . import schemas
from .support import both, get

SPOT = (109.705, 38.285)  # in grid A, away from its centre (109.71, 38.29)
DESCRIPTION = "我叫张三，新建路口垃圾堆成山。请回电 138-0013-8000 或 0912-3456789，身份证 61010219900101123X。"
REDACTED = "我叫***，新建路口垃圾堆成山。请回电 *** 或 ***，身份证 ***。"


@pytest.fixture
def public(service):
    Service.objects.filter(pk=service.pk).update(public=True)
    return service


@pytest.fixture
def case(public, street_litter, yulin):
    return file_case(factories.report(street_litter, point=SPOT, description=DESCRIPTION, reporter_name="张三",
                                      extra={"size": "大量"}))


def test_a_request_read_without_a_key_shows_what_a_public_map_shows(client, case):
    item = both(client, f"requests/{case.number}", schemas.REQUESTS)[0]
    assert item == {
        "service_request_id": case.number, "status": "open", "status_notes": None, "service_name": "暴露垃圾",
        "service_code": "litter", "description": REDACTED, "agency_responsible": None, "service_notice": None,
        "requested_datetime": item["requested_datetime"], "updated_datetime": item["updated_datetime"],
        "expected_datetime": None, "address": "榆阳区鼓楼街道鸳鸯湖第1网格", "address_id": None, "zipcode": None,
        "lat": 38.29, "long": 109.71, "media_url": None,
    }
    assert item["requested_datetime"].startswith(f"{case.reported_at.astimezone().date():%Y-%m-%d}")


def test_the_list_without_a_key_shows_the_same(client, case):
    assert both(client, "requests", schemas.REQUESTS) == both(client, f"requests/{case.number}", schemas.REQUESTS)


def test_nothing_personal_appears_in_either_format(client, case):
    for fmt in ("json", "xml"):
        text = get(client, f"requests/{case.number}", fmt).content.decode()
        for private in ("张三", "13800138000", "8000", "3456789", "61010219900101123X", "38.285", "109.705"):
            assert private not in text, (fmt, private)


def test_a_service_that_hides_descriptions_shows_none(client, case, public):
    Service.objects.filter(pk=public.pk).update(public_description=False)
    assert both(client, f"requests/{case.number}", schemas.REQUESTS)[0]["description"] is None


def test_a_closed_request_shows_closed_but_not_the_result(client, case, shift_lead):
    transition(case, "void", shift_lead, note="重复反映，张科长说已处理")
    item = both(client, f"requests/{case.number}", schemas.REQUESTS)[0]
    assert (item["status"], item["status_notes"]) == ("closed", None)


def test_a_request_placed_by_address_alone_shows_its_area_and_no_point(client, public, street_litter, yulin):
    case = file_case(factories.report(street_litter, point=(None, None), longitude=None, latitude=None,
                                      address="榆阳区某小区北门", extra={"size": "少量"}))
    item = both(client, f"requests/{case.number}", schemas.REQUESTS)[0]
    assert (item["address"], item["lat"], item["long"]) == ("榆阳区", None, None)


def test_a_key_of_the_area_still_reads_the_request_in_full(client, case, app_key):
    item = both(client, f"requests/{case.number}", schemas.REQUESTS, api_key=app_key)[0]
    assert (item["lat"], item["long"], item["description"]) == (38.285, 109.705, DESCRIPTION)
    assert item["service_notice"] is not None and item["address"] is None
