"""Whatever is asked under /open311/v2/, the answer is an Open311 one: unknown paths and formats are 404,
a method an endpoint does not take is 405 with ``Allow``."""

import pytest

from . import schemas
from .support import BASE, checked


@pytest.mark.parametrize("path", ["nothing.json", "requests.csv", "requests", "services/nope.xml",
                                  "services/litter/extra.json", "tokens/.json"])
def test_an_unknown_path_is_not_found(client, service, path):
    checked(client.get(BASE + path), schemas.ERRORS, 404)


@pytest.mark.parametrize(("method", "path"), [("delete", "requests.json"), ("put", "servicerequestupdates.xml"),
                                              ("post", "services.json"), ("post", "discovery.xml")])
def test_a_method_the_endpoint_does_not_take_is_refused(client, service, method, path):
    response = getattr(client, method)(BASE + path)
    checked(response, schemas.ERRORS, 405)
    assert "GET" in response["Allow"]


def test_an_unknown_query_parameter_is_refused(client, service):
    checked(client.get(BASE + "services.json", {"colour": "red"}), schemas.ERRORS, 400)
