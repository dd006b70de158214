from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "civicgrid.petitions"
    label = "petitions"
    verbose_name = _("信访")

    def ready(self):
        from civicgrid.core.menu import register_entry, register_panel
        from civicgrid.orgs.choices import Role

        from . import services, views

        services.register()
        register_entry("petitions:mine", _("我的包案"), roles={Role.LEADER}, order=20)
        register_panel("petitions/panel.html", views.panel, roles={Role.LEADER}, order=10)
