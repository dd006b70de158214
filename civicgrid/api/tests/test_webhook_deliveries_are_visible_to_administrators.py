"""Administrators see each delivery's status, tries and last error in the admin, filter by status, and
send failed ones again after a receiver's outage has been fixed; nobody edits a delivery by hand."""

import pytest

from civicgrid.api.models import WebhookDelivery, WebhookSubscription
from civicgrid.cases.intake import file_case
from civicgrid.notifications.models import OutboxMessage
from civicgrid.testing import factories

from .webhook_support import receiver, subscription

CHANGELIST = "/admin/api/webhookdelivery/"


@pytest.fixture
def failed(street_litter, yulin):
    hook = subscription()
    case = file_case(factories.report(street_litter))
    OutboxMessage.objects.filter(channel="webhook").update(status="failed", attempts=9, response_code=503,
                                                           last_error="NotDelivered: HTTP 503")
    return hook, case


def test_the_list_shows_the_case_the_application_and_why_it_failed(admin_client, failed):
    hook, case = failed
    page = admin_client.get(f"{CHANGELIST}?status=failed").content.decode()
    assert case.number in page and hook.application.name in page and "HTTP 503" in page and "已放弃" in page


def test_retry_now_sends_a_failed_delivery_again(admin_client, failed, django_capture_on_commit_callbacks):
    hook, _case = failed
    delivery = WebhookDelivery.objects.get()
    with receiver() as hook_server:
        WebhookSubscription.objects.filter(pk=hook.pk).update(url=hook_server.url)
        with django_capture_on_commit_callbacks(execute=True):
            admin_client.post(CHANGELIST, {"action": "retry", "_selected_action": [delivery.pk]})

    message = OutboxMessage.objects.get(webhook=delivery)
    assert message.status == "sent" and message.attempts == 10 and len(hook_server.taken) == 1


def test_no_one_adds_or_edits_a_delivery_by_hand(admin_client, failed):
    delivery = WebhookDelivery.objects.get()
    assert admin_client.get("/admin/api/webhookdelivery/add/").status_code == 403
    admin_client.post(f"{CHANGELIST}{delivery.pk}/change/", {"status": "delivered"})
    assert OutboxMessage.objects.get(webhook=delivery).status == "failed"


def test_a_subscription_added_in_the_admin_gets_a_secret_shown_once(admin_client, yulin):
    from civicgrid.api import keys

    application, _raw = keys.create_application("区城管局业务系统", "610802", ["subscribe"])
    response = admin_client.post("/admin/api/webhooksubscription/add/", {
        "application": application.pk, "url": "https://dept.example.org/hook", "area_code": "610802",
        "actions": "[]", "is_active": "on"}, follow=True)

    secret = WebhookSubscription.objects.get().secret
    assert secret.startswith("whsec_") and secret in response.content.decode()
