"""``manage.py run_scheduler`` queues the outbox's retry, which sends webhooks too, every minute; the task
sends what is due."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from civicgrid.api.models import WebhookDelivery
from civicgrid.cases.intake import file_case
from civicgrid.core import scheduler
from civicgrid.notifications import tasks
from civicgrid.notifications.models import OutboxMessage
from civicgrid.testing import factories

from .webhook_support import receiver, subscription

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_the_scheduler_queues_the_webhook_retry_every_minute():
    job = {job.id: job for job in scheduler.build().get_jobs()}["retry_outbox"]
    assert job.args == ("civicgrid.notifications.tasks.retry_due",)
    after = datetime(2026, 2, 16, 12, 0, 30, tzinfo=SHANGHAI)
    assert job.trigger.get_next_fire_time(None, after) == datetime(2026, 2, 16, 12, 1, tzinfo=SHANGHAI)


def test_the_retry_task_sends_what_is_due(street_litter, yulin):
    with receiver() as hook_server:
        subscription(url=hook_server.url)
        file_case(factories.report(street_litter))  # its on-commit send never ran
        OutboxMessage.objects.filter(channel="webhook").update(next_attempt_at=timezone.now())
        assert tasks.retry_due.call() == 1
    assert WebhookDelivery.objects.get().message.status == "sent" and len(hook_server.taken) == 1
