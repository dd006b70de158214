from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "civicgrid.notifications"
    verbose_name = _("通知")

    def ready(self):
        from civicgrid.core.http import routers
        from civicgrid.core.validators import mask_phone

        from . import backends, channels, checks  # noqa: F401  (checks registers the start-up checks)
        from .choices import Channel

        # SMS and e-mail share their pauses and number of tries (docs/configuration.md); Django's e-mail
        # settings have no timeout of their own.
        for name, timeout, shown in ((Channel.SMS, "CIVICGRID_SMS_GATEWAY_TIMEOUT_S", mask_phone),
                                     (Channel.EMAIL, None, channels.as_is)):
            channels.register(channels.Channel(name.value, name.label, backends.send, "CIVICGRID_OUTBOX_BACKOFF",
                                               "CIVICGRID_OUTBOX_MAX_ATTEMPTS", timeout, shown))
        routers.register("/notices", "civicgrid.notifications.api.router")
