"""Once a receiver's outage is over, an administrator selects failed deliveries in the outbox and retries
them: each gets one more try at once, whatever its channel; a sent one is never sent again, and one a
worker is trying at that moment keeps its claim."""

import pytest
from django.utils import timezone

from civicgrid.notifications import outbox
from civicgrid.notifications.channels import DeliveryError
from civicgrid.notifications.models import OutboxMessage

CHANGELIST = "/admin/notifications/outboxmessage/"


@pytest.fixture
def failed(pending):
    OutboxMessage.objects.filter(pk=pending.pk).update(status="failed", attempts=6,
                                                       last_error="DeliveryError: 接收方无响应")
    return pending


def retry(admin_client, capture, *messages):
    with capture(execute=True):
        return admin_client.post(CHANGELIST, {"action": "retry", "_selected_action": [m.pk for m in messages]},
                                 follow=True)


def test_a_failed_delivery_is_sent_at_once(admin_client, probe, failed, django_capture_on_commit_callbacks):
    response = retry(admin_client, django_capture_on_commit_callbacks, failed)

    failed.refresh_from_db()
    assert failed.status == "sent" and failed.attempts == 7 and failed.last_error == ""
    assert probe.sent == [failed.pk]
    assert "已安排 1 条消息立即重新发送" in response.content.decode()


def test_a_retry_that_fails_again_leaves_it_failed(admin_client, probe, failed, django_capture_on_commit_callbacks):
    probe.failure = DeliveryError("仍然无响应")
    retry(admin_client, django_capture_on_commit_callbacks, failed)

    failed.refresh_from_db()
    assert failed.status == "failed" and failed.attempts == 7 and "仍然无响应" in failed.last_error


def test_a_sent_delivery_is_not_sent_again(admin_client, probe, pending, django_capture_on_commit_callbacks):
    outbox.deliver([pending.pk])
    response = retry(admin_client, django_capture_on_commit_callbacks, pending)

    assert probe.sent == [pending.pk]
    assert "已安排 0 条消息立即重新发送" in response.content.decode()


def test_a_delivery_a_worker_is_trying_keeps_its_claim(admin_client, probe, pending,
                                                      django_capture_on_commit_callbacks):
    claimed = outbox.claim(pending.pk, timezone.now())
    retry(admin_client, django_capture_on_commit_callbacks, pending)
    assert probe.sent == []

    assert outbox.attempt(claimed) == "sent" and probe.sent == [pending.pk]
