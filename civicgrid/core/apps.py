from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "civicgrid.core"
    label = "core"
    verbose_name = _("基础")

    def ready(self):
        from django.core.signals import request_finished

        from . import files

        # A request's transactions are over when it has finished: remove the files of those that rolled back.
        request_finished.connect(files.sweep, dispatch_uid="civicgrid.core.files.sweep")
