"""Each delivery is a JSON POST signed with the subscription's secret: the receiver recomputes the HMAC
over the timestamp and the raw body; another secret, or a changed body, does not verify. The body
tells the event and the case but nothing about the people involved."""

import json
from datetime import datetime

from civicgrid.api.models import WebhookDelivery
from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.testing import factories

from .webhook_support import Received, receiver, subscription, verifies


def delivered(street_litter, hook_url, django_capture_on_commit_callbacks, **kwargs):
    """Subscribe, report a case and let the delivery go out on commit; returns (subscription, case)."""
    hook = subscription(url=hook_url, **kwargs)
    with django_capture_on_commit_callbacks(execute=True):
        case = file_case(factories.report(street_litter))
    return hook, case


def test_the_receiver_verifies_the_signature_with_the_secret(street_litter, yulin, django_capture_on_commit_callbacks):
    with receiver() as hook_server:
        hook, _case = delivered(street_litter, hook_server.url, django_capture_on_commit_callbacks)

    [got] = hook_server.taken
    assert got.headers["X-Civicgrid-Signature"].startswith("sha256=")
    assert verifies(hook.secret, got)


def test_another_secret_or_a_changed_body_does_not_verify(street_litter, yulin, django_capture_on_commit_callbacks):
    with receiver() as hook_server:
        hook, _case = delivered(street_litter, hook_server.url, django_capture_on_commit_callbacks)

    [got] = hook_server.taken
    assert not verifies("whsec_not-the-secret", got)
    assert not verifies(hook.secret, Received(got.answered, got.headers, got.body.replace(b"report", b"close!")))


def test_the_headers_name_the_event_the_delivery_and_the_time(street_litter, yulin, django_capture_on_commit_callbacks):
    with receiver() as hook_server:
        delivered(street_litter, hook_server.url, django_capture_on_commit_callbacks)

    [got] = hook_server.taken
    delivery = WebhookDelivery.objects.get()
    message = delivery.message
    assert got.headers["Content-Type"] == "application/json"
    assert got.headers["X-Civicgrid-Event"] == "report"
    assert got.headers["X-Civicgrid-Delivery"] == str(delivery.pk)
    assert abs(int(got.headers["X-Civicgrid-Timestamp"]) - message.last_attempt_at.timestamp()) < 1
    assert message.status == "sent" and message.response_code == 204 and message.attempts == 1


def test_the_body_tells_the_event_and_the_case_and_nothing_about_the_reporter(
    street_litter, township_dispatcher, intake_clerk, django_capture_on_commit_callbacks,
):
    case = file_case(factories.report(street_litter, channel="walk_in", reporter_id_number="11010519491231002X"),
                     intake_clerk)
    with receiver() as hook_server:
        subscription(url=hook_server.url)
        with django_capture_on_commit_callbacks(execute=True):
            event = transition(case, "register", township_dispatcher, note="已核实")

    [got] = hook_server.taken
    body = json.loads(got.body)
    assert body["id"] == WebhookDelivery.objects.get().pk
    assert body["event"] == {"id": event.pk, "action": "register", "from_status": "reported",
                             "to_status": "registered", "at": body["event"]["at"], "by": event.actor_label}
    assert datetime.fromisoformat(body["event"]["at"]).utcoffset() is not None
    assert body["case"]["number"] == case.number and body["case"]["status"] == "registered"
    assert body["case"]["category"] == {"code": "01.001", "name": "暴露垃圾"}
    assert body["case"]["area_code"] == "610802001001001"
    text = got.body.decode()
    for personal in ("张三", "13800138000", "11010519491231002X", "井盖", township_dispatcher.display_name):
        assert personal not in text
