from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from civicgrid.patrols import circles


class Command(BaseCommand):
    help = "Measure every grid and community against every response post again (after outlines or households change)."

    def handle(self, *args, **options):
        self.stdout.write(_("已重新测算 %(n)d 个网格和村社区的快反处置圈。") % {"n": circles.refresh()})
