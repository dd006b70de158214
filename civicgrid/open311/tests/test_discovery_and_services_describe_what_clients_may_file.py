"""``discovery``, ``services`` and a service definition, in both formats, by the specification's schemas:
only published services, each extra field of the category as an attribute with its datatype and values."""

from civicgrid.open311.services import publish
from civicgrid.testing import factories

from . import schemas
from .support import both


def test_discovery_names_the_specification_and_both_formats(client, service):
    found = both(client, "discovery", schemas.DISCOVERY)
    assert found["endpoints"][0]["url"] == "http://testserver/open311/v2/"


def test_only_published_services_are_listed(client, service, street_litter):
    withdrawn = publish(factories.category("01.002", "道路破损"), "pothole", published=False)
    found = both(client, "services", schemas.SERVICES, jurisdiction_id="yulin")
    assert [item["service_code"] for item in found] == ["litter"]
    assert found[0] == {"service_code": "litter", "service_name": "暴露垃圾", "description": None, "metadata": True,
                        "type": "realtime", "keywords": "垃圾,暴露垃圾", "group": "市容环境"}
    both(client, f"services/{withdrawn.service_code}", schemas.ERRORS, 404)


def test_a_service_definition_lists_the_fields_as_attributes(client, service):
    found = both(client, "services/litter", schemas.SERVICE_DEFINITION)
    by_code = {item["code"]: item for item in found["attributes"]}
    assert [item["order"] for item in found["attributes"]] == [1, 2, 3, 4, 5]
    assert {code: item["datatype"] for code, item in by_code.items()} == {
        "size": "singlevaluelist", "kinds": "multivaluelist", "bags": "number", "since": "datetime", "spot": "string"}
    assert by_code["size"]["required"] is True and by_code["size"]["description"] == "垃圾量"
    assert by_code["kinds"]["values"] == [{"key": v, "name": v} for v in ("生活垃圾", "建筑垃圾", "大件垃圾")]
    assert "values" not in by_code["bags"] and by_code["bags"]["datatype_description"] == "数字，如 12 或 3.5"


def test_a_service_code_with_dots_is_found(client, service, street_litter):
    publish(street_litter, "50.01.002")
    assert both(client, "services/50.01.002", schemas.SERVICE_DEFINITION)["service_code"] == "50.01.002"


def test_a_service_without_fields_has_no_metadata(client, yulin):
    publish(factories.category("03", "噪声"))
    assert both(client, "services", schemas.SERVICES)[0]["metadata"] is False
    assert both(client, "services/03", schemas.SERVICE_DEFINITION)["attributes"] == []
