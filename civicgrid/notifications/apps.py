from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "civicgrid.notifications"
    verbose_name = _("通知")

    def ready(self):
        from civicgrid.core.http import routers

        from . import checks  # noqa: F401  (registers the start-up checks)

        routers.register("/notices", "civicgrid.notifications.api.router")
