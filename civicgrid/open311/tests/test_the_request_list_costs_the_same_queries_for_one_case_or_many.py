"""A page of requests is read in a fixed number of queries, whatever the number of cases on it, with a key or
without one."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.open311.models import Service
from civicgrid.testing import factories

from . import schemas
from .support import both


def _file(category, clerk, dispatcher, department):
    case = file_case(factories.report(category, extra={"size": "较多"}))
    transition(case, "register", clerk)
    transition(case, "dispatch", dispatcher, lead=department.pk)


def _queries(client, key=None) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        found = both(client, "requests", schemas.REQUESTS, **({"api_key": key} if key else {}))
    return len(found), len(captured)


def test_five_cases_take_as_many_queries_as_one(client, service, street_litter, app_key, intake_clerk,
                                                township_dispatcher, department_handler):
    department = department_handler.assignments.get().department
    _file(street_litter, intake_clerk, township_dispatcher, department)
    client.get("/open311/v2/requests.json", {"api_key": app_key})  # the key's last use is written once a minute
    one = _queries(client, app_key)
    for _ in range(4):
        _file(street_litter, intake_clerk, township_dispatcher, department)
    many = _queries(client, app_key)
    assert (one[0], many[0]) == (1, 5) and one[1] == many[1]


def test_five_cases_read_without_a_key_take_as_many_queries_as_one(client, service, street_litter, intake_clerk,
                                                                   township_dispatcher, department_handler):
    Service.objects.filter(pk=service.pk).update(public=True)
    department = department_handler.assignments.get().department
    _file(street_litter, intake_clerk, township_dispatcher, department)
    one = _queries(client)
    for _ in range(4):
        _file(street_litter, intake_clerk, township_dispatcher, department)
    many = _queries(client)
    assert (one[0], many[0]) == (1, 5) and one[1] == many[1]
