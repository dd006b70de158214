"""``POST /api/v1/cases/{number}/reveal`` shows a number in full to a staff member who may (with a personal
token) or to a client application with the ``reveal`` grant acting as a staff account that may: not cached,
logged with the application's name. Without the grant, without a staff account (the case is not found), or
for a field that is not a number, it is refused and nothing is logged."""

from civicgrid.api.keys import create_application, create_token
from civicgrid.core.models import AccessLog

from .revealing import ID_NUMBER, PHONE, api_reveal

BODY = {"field": "phone", "reason": "回访核实诉求"}


def app_headers(raw: str) -> dict:
    return {"X-Api-Key": raw}


def test_a_dispatcher_with_a_token_gets_the_phone_not_cached(client, case_with_numbers, township_dispatcher):
    _token, raw = create_token(township_dispatcher, "回访")
    response = api_reveal(client, case_with_numbers, BODY, raw)
    assert response.status_code == 200
    assert response.json() == {"case": case_with_numbers.number, "field": "phone", "value": PHONE}
    assert "no-store" in response["Cache-Control"]
    entry = AccessLog.objects.get(action="reveal")
    assert (entry.via, entry.user, entry.client) == ("api", township_dispatcher, "")


def test_an_application_with_the_grant_reveals_as_its_staff_account(client, case_with_numbers, intake_clerk):
    _app, raw = create_application("12345 热线", "610802001", ["read", "reveal"], staff=intake_clerk)
    response = client.post(f"/api/v1/cases/{case_with_numbers.number}/reveal",
                           {"field": "id_number", "reason": "核实身份"}, content_type="application/json",
                           headers=app_headers(raw))
    assert response.status_code == 200 and response.json()["value"] == ID_NUMBER
    entry = AccessLog.objects.get(action="reveal")
    assert (entry.user, entry.client, entry.field) == (intake_clerk, "12345 热线", "id_number")


def test_an_application_without_the_grant_is_refused(client, case_with_numbers, intake_clerk):
    _app, raw = create_application("只读应用", "610802001", ["read"], staff=intake_clerk)
    response = client.post(f"/api/v1/cases/{case_with_numbers.number}/reveal", BODY,
                           content_type="application/json", headers=app_headers(raw))
    assert response.status_code == 403 and "查看完整号码" in response.json()["message"]
    assert not AccessLog.objects.filter(action="reveal").exists()


def test_an_application_without_a_staff_account_finds_no_case_to_reveal(client, case_with_numbers):
    """It sees what Open311 shows (cases of published services, never the reporter): not this case."""
    _app, raw = create_application("公众应用", "610802001", ["read", "reveal"])
    response = client.post(f"/api/v1/cases/{case_with_numbers.number}/reveal", BODY,
                           content_type="application/json", headers=app_headers(raw))
    assert response.status_code == 404
    assert not AccessLog.objects.exists()


def test_a_field_that_is_not_a_number_is_a_422_naming_it(client, case_with_numbers, township_dispatcher):
    _token, raw = create_token(township_dispatcher, "回访")
    response = api_reveal(client, case_with_numbers, {"field": "reporter_name", "reason": "回访"}, raw)
    assert response.status_code == 422 and "field" in response.json()["details"]
    assert not AccessLog.objects.filter(action="reveal").exists()
