"""An independent GeoReport v2 client from PyPI (``georeport`` 0.3.1, installed for the tests only) against the
live server, in JSON and in XML: it lists the services with their attributes, reads a service definition, reads
back without a key the requests filed with and without attributes in public services, and gets a 404 for an
unknown id. The library only reads (it sends no key, as the specification has it), so requests are filed with
``requests`` as any client's form post, and a key's reads too. Its XML is parsed by expat, strictly, and every
other XML answer here is parsed by ``xml.etree`` (expat too): an answer that is not well-formed fails the test."""

from xml.etree import ElementTree

import pytest
import requests
from georeport import GeoReport

from civicgrid.cases.models import Case
from civicgrid.open311.models import Service
from civicgrid.open311.services import publish
from civicgrid.testing import factories

pytestmark = pytest.mark.parametrize("fmt", ["json", "xml"])

LON, LAT = factories.GRID_A_POINT
WITH_ATTRIBUTES = {"service_code": "litter", "lat": str(LAT), "long": str(LON), "attribute[size]": "大量",
                   "attribute[kinds][]": ["生活垃圾", "大件垃圾"], "attribute[bags]": "3",
                   "description": "路口垃圾成堆，联系人李四，电话 13912345678。", "first_name": "四", "last_name": "李",
                   "phone": "13912345678"}
WITHOUT_ATTRIBUTES = {"service_code": "pothole", "lat": str(LAT), "long": str(LON), "description": "路面坑洼。"}


@pytest.fixture
def server(transactional_db, live_server, service, yulin) -> str:
    """暴露垃圾 (with attributes) and 道路破损 (without), both public."""
    Service.objects.filter(pk=service.pk).update(public=True)
    publish(factories.category("01.002", "道路破损"), "pothole", public=True)
    return f"{live_server.url}/open311/v2/"


def listed(value, singular: str) -> list:
    """A list as JSON has it, or as xmltodict reads its XML (one element is not a list, none is None)."""
    inner = value.get(singular) if isinstance(value, dict) else value
    return [] if inner is None else inner if isinstance(inner, list) else [inner]


def truth(value) -> bool:
    return value is True or value == "true"


def parsed(response, fmt: str):
    """A raw answer read by the standard library: ``json``, or expat for XML (strict about well-formedness)."""
    return response.json() if fmt == "json" else ElementTree.fromstring(response.content)


def file(server: str, key: str, data: dict, fmt: str) -> str:
    response = requests.post(f"{server}requests.{fmt}", data={**data, "api_key": key}, timeout=10)
    assert response.status_code == 200, response.text
    found = parsed(response, fmt)
    return found[0]["service_request_id"] if fmt == "json" else found.findtext("request/service_request_id")


def test_the_client_lists_the_services_and_reads_their_attributes(server, fmt):
    client = GeoReport(server, jurisdiction="yulin", output_format=fmt)
    services = {item["service_code"]: item for item in client.get_service_list()}
    assert services.keys() == {"litter", "pothole"}
    assert truth(services["litter"]["metadata"]) and not truth(services["pothole"]["metadata"])
    attributes = listed(client.get_service_definition("litter")["attributes"], "attribute")
    by_code = {item["code"]: item for item in attributes}
    assert {code: item["datatype"] for code, item in by_code.items()} == {
        "size": "singlevaluelist", "kinds": "multivaluelist", "bags": "number", "since": "datetime", "spot": "string"}
    assert truth(by_code["size"]["required"]) and by_code["size"]["description"] == "垃圾量"
    assert [value["key"] for value in listed(by_code["size"]["values"], "value")] == ["少量", "较多", "大量"]
    assert listed(client.get_service_definition("pothole")["attributes"], "attribute") == []


def test_requests_filed_with_and_without_attributes_are_read_back_without_a_key(server, app_key, fmt):
    with_attributes = file(server, app_key, WITH_ATTRIBUTES, fmt)
    without = file(server, app_key, WITHOUT_ATTRIBUTES, fmt)
    assert Case.objects.get(number=with_attributes).extra == {"size": "大量", "kinds": ["生活垃圾", "大件垃圾"],
                                                              "bags": "3"}
    client = GeoReport(server, jurisdiction="yulin", output_format=fmt)
    one = client.get_service_request(with_attributes)
    assert (one["service_code"], one["status"], one["address"]) == ("litter", "open", "榆阳区鼓楼街道鸳鸯湖第1网格")
    assert one["description"] == "路口垃圾成堆，联系人***，电话 ***。"
    both = client.get_service_requests(service_request_id=f"{with_attributes},{without}")
    assert {item["service_request_id"] for item in listed(both, "request")} == {with_attributes, without}


def test_an_unknown_id_is_not_found_with_or_without_a_key(server, app_key, fmt):
    client = GeoReport(server, jurisdiction="yulin", output_format=fmt)
    for ask in (lambda: client.get_service_request("610802-20200101-00001"),
                lambda: client.get_service_definition("no-such-service")):
        with pytest.raises(requests.HTTPError) as caught:
            ask()
        assert caught.value.response.status_code == 404
        parsed(caught.value.response, fmt)
    keyed = requests.get(f"{server}requests/610802-20200101-00001.{fmt}", params={"api_key": app_key}, timeout=10)
    assert keyed.status_code == 404 and parsed(keyed, fmt) is not None


def test_a_missing_required_attribute_is_refused_by_name(server, app_key, fmt):
    data = {**WITH_ATTRIBUTES, "attribute[size]": "", "api_key": app_key}
    response = requests.post(f"{server}requests.{fmt}", data=data, timeout=10)
    assert response.status_code == 400
    found = parsed(response, fmt)
    description = found[0]["description"] if fmt == "json" else found.findtext("error/description")
    assert description.startswith("attribute[size]: “垃圾量”为必填项")


def test_a_stored_control_character_does_not_break_the_clients_xml(server, app_key, fmt):
    number = file(server, app_key, WITHOUT_ATTRIBUTES, fmt)
    Case.objects.filter(number=number).update(description="路面\x07坑洼\x1b。")  # as rows stored before the refusal
    found = GeoReport(server, jurisdiction="yulin", output_format=fmt).get_service_request(number)
    assert found["description"] == ("路面\x07坑洼\x1b。" if fmt == "json" else "路面坑洼。")
