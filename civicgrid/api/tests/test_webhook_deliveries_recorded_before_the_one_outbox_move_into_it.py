"""Deliveries recorded before webhooks joined the one outbox move into it when the database is migrated: each
keeps its id (receivers drop repeats by it), its subscription and event, and the record of its tries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from civicgrid.api.models import WebhookDelivery
from civicgrid.cases.intake import file_case
from civicgrid.testing import factories

from .webhook_support import subscription

BEFORE = [("api", "0001_client_applications_tokens_webhooks"), ("notifications", "0001_notices_and_outbox")]


def migrate(targets=None):
    """Migrate to ``targets`` (every app's latest when None); the models as they were there."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_each_delivery_keeps_its_id_subscription_event_and_tries(street_litter, yulin):
    event = file_case(factories.report(street_litter)).events.get()
    hook = subscription()
    now = timezone.now().replace(microsecond=0)
    old = migrate(BEFORE).get_model("api", "WebhookDelivery")
    waiting, delivered, failed = [old.objects.create(subscription_id=hook.pk, event_id=event.pk, **fields) for fields in (
        {"status": "pending", "attempts": 2, "next_attempt_at": now + timedelta(minutes=5), "last_attempt_at": now,
         "claimed_until": now + timedelta(minutes=1), "response_code": 503, "last_error": "NotDelivered: HTTP 503"},
        {"status": "delivered", "attempts": 1, "next_attempt_at": now, "last_attempt_at": now, "delivered_at": now,
         "response_code": 204},
        {"status": "failed", "attempts": 9, "next_attempt_at": now, "last_attempt_at": now,
         "last_error": "NotDelivered: receiver unreachable"})]
    migrate()

    moved = {delivery.pk: delivery for delivery in WebhookDelivery.objects.select_related("message")}
    assert set(moved) == {waiting.pk, delivered.pk, failed.pk}
    assert {(d.subscription_id, d.event_id, d.message.channel, d.message.recipient, d.message.created_at)
            for d in moved.values()} == {(hook.pk, event.pk, "webhook", hook.url, event.created_at)}
    tries = {pk: (d.message.status, d.message.attempts, d.message.next_attempt_at, d.message.last_attempt_at,
                  d.message.claimed_until, d.message.response_code, d.message.last_error, d.message.sent_at)
             for pk, d in moved.items()}
    assert tries == {
        waiting.pk: ("pending", 2, now + timedelta(minutes=5), now, now + timedelta(minutes=1), 503,
                     "NotDelivered: HTTP 503", None),
        delivered.pk: ("sent", 1, now, now, None, 204, "", now),
        failed.pk: ("failed", 9, now, now, None, None, "NotDelivered: receiver unreachable", None),
    }
