"""After its channel's last try, or at once when the receiver refuses it for good, a delivery is failed: it is
tried no more, and administrators find it in the outbox's list by status and channel, with the last error
and the recipient masked when it is a phone number."""

from datetime import timedelta

from django.test import override_settings
from django.utils import timezone

from civicgrid.notifications import outbox
from civicgrid.notifications.channels import DeliveryError, Rejected
from civicgrid.notifications.models import OutboxMessage

CHANGELIST = "/admin/notifications/outboxmessage/"


def fail_every_try(pending, now) -> None:
    for _ in range(20):
        if outbox.deliver([pending.pk], now) != ["pending"]:
            return
        now = OutboxMessage.objects.get(pk=pending.pk).next_attempt_at


@override_settings(CIVICGRID_OUTBOX_MAX_ATTEMPTS=3)
def test_after_the_last_try_it_is_failed_and_tried_no_more(probe, pending):
    probe.failure = DeliveryError("接收方无响应")
    fail_every_try(pending, timezone.now())

    pending.refresh_from_db()
    assert pending.status == "failed" and pending.attempts == 3 and "接收方无响应" in pending.last_error
    probe.failure = None
    assert outbox.send_due(timezone.now() + timedelta(days=30)) == 0 and probe.sent == []


def test_a_refusal_for_good_fails_it_at_the_first_try(probe, pending):
    probe.failure = Rejected("号码无效", 400)
    assert outbox.deliver([pending.pk]) == ["failed"]
    pending.refresh_from_db()
    assert pending.attempts == 1 and pending.response_code == 400 and "号码无效" in pending.last_error


def test_a_delivery_of_a_channel_no_app_registers_any_more_is_failed_at_once_and_listed_masked(db):
    orphan = OutboxMessage.objects.create(channel="fax", recipient="029-12345678", body="传真")
    assert outbox.deliver([orphan.pk]) == ["failed"]
    orphan.refresh_from_db()
    assert "fax" in orphan.last_error
    assert orphan.masked_recipient == "029*****5678"  # it might be a phone number: masked, to be safe


def test_administrators_list_failed_deliveries_by_status_and_channel_with_phone_numbers_masked(
    admin_client, sms_through, probe,
):
    with sms_through("Failing"):
        failed_sms = OutboxMessage.objects.create(channel="sms", recipient="13800138000", body="已办结")
        fail_every_try(failed_sms, timezone.now())
    OutboxMessage.objects.create(channel="sms", recipient="13900139000", body="已受理")
    OutboxMessage.objects.create(channel="probe", recipient="探针接收方", body="一条投递", status="failed",
                                 last_error="DeliveryError: 探针故障")

    page = admin_client.get(f"{CHANGELIST}?status__exact=failed&channel__exact=sms").content.decode()
    assert "138****8000" in page and "13800138000" not in page
    assert "139****9000" not in page and "探针接收方" not in page
    failed_probes = admin_client.get(f"{CHANGELIST}?status__exact=failed&channel__exact=probe").content.decode()
    assert "探针接收方" in failed_probes and "138****8000" not in failed_probes


def test_the_page_of_a_failed_delivery_shows_why(admin_client, sms_through):
    with sms_through("Failing"):
        failed_sms = OutboxMessage.objects.create(channel="sms", recipient="13800138000", body="已办结")
        fail_every_try(failed_sms, timezone.now())

    page = admin_client.get(f"{CHANGELIST}{failed_sms.pk}/change/").content.decode()
    assert "发送失败" in page and "短信网关无响应" in page and "13800138000" not in page
