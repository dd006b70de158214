"""Keys: filing needs one with ``file``, reading in full one with ``read``; an unknown or revoked key is a 403,
and so is a missing key where one is needed; an application sees and files only inside its area: elsewhere a
case does not exist for it (404). Reading without a key (or with one not granted ``read``) is the public's
reading, where a request of a service that is not public does not exist either (404, never 403)."""

import pytest

from civicgrid.api.keys import create_application, revoke
from civicgrid.cases.models import Case
from civicgrid.open311.models import ServiceRequest

from . import schemas
from .support import both, checked, get, post


@pytest.fixture
def filed(client, filing):
    return checked(post(client, "requests", filing), schemas.REQUEST_FILED)[0]["service_request_id"]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_filing_without_a_key_or_with_a_bad_one_is_forbidden(client, filing, fmt):
    for key in ("", "cgk_not-a-key"):
        checked(post(client, "requests", {**filing, "api_key": key}, fmt=fmt), schemas.ERRORS, 403)
    assert Case.objects.count() == 0


def test_a_revoked_key_is_forbidden(client, filing, yulin):
    app, key = create_application("旧 App", "610802001", ["file"])
    revoke(app)
    checked(post(client, "requests", {**filing, "api_key": key}), schemas.ERRORS, 403)
    assert Case.objects.count() == 0


def test_a_key_without_the_grant_to_file_is_forbidden(client, filing, yulin):
    reader = create_application("只读 App", "610802001", ["read"])[1]
    checked(post(client, "requests", {**filing, "api_key": reader}), schemas.ERRORS, 403)
    assert Case.objects.count() == 0


def test_a_key_without_the_grant_to_read_reads_what_anyone_may(client, filed, yulin):
    filer = create_application("只报 App", "610802001", ["file"])[1]
    assert both(client, "requests", schemas.REQUESTS, api_key=filer) == []  # the service is not public
    both(client, f"requests/{filed}", schemas.ERRORS, 404, api_key=filer)
    checked(get(client, "servicerequestupdates", api_key=filer), schemas.ERRORS, 403)


def test_a_key_may_come_in_the_x_api_key_header(client, filing, app_key):
    data = {key: value for key, value in filing.items() if key != "api_key"}
    checked(post(client, "requests", data, HTTP_X_API_KEY=app_key), schemas.REQUEST_FILED)


def test_another_areas_application_does_not_see_the_request(client, filed, other_key, app_key):
    both(client, f"requests/{filed}", schemas.ERRORS, 404, api_key=other_key)
    assert both(client, "requests", schemas.REQUESTS, api_key=other_key) == []
    assert both(client, "requests", schemas.REQUESTS, api_key=other_key, service_request_id=filed) == []
    assert len(both(client, "requests", schemas.REQUESTS, api_key=app_key)) == 1


def test_a_request_outside_the_applications_area_is_refused_and_rolled_back(client, filing, other_key):
    errors = checked(post(client, "requests", {**filing, "api_key": other_key}), schemas.ERRORS, 400)
    assert "区域" in errors[0]["description"]
    assert Case.objects.count() == 0 and ServiceRequest.objects.count() == 0


def test_an_application_with_a_staff_account_sees_only_what_the_account_may(client, filed, yulin, outsider):
    key = create_application("代理 App", "610802", ["read"], staff=outsider)[1]
    both(client, f"requests/{filed}", schemas.ERRORS, 404, api_key=key)


def test_an_unknown_request_or_token_is_not_found_with_or_without_a_key(client, service, app_key):
    both(client, "requests/610802-20260101-99999", schemas.ERRORS, 404, api_key=app_key)
    both(client, "requests/610802-20260101-99999", schemas.ERRORS, 404)
    both(client, "tokens/0123456789abcdef", schemas.ERRORS, 404)


def test_a_bad_key_is_forbidden_even_for_reading(client, filed):
    both(client, f"requests/{filed}", schemas.ERRORS, 403, api_key="cgk_not-a-key")
    both(client, "requests", schemas.ERRORS, 403, api_key="cgk_not-a-key")
