"""``/api/v1/webhooks``: an application with the ``subscribe`` grant lists, creates and deletes its own
subscriptions inside its area and sees what became of their deliveries; nobody else's exist for it."""

import json

import pytest

from civicgrid.api import keys
from civicgrid.api.models import WebhookDelivery, WebhookSubscription
from civicgrid.cases.intake import file_case
from civicgrid.notifications.models import OutboxMessage
from civicgrid.testing import factories

from .webhook_support import application

URL = "/api/v1/webhooks"
HOOK = "https://dept.example.org/civicgrid-hook"


def auth(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post(client, raw, body):
    return client.post(URL, json.dumps(body), content_type="application/json", **auth(raw))


@pytest.fixture
def subscriber(yulin):
    return application(area_code="610802")


def test_an_application_subscribes_and_gets_the_secret_once(client, subscriber):
    _app, raw = subscriber
    created = post(client, raw, {"url": HOOK, "area_code": "610802001", "actions": ["dispatch", "close"]})

    assert created.status_code == 201
    body = created.json()
    stored = WebhookSubscription.objects.get()
    assert body["secret"] == stored.secret and body["secret"].startswith("whsec_")
    assert body | {"created_at": None} == {"id": stored.pk, "url": HOOK, "area_code": "610802001",
                                           "actions": ["dispatch", "close"], "is_active": True,
                                           "created_at": None, "secret": stored.secret}
    listed = client.get(URL, **auth(raw)).json()
    assert [item["id"] for item in listed["items"]] == [stored.pk] and "secret" not in listed["items"][0]


def test_the_area_defaults_to_the_applications_and_all_actions(client, subscriber):
    _app, raw = subscriber
    body = post(client, raw, {"url": HOOK}).json()
    assert body["area_code"] == "610802" and body["actions"] == []


def test_an_area_outside_the_applications_is_refused_with_422(client, subscriber):
    _app, raw = subscriber
    response = post(client, raw, {"url": HOOK, "area_code": "6108"})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid" and "area_code" in response.json()["details"]
    assert not WebhookSubscription.objects.exists()


@pytest.mark.parametrize("body, field", [
    ({"url": "ftp://dept.example.org/hook"}, "url"),
    ({"url": "not an address"}, "url"),
    ({"url": HOOK + "/" + "a" * 500}, "url"),
    ({"url": HOOK, "area_code": "610802999"}, "area_code"),
    ({"url": HOOK, "actions": ["explode"]}, "actions"),
    ({"url": HOOK, "secret": "mine"}, "secret"),
    ({"url": HOOK, "actions": "close"}, "actions"),
    ({}, "url"),
])
def test_bad_input_is_refused_with_422_naming_the_field(client, subscriber, body, field):
    _app, raw = subscriber
    response = post(client, raw, body)
    assert response.status_code == 422 and field in response.json()["details"]
    assert not WebhookSubscription.objects.exists()


def test_an_application_without_the_subscribe_grant_gets_403(client, yulin):
    _app, raw = application(grants=["read"])
    assert post(client, raw, {"url": HOOK}).status_code == 403
    response = client.get(URL, **auth(raw))
    assert response.status_code == 403 and response.json()["code"] == "forbidden"


def test_a_staff_token_has_no_subscriptions(client, township_dispatcher):
    _token, raw = keys.create_token(township_dispatcher, "脚本")
    assert client.get(URL, **auth(raw)).status_code == 403


def test_an_application_deletes_its_subscription(client, subscriber):
    _app, raw = subscriber
    created = post(client, raw, {"url": HOOK}).json()
    assert client.delete(f"{URL}/{created['id']}", **auth(raw)).status_code == 204
    assert not WebhookSubscription.objects.exists()
    assert client.delete(f"{URL}/{created['id']}", **auth(raw)).status_code == 404


def test_deleting_a_subscription_takes_its_deliveries_out_of_the_outbox(client, subscriber, street_litter):
    _app, raw = subscriber
    created = post(client, raw, {"url": HOOK}).json()
    file_case(factories.report(street_litter))
    assert OutboxMessage.objects.filter(channel="webhook").count() == 1

    client.delete(f"{URL}/{created['id']}", **auth(raw))
    assert not OutboxMessage.objects.filter(channel="webhook").exists() and not WebhookDelivery.objects.exists()


def test_deleting_an_application_takes_its_deliveries_out_of_the_outbox(client, subscriber, street_litter):
    app, raw = subscriber
    post(client, raw, {"url": HOOK})
    post(client, raw, {"url": HOOK + "/2"})
    file_case(factories.report(street_litter))
    assert OutboxMessage.objects.filter(channel="webhook").count() == 2

    app.delete()
    assert not OutboxMessage.objects.filter(channel="webhook").exists() and not WebhookDelivery.objects.exists()


def test_another_applications_subscription_answers_404(client, subscriber):
    _app, raw = subscriber
    theirs = post(client, application(name="12345热线")[1], {"url": HOOK}).json()

    assert client.delete(f"{URL}/{theirs['id']}", **auth(raw)).status_code == 404
    response = client.get(f"{URL}/{theirs['id']}/deliveries", **auth(raw))
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert client.get(URL, **auth(raw)).json()["items"] == []
    assert WebhookSubscription.objects.filter(pk=theirs["id"]).exists()


def test_an_application_sees_its_deliveries_newest_first_a_page_at_a_time(client, subscriber, street_litter):
    _app, raw = subscriber
    created = post(client, raw, {"url": HOOK}).json()
    cases = [file_case(factories.report(street_litter)) for _ in range(3)]
    OutboxMessage.objects.filter(webhook__event__case=cases[0]).update(status="failed", attempts=9, response_code=503)

    first = client.get(f"{URL}/{created['id']}/deliveries?limit=2", **auth(raw)).json()
    assert [d["case_number"] for d in first["items"]] == [cases[2].number, cases[1].number]
    rest = client.get(f"{URL}/{created['id']}/deliveries?limit=2&after={first['next']}", **auth(raw)).json()
    assert rest["next"] is None
    [oldest] = rest["items"]
    assert oldest["case_number"] == cases[0].number and oldest["action"] == "report"
    assert oldest["status"] == "failed" and oldest["attempts"] == 9 and oldest["response_code"] == 503
    failed = client.get(f"{URL}/{created['id']}/deliveries?status=failed", **auth(raw)).json()
    assert [d["id"] for d in failed["items"]] == [oldest["id"]]


def test_the_openapi_schema_documents_the_errors(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"201", "403", "422"} <= set(paths[URL]["post"]["responses"])
    assert "404" in paths[URL + "/{subscription_id}"]["delete"]["responses"]


def test_an_application_has_at_most_a_handful_of_subscriptions(client, subscriber):
    from civicgrid.api import webhooks

    app, raw = subscriber
    for n in range(webhooks.MAX_SUBSCRIPTIONS):
        webhooks.subscribe(app, f"{HOOK}/{n}")
    response = post(client, raw, {"url": HOOK})
    assert response.status_code == 422 and response.json()["code"] == "invalid"
    assert WebhookSubscription.objects.count() == webhooks.MAX_SUBSCRIPTIONS
