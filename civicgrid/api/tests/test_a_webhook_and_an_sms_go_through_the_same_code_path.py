"""A webhook delivery and an SMS are rows of one outbox: the same run claims and tries both with the same
functions, a failed try of either waits its channel's pause, both are given up after their channel's last
try into the same failed list, and an administrator's retry sends both again."""

import pytest
from django.test import override_settings
from django.utils import timezone

from civicgrid.cases.bulk import file_many
from civicgrid.notifications import channels, outbox, tasks
from civicgrid.notifications.models import OutboxMessage
from civicgrid.notifications.tests import backends
from civicgrid.testing import factories

from .webhook_support import receiver, subscription

SMS_THROUGH = "civicgrid.notifications.tests.backends."
MOST_TRIES = 20  # more than either channel makes


@pytest.fixture
def registered(street_litter, township_dispatcher):
    """``registered(url)``: a report filed and registered by bulk intake in a subscribed area, leaving an SMS to
    its reporter and a webhook delivery of the step in the outbox, neither tried yet (bulk intake leaves its SMS
    to the minute's run, and on-commit sending never runs in these tests)."""

    def register(url: str) -> list[OutboxMessage]:
        subscription(url=url, actions=["register"])
        assert len(file_many([factories.report(street_litter)], township_dispatcher).cases) == 1
        return list(OutboxMessage.objects.order_by("channel"))

    backends.sent.clear()
    return register


def spy(calls: list, function):
    """``function``, noting the channel of the message it gave back (``claim``) or was given (``attempt``)."""

    def spied(*args, **kwargs):
        result = function(*args, **kwargs)
        message = result if isinstance(result, OutboxMessage) else args[0]
        if isinstance(message, OutboxMessage):
            calls.append(message.channel)
        return result

    return spied


def test_one_run_claims_and_tries_both_with_the_same_functions(registered, monkeypatch):
    claimed, tried = [], []
    monkeypatch.setattr(outbox, "claim", spy(claimed, outbox.claim))
    monkeypatch.setattr(outbox, "attempt", spy(tried, outbox.attempt))
    with receiver() as hook_server, override_settings(CIVICGRID_SMS_BACKEND=SMS_THROUGH + "Recording"):
        sms, webhook = registered(hook_server.url)
        assert (sms.channel, webhook.channel) == ("sms", "webhook")
        assert tasks.retry_due.call() == 2

    assert sorted(claimed) == sorted(tried) == ["sms", "webhook"]
    assert len(hook_server.taken) == 1 and len(backends.sent) == 1
    for message in OutboxMessage.objects.all():
        assert (message.status, message.attempts, message.claimed_until) == ("sent", 1, None)
        assert message.sent_at == message.last_attempt_at


def test_both_wait_their_channels_pause_are_given_up_after_its_last_try_and_are_retried_alike(
    registered, admin_client, django_capture_on_commit_callbacks,
):
    with receiver() as hook_server, override_settings(CIVICGRID_SMS_BACKEND=SMS_THROUGH + "Failing"):
        hook_server.stop()  # the receiver is down, as the SMS gateway is
        registered(hook_server.url)
        now = timezone.now()
        outbox.send_due(now)
        for message in OutboxMessage.objects.all():
            assert message.status == "pending" and message.attempts == 1
            assert message.next_attempt_at == now + channels.get(message.channel).pause(1)
        for _ in range(MOST_TRIES):
            outbox.send_due(max(OutboxMessage.objects.values_list("next_attempt_at", flat=True)))

        given_up = {message.channel: message.attempts for message in OutboxMessage.objects.filter(status="failed")}
        assert given_up == {"sms": channels.get("sms").max_attempts, "webhook": channels.get("webhook").max_attempts}
        page = admin_client.get("/admin/notifications/outboxmessage/?status__exact=failed").content.decode()
        assert "138****8000" in page and hook_server.url in page

        hook_server.start()  # both are back
        with override_settings(CIVICGRID_SMS_BACKEND=SMS_THROUGH + "Recording"), \
                django_capture_on_commit_callbacks(execute=True):
            admin_client.post("/admin/notifications/outboxmessage/", {
                "action": "retry", "_selected_action": list(OutboxMessage.objects.values_list("pk", flat=True))})

    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}
    assert len(hook_server.taken) == 1 and len(backends.sent) == 1
