from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from civicgrid.cases.categories import load_default_categories
from civicgrid.core.env import env_str
from civicgrid.core.services import seed_calendar
from civicgrid.demo import geography, people


class Command(BaseCommand):
    help = "Load the demo city 榆林市 (idempotent) and print the demo logins."

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        self._step(_("区划"), geography.load_divisions().summary())
        self._step(_("县区边界"), geography.load_county_outlines().summary())
        grids = geography.load_synthetic_grids()
        self._step(_("合成网格"), _("新建 %(n)d 个网格") % {"n": grids} if grids else _("已存在，跳过"))
        self._step(_("工作日历"), seed_calendar())
        for name, report in load_default_categories():
            self._step(_("事项分类 %(list)s") % {"list": name}, report.summary())
        password = env_str("CIVICGRID_DEMO_PASSWORD", "civicgrid-demo")
        self._print_logins(people.load_people(password), password)

    def _step(self, what: str, outcome: str) -> None:
        self.stdout.write(_("[演示数据] %(what)s：%(outcome)s") % {"what": what, "outcome": outcome})

    def _print_logins(self, users, password: str) -> None:
        self.stdout.write("\n" + _("演示账号（密码均为 %(password)s）：") % {"password": password})
        for username, name, role, place in users:
            self.stdout.write(f"  {username:<14} {role:<10} {name:<8} {place}")
