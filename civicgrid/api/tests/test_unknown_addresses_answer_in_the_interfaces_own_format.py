import pytest


@pytest.fixture(autouse=True)
def _production(settings):
    settings.DEBUG = False


def test_an_unknown_api_address_answers_json(client, db):
    response = client.get("/api/v1/cases/not-a-number")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_an_unknown_open311_address_answers_open311_errors(client, db):
    response = client.get("/open311/v2/nothing.xml")
    assert response.status_code == 404
    assert b"<errors><error><code>404</code>" in response.content


def test_an_unknown_page_is_still_a_page(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and "text/html" in response["Content-Type"]
