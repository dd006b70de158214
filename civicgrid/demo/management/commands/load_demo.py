from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import translation

from civicgrid.cases.categories import load_default_categories
from civicgrid.core.env import env_str
from civicgrid.demo import geography, people


class Command(BaseCommand):
    help = "Load the demo city 榆林市 (idempotent) and print the demo logins."

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        self._step("区划", geography.load_divisions().summary())
        self._step("县区边界", geography.load_county_outlines().summary())
        grids = geography.load_synthetic_grids()
        self._step("合成网格", f"新建 {grids} 个网格" if grids else "已存在，跳过")
        call_command("seed_calendar", stdout=self.stdout)
        for name, report in load_default_categories():
            self._step(f"事项分类 {name}", report.summary())
        password = env_str("CIVICGRID_DEMO_PASSWORD", "civicgrid-demo")
        self._print_logins(people.load_people(password), password)

    def _step(self, what: str, outcome: str) -> None:
        self.stdout.write(f"[演示数据] {what}：{outcome}")

    def _print_logins(self, users, password: str) -> None:
        self.stdout.write("\n演示账号（密码均为 %s）：" % password)
        for username, name, role, place in users:
            self.stdout.write(f"  {username:<14} {role:<10} {name:<8} {place}")
