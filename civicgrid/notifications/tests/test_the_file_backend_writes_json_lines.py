"""The file backend (demo, offline trials) appends one JSON object per message to CIVICGRID_OUTBOX_FILE."""

import json

from django.test import override_settings

from civicgrid.notifications import tasks
from civicgrid.notifications.models import OutboxMessage


def test_each_message_becomes_one_json_line_in_chinese(tmp_path, db):
    outbox = tmp_path / "var" / "outbox.jsonl"
    first = OutboxMessage.objects.create(channel="sms", recipient="13800138000", body="您反映的问题已受理。")
    second = OutboxMessage.objects.create(channel="email", recipient="zhang@example.cn", subject="办结通知",
                                          body="已办结。")
    with override_settings(CIVICGRID_OUTBOX_FILE=str(outbox),
                           CIVICGRID_SMS_BACKEND="civicgrid.notifications.backends.FileBackend",
                           CIVICGRID_EMAIL_BACKEND="civicgrid.notifications.backends.FileBackend"):
        assert tasks.deliver.call([first.pk]) == ["sent"]
        assert tasks.deliver.call([second.pk]) == ["sent"]

    text = outbox.read_text(encoding="utf-8")
    lines = [json.loads(line) for line in text.splitlines()]
    assert "您反映的问题已受理" in text, "written as readable Chinese, not \\u escapes"
    assert [(line["channel"], line["to"], line["body"]) for line in lines] == [
        ("sms", "13800138000", "您反映的问题已受理。"), ("email", "zhang@example.cn", "已办结。")]
    assert lines[1]["subject"] == "办结通知" and lines[0]["at"]
