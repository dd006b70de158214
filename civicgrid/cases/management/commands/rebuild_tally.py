from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from civicgrid.cases import tally


class Command(BaseCommand):
    help = ("Recount the case figures (the tally the dashboards and reports read) from the case table. Writers "
            "wait meanwhile on PostgreSQL; run it after restoring cases written outside the application.")

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        written = tally.rebuild(progress=self._progress)
        self.stdout.write(_("统计汇总已重算：%(rows)d 行。") % {"rows": written})

    def _progress(self, done: int, total: int) -> None:
        self.stdout.write(_("已重算 %(done)d / %(total)d 个月") % {"done": done, "total": total})
