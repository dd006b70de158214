"""civicgrid's extension parameters ``priority`` and ``id_number`` go to the same intake as every channel: a client
without the grant ``file_sensitive`` gets a 400 in the specification's format naming the parameter, in JSON and
XML, and nothing is filed; a 12345 system granted it files an urgent request with the caller's ID number."""

import pytest

from civicgrid.api.keys import create_application
from civicgrid.cases.models import Case

from . import schemas
from .support import checked, post

ID_NUMBER = "11010519491231002X"


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize(("extra", "parameter"), [({"priority": "urgent"}, "priority"),
                                                  ({"id_number": ID_NUMBER}, "id_number")])
def test_a_client_without_the_grant_is_refused_the_parameter(client, filing, fmt, extra, parameter):
    errors = checked(post(client, "requests", {**filing, **extra}, fmt=fmt), schemas.ERRORS, expect=400)
    assert [error["code"] for error in errors] == ["400"]
    assert errors[0]["description"].startswith(f"{parameter}: 只有综治中心、网格工作人员和获得授权的客户端应用")
    assert not Case.objects.exists()


def test_a_client_granted_it_files_an_urgent_request_with_the_id_number(client, filing, yulin):
    key = create_application("12345 热线", "610802001", ["read", "file", "file_sensitive"])[1]
    answer = checked(post(client, "requests", {**filing, "api_key": key, "priority": "urgent",
                                               "id_number": ID_NUMBER}), schemas.REQUEST_FILED)
    case = Case.objects.get(number=answer[0]["service_request_id"])
    assert (case.priority, case.reporter_id_number, case.channel) == ("urgent", ID_NUMBER, "open311")
