from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisputesConfig(AppConfig):
    name = "civicgrid.disputes"
    label = "disputes"
    verbose_name = _("矛盾纠纷调解")

    def ready(self):
        from civicgrid.core import menu
        from civicgrid.orgs.choices import Role

        from . import rhythm_menu, services, views

        services.register()
        mediators = {Role.MEDIATOR}
        menu.register_entry("disputes:list", _("矛盾纠纷"), roles={*mediators, Role.DISPATCHER, Role.SHIFT_LEAD,
                                                                 Role.INTAKE_CLERK, Role.LEADER}, order=30)
        menu.register_entry("disputes:pool", _("调解员库"), roles={*mediators, Role.DISPATCHER, Role.SHIFT_LEAD,
                                                                 Role.LEADER}, order=31)
        menu.register_panel("disputes/home_panel.html", views.home_panel, roles=mediators, order=10)
        rhythm_menu.register()
