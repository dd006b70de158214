"""schemathesis drives every operation of /api/v1/openapi.json against the running server (pytest-django's
``live_server``) with generated input, valid and invalid, as a staff member whose scope holds cases,
assignments, approvals, files and notices. No answer may be a server error, and every answer must match
the schema documented for its status, errors included.

The run is bounded (hypothesis settings below) and derandomized, so it is the same run each time and
fits in CI. The operations are read from the app's own schema when the tests are collected (schemathesis'
lazy ``from_fixture`` loader does not work with pytest 9), and the server is checked to serve that schema.
"""

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from civicgrid.api import keys
from civicgrid.api.api import api
from civicgrid.cases import services
from civicgrid.cases.intake import file_case
from civicgrid.notifications.services import notify
from civicgrid.testing import factories

CONFIG = schemathesis.Config.from_dict({"phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}}})


@pytest.fixture
def staff_token(transactional_db, settings, street_litter, yulin):
    """A county shift lead who also handles a department's work, with a little of everything in scope."""
    settings.CIVICGRID_API_RATE_PER_IP = settings.CIVICGRID_API_RATE_PER_KEY = ""
    department = factories.DepartmentFactory(area=yulin["county"], served_areas=[yulin["county"]])
    staff = factories.staff_with_role("shift_lead", area=yulin["county"], username="county_lead")
    factories.RoleAssignment.objects.create(staff=staff, role="dispatcher", area=yulin["county"])
    factories.RoleAssignment.objects.create(staff=staff, role="dept_handler", department=department)
    cases = [file_case(factories.report(street_litter, files=[factories.jpeg()])) for _n in range(3)]
    services.transition(cases[0], "register", staff)
    services.transition(cases[0], "dispatch", staff, lead=department.pk)
    services.transition(cases[1], "request_void", staff, note="重复上报")
    notify([staff], "new_task", "新任务", case=cases[0])
    return keys.create_token(staff, "schemathesis")[1]


schema = schemathesis.openapi.from_dict(api.get_openapi_schema(), config=CONFIG)


@pytest.fixture
def server(live_server, staff_token) -> str:
    served = requests.get(f"{live_server.url}/api/v1/openapi.json", timeout=10).json()
    assert served["paths"].keys() == schema.raw_schema["paths"].keys()
    return live_server.url


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_no_operation_answers_a_server_error_or_breaks_its_schema(case, server, staff_token):
    case.call_and_validate(base_url=server, headers={"Authorization": f"Bearer {staff_token}"},
                           checks=[not_a_server_error, response_schema_conformance])
