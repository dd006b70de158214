import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from civicgrid.cases.categories import load_default_categories
from civicgrid.core.env import env_str
from civicgrid.core.services import seed_calendar
from civicgrid.demo import (
    campaigns,
    care,
    cases,
    circles,
    clients,
    fields,
    geography,
    hazards,
    households,
    patrols,
    people,
    petitions,
    rhythm,
)


class Command(BaseCommand):
    help = "Load the demo city 榆林市 (idempotent) and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=cases.DEFAULT_COUNT,
                            help="how many demo cases to load the first time (default %(default)s)")

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        self._step(_("区划"), geography.load_divisions().summary())
        self._step(_("县区边界"), geography.load_county_outlines().summary())
        grids = geography.load_synthetic_grids()
        self._step(_("合成网格"), _("新建 %(n)d 个网格") % {"n": grids} if grids else _("已存在，跳过"))
        self._step(_("工作日历"), seed_calendar())
        for name, report in load_default_categories():
            self._step(_("事项分类 %(list)s") % {"list": name}, report.summary())
        self._step(_("附加字段"), _("新建 %(n)d 个") % {"n": fields.load_fields()})
        password = env_str("CIVICGRID_DEMO_PASSWORD", "civicgrid-demo")
        users = people.load_people(password)
        loaded = self._cases(options["cases"], password)
        if options["cases"] > 0:
            made = hazards.load_hazards(password=password, count=round(options["cases"] * hazards.SHARE),
                                        world=loaded and loaded.world, cast=loaded and loaded.cast)
            self._step(_("风险隐患"), _("新建 %(n)d 处隐患") % {"n": made} if made else _("已存在，跳过"))
            made = campaigns.load_campaigns()
            self._step(_("专项行动"), _("新建 %(n)d 项") % {"n": made} if made else _("已存在，跳过"))
        self._step(_("信访事项"), petitions.load_petitions())
        made = households.load_households()
        self._step(_("住户与走访"), _("新建 %(households)d 户（虚构的演示住户）、%(visits)d 次走访") % {
            "households": made[0], "visits": made[1]} if made[0] else _("已存在，跳过"))
        self._step(_("关爱帮扶"), care.load_care(file_need=options["cases"] > 0))
        made = patrols.load_patrols()
        self._step(_("巡逻防控"), _("新建巡逻班次与 %(n)d 条打卡记录") % {"n": made} if made else _("已存在，跳过"))
        made = circles.load_posts()
        self._step(_("快反处置点位"), _("新建 %(n)d 个，处置圈已测算") % {"n": made} if made else _("已存在，跳过"))
        services, key = clients.load_client(settings.CIVICGRID_DEMO_API_KEY)
        self._step(_("Open311 服务"), _("已发布 %(n)d 项服务") % {"n": services})
        self._print_logins(users, password)
        self._print_key(key)

    def _step(self, what: str, outcome: str) -> None:
        self.stdout.write(_("[演示数据] %(what)s：%(outcome)s") % {"what": what, "outcome": outcome})

    def _cases(self, count: int, password: str) -> "cases.Loaded | None":
        """Replaying 90 days of cases through the services takes a while: say so before, and how long after."""
        if count > 0 and not cases.already_loaded():
            self._step(_("演示案件"), _("正在按真实流程生成 %(n)d 件案件，请稍候……") % {"n": count})
        started = time.perf_counter()
        loaded = cases.load_cases(count, password=password, progress=self._progress(count)) if count > 0 else None
        if loaded is None:
            self._step(_("演示案件"), _("已存在，跳过") if count > 0 else _("未要求，跳过"))
            return None
        self._step(_("演示案件"), _(
            "新建 %(cases)d 件案件、%(events)d 条流转记录、%(notices)d 条通知，另建 %(staff)d 名工作人员、"
            "%(rules)d 条派遣规则，用时 %(seconds).0f 秒") % {
            "cases": loaded.cases, "events": loaded.events, "notices": loaded.notices, "staff": loaded.staff,
            "rules": loaded.rules, "seconds": time.perf_counter() - started})
        for message in loaded.refused:
            self.stderr.write(_("[演示数据] 未能执行的步骤：%(message)s") % {"message": message})
        self._rhythm()
        return loaded

    def _rhythm(self) -> None:
        """With the demo's cases: the last week's zero reports and a talk day whose matters are filed."""
        made = rhythm.load_rhythm()
        self._step(_("零报告与群众说事日"), _("新建 %(reports)d 份零报告，群众说事日登记 %(matters)d 件事项") % {
            "reports": made[0], "matters": made[1]})

    def _progress(self, count: int):
        """Every tenth of the cases filed, a line, so a long load is seen to move."""
        step = max(count // 10, 1)

        def report(filed: int) -> None:
            if filed % step == 0 and filed < count:
                self._step(_("演示案件"), _("已上报 %(n)d / %(count)d 件") % {"n": filed, "count": count})
        return report

    def _print_key(self, key: str) -> None:
        self.stdout.write("\n" + _("演示 Open311 客户端的 API 密钥：%(key)s") % {"key": key})
        self.stdout.write(_("  试一试：curl -s 'http://127.0.0.1:8000/open311/v2/services.json'；"
                            "curl -s -H 'X-Api-Key: %(key)s' 'http://127.0.0.1:8000/api/v1/cases'") % {"key": key})

    def _print_logins(self, users, password: str) -> None:
        self.stdout.write("\n" + _("演示账号（密码均为 %(password)s）：") % {"password": password})
        for username, name, role, place in users:
            self.stdout.write(f"  {username:<14} {role:<10} {name:<8} {place}")
        self.stdout.write(_("  另有各地工作人员，用户名为角色加编码，如 shouli610803001（受理员）、paiqian610803001（派遣员）、"
                            "zhiban610803（值班长）、wangge＋网格编码（网格员）、chuzhi-610803-CG（部门处置人员）。"))
