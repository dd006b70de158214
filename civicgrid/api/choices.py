from django.db import models
from django.utils.translation import gettext_lazy as _

from civicgrid.cases import registry
from civicgrid.core.http.grants import Grant
from civicgrid.notifications.choices import DeliveryStatus as OutboxStatus


def step_grants() -> list[tuple[str, str]]:
    """Case steps a client application may be granted (registered ``grantable``); it takes them as its staff
    account, by the loop's rules."""
    return [(step.action, step.label) for step in registry.steps() if step.grantable]


def grant_choices() -> list[tuple[str, str]]:
    return [*Grant.choices, *step_grants()]


class DeliveryStatus(models.TextChoices):
    """A webhook delivery's status as the API and 推送记录 have always named it: its outbox message's status."""

    PENDING = "pending", _("待推送")
    DELIVERED = "delivered", _("已送达")
    FAILED = "failed", _("已放弃")


IN_OUTBOX = {DeliveryStatus.PENDING: OutboxStatus.PENDING, DeliveryStatus.DELIVERED: OutboxStatus.SENT,
             DeliveryStatus.FAILED: OutboxStatus.FAILED}
FROM_OUTBOX = {outbox: status for status, outbox in IN_OUTBOX.items()}
