"""Control characters in any Open311 parameter are refused (400, naming the parameter and the character) and
nothing is written; rows that were stored with them before are written out without them, so every XML answer
is well-formed for a strict parser."""

from xml.etree import ElementTree

import pytest

from civicgrid.cases.models import Case
from civicgrid.open311.models import ServiceRequest

from . import schemas
from .support import checked, get, post

PARAMETERS = {"description": "路口垃圾\x07很多", "address_string": "新建路\x1b12号", "account_id": "u-\x0142",
              "device_id": "dev\x7f", "first_name": "三\x0b", "attribute[spot]": "东侧\x08"}


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize(("name", "value"), PARAMETERS.items(), ids=PARAMETERS.keys())
def test_a_control_character_in_any_parameter_is_refused_by_name(client, filing, name, value, fmt):
    errors = checked(post(client, "requests", {**filing, name: value}, fmt=fmt), schemas.ERRORS, 400)
    assert any(name in error["description"] and "控制字符（U+00" in error["description"] for error in errors), errors
    assert Case.objects.count() == ServiceRequest.objects.count() == 0


def test_a_remark_with_a_control_character_is_refused(client, filing, app_key):
    number = checked(post(client, "requests", filing), schemas.REQUEST_FILED)[0]["service_request_id"]
    remark = {"api_key": app_key, "service_request_id": number, "description": "又多了\x04"}
    checked(post(client, "servicerequestupdates", remark), schemas.ERRORS, 400)
    assert Case.objects.get(number=number).events.count() == 1


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_id_with_a_control_character_is_not_found(client, filing, app_key, fmt):
    checked(get(client, "requests/610802-20260101-00001\x01", fmt, api_key=app_key), schemas.ERRORS, 404)


def test_text_stored_before_the_refusal_is_written_out_without_the_characters(client, filing, app_key):
    number = checked(post(client, "requests", filing), schemas.REQUEST_FILED)[0]["service_request_id"]
    # PostgreSQL cannot store NUL at all; the rest it stores as given.
    Case.objects.filter(number=number).update(description="垃圾\x07很多\x1b[0m\x7f", address="新建路\x0c12号")
    answer = get(client, f"requests/{number}", "xml", api_key=app_key)
    request = ElementTree.fromstring(answer.content).find("request")  # expat: refuses what is not well-formed
    assert request.findtext("description") == "垃圾很多[0m" and request.findtext("address") == "新建路12号"
    as_json = checked(get(client, f"requests/{number}", api_key=app_key), schemas.REQUESTS)
    assert as_json[0]["description"] == "垃圾\x07很多\x1b[0m\x7f"  # JSON escapes them: the client sees the row
