from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "civicgrid.campaigns"
    label = "campaigns"
    verbose_name = _("专项行动")

    def ready(self):
        from civicgrid.core import menu
        from civicgrid.orgs.choices import CENTRE_ROLES, GRID_ROLES, Role

        # Who runs and follows drives: the centres and administrators who set them, leaders, the grid's staff
        # and the mediators and inspectors who find and settle what they count.
        roles = {*CENTRE_ROLES, *GRID_ROLES, Role.ADMINISTRATOR, Role.LEADER, Role.MEDIATOR, Role.INSPECTOR}
        menu.register_entry("campaigns:index", _("专项行动"), roles=roles, order=45)
