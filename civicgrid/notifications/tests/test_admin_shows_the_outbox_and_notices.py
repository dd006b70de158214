"""Administrators see the outbox and the notices, read-only, and can send failed messages again."""

import pytest
from django.test import override_settings

from civicgrid.notifications.models import Notice, OutboxMessage

from . import backends

TESTS = "civicgrid.notifications.tests.backends."


@pytest.fixture
def failed(db):
    return OutboxMessage.objects.create(channel="sms", recipient="13800138000", body="您反映的问题已办结。",
                                        status="failed", attempts=6, last_error="DeliveryError: 短信网关无响应")


@pytest.fixture
def notice(reported_case, township_dispatcher):
    return Notice.objects.create(recipient=township_dispatcher, kind="overdue", case=reported_case,
                                 text=f"案件 {reported_case.number} 已超期。")


def test_the_outbox_list_filters_by_status_and_masks_phone_numbers(admin_client, failed):
    page = admin_client.get("/admin/notifications/outboxmessage/?status__exact=failed").content.decode()
    assert "138****8000" in page and "13800138000" not in page
    assert "发送失败" in page


def test_a_message_page_opens_read_only_with_its_error(admin_client, failed):
    page = admin_client.get(f"/admin/notifications/outboxmessage/{failed.pk}/change/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "短信网关无响应" in text and "13800138000" not in text and 'name="_save"' not in text


def test_no_one_adds_or_edits_a_message_by_hand(admin_client, failed):
    assert admin_client.get("/admin/notifications/outboxmessage/add/").status_code == 403
    admin_client.post(f"/admin/notifications/outboxmessage/{failed.pk}/change/", {"body": "改过的内容"})
    failed.refresh_from_db()
    assert failed.body == "您反映的问题已办结。"


def test_retry_now_sends_a_failed_message_again(admin_client, failed, django_capture_on_commit_callbacks):
    backends.sent.clear()
    with override_settings(CIVICGRID_SMS_BACKEND=TESTS + "Recording"), \
            django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post("/admin/notifications/outboxmessage/",
                                     {"action": "retry", "_selected_action": [failed.pk]}, follow=True)

    failed.refresh_from_db()
    assert failed.status == "sent" and backends.sent == [("13800138000", failed.body)]
    assert "已安排 1 条消息立即重新发送" in response.content.decode()


def test_the_notice_list_and_page_open_and_filter_by_kind_and_read(admin_client, notice):
    page = admin_client.get("/admin/notifications/notice/?kind__exact=overdue&read=no").content.decode()
    assert notice.text in page
    assert notice.text not in admin_client.get("/admin/notifications/notice/?read=yes").content.decode()
    assert admin_client.get(f"/admin/notifications/notice/{notice.pk}/change/").status_code == 200
    assert admin_client.get("/admin/notifications/notice/add/").status_code == 403
