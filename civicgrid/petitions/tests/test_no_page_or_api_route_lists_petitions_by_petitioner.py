"""The line we do not cross (docs/design.md): nothing lists, finds or counts petitions by the petitioner.

No URL pattern and no API operation takes a person's name, phone or ID number as an argument; no filter of
the case queue, of the API's case list or of the admin's case list finds a petition by its petitioner's name,
phone or ID number: given the petitioner's, each filter answers as it does given a stranger's (a filter that
ignores a value it cannot read lists every case either way), and each lists the petition when asked for every
case; the petition pages say nothing of the petitioner."""

import re

import pytest
from django.urls import reverse

from civicgrid.api.api import api as json_api
from civicgrid.cases.forms.staff import QueueFilterForm
from civicgrid.cases.schemas import CaseFilters
from civicgrid.testing.routes import url_patterns

from .conftest import api, settled

PERSONAL = re.compile(r"reporter|petitioner|person|name|phone|mobile|id_?number|id_?card|identity", re.IGNORECASE)
PETITIONER = ("王秀兰", "13912345678", "610802198001010013")
STRANGER = dict(zip(PETITIONER, ("赵大海", "13700001111", "110105194912310021")))


def test_no_url_pattern_or_api_operation_takes_a_person_as_an_argument():
    kwargs = {name for _route_name, route in url_patterns() for name in re.findall(r"<(?:\w+:)?(\w+)>", route)}
    schema = json_api.get_openapi_schema(path_prefix="")
    parameters = {p["name"] for operations in schema["paths"].values() for operation in operations.values()
                  if isinstance(operation, dict) for p in operation.get("parameters", [])}
    assert kwargs and parameters
    assert not [name for name in kwargs | parameters if PERSONAL.search(name)]


@pytest.mark.parametrize("value", PETITIONER)
def test_no_filter_of_the_queue_finds_a_petition_by_its_petitioner(client, petition_case, township_dispatcher, value):
    client.force_login(township_dispatcher)
    queue = reverse("cases:queue")
    assert petition_case.number in client.get(queue, {"status": ""}).content.decode()
    for field in QueueFilterForm.base_fields:
        found = [petition_case.number in client.get(queue, {"status": "", field: given}).content.decode()
                 for given in (value, STRANGER[value])]
        assert found[0] == found[1], field


@pytest.mark.parametrize("value", PETITIONER)
def test_no_filter_of_the_api_finds_a_petition_by_its_petitioner(client, petition_case, township_dispatcher, value):
    numbers = [c["number"] for c in api(client, township_dispatcher, "/api/v1/cases").json()["items"]]
    assert petition_case.number in numbers
    for field in CaseFilters.model_fields:
        found = [petition_case.number in listed(client, township_dispatcher, field, given)
                 for given in (value, STRANGER[value])]
        assert found[0] == found[1], field


def listed(client, user, field: str, value: str) -> list[str]:
    answer = api(client, user, "/api/v1/cases", **{field: value})
    return [c["number"] for c in answer.json()["items"]] if answer.status_code == 200 else []


@pytest.mark.parametrize("value", PETITIONER)
def test_the_admins_case_search_does_not_find_a_petition_by_its_petitioner(admin_client, petition_case, value):
    assert petition_case.number in admin_client.get("/admin/cases/case/").content.decode()
    for given in (value, STRANGER[value]):
        assert petition_case.number not in admin_client.get("/admin/cases/case/", {"q": given}).content.decode()


def test_the_petition_pages_say_nothing_of_the_petitioner(client, petition_case, leader):
    settled(petition_case, leader)
    client.force_login(leader)
    pages = [reverse("petitions:mine"), reverse("petitions:detail", args=[petition_case.number]), reverse("home")]
    for url in pages:
        page = client.get(url).content.decode()
        assert petition_case.number in page and not any(value in page for value in PETITIONER), url
