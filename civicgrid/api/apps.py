from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "civicgrid.api"
    label = "api"
    verbose_name = _("接口与对接")

    def ready(self):
        from civicgrid.cases.signals import events_written
        from civicgrid.core.http import interfaces, routers
        from civicgrid.notifications import channels

        from . import refusals, webhooks
        from .models import ClientApplication, WebhookSubscription

        # Deliveries go through the one outbox, with their own pauses and number of tries.
        channels.register(channels.Channel(webhooks.CHANNEL, _("推送"), webhooks.send, "CIVICGRID_WEBHOOK_BACKOFF",
                                           "CIVICGRID_WEBHOOK_MAX_ATTEMPTS", "CIVICGRID_WEBHOOK_TIMEOUT_S"))
        routers.register("/webhooks", "civicgrid.api.webhooks_api.router")
        interfaces.answer_not_found("/api/v1/", refusals.not_found)
        interfaces.answer_rate_limited("/api/", refusals.rate_limited)

        # Deliveries are written with the events, in their transaction (see webhooks' docstring).
        events_written.connect(webhooks.on_events_written, dispatch_uid="api.webhooks.record")
        pre_delete.connect(webhooks.forget_deliveries, sender=WebhookSubscription,
                           dispatch_uid="api.webhooks.forget_deliveries")
        for model in (WebhookSubscription, ClientApplication):
            for signal in (post_save, post_delete):
                signal.connect(webhooks.forget_none, sender=model, dispatch_uid=f"api.webhooks.forget.{model.__name__}")
