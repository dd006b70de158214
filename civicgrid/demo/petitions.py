"""A few petitions (信访) across 榆林市 at every stage, owned by the demo leader, filed and worked through the
one writer's batch path (``cases.batch``): just taken on, planned, visited, in the backlog and late, settled and
waiting for the petitioner's word, closed with it.

The petitioners are names and phones like every demo reporter's; nothing here, or anywhere, lists them.
"""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases.batch import Batch
from civicgrid.cases.categories import DATA, Root, import_taxonomy, seed_time_limits
from civicgrid.cases.choices import CaseKind, Channel
from civicgrid.cases.intake import Report
from civicgrid.cases.models import Case, Category
from civicgrid.orgs.choices import Role
from civicgrid.orgs.models import RoleAssignment

from . import texts
from .people import CITY

PETITIONS = Root("80", "信访事项", CaseKind.PETITION, "Petitions")
SOURCE = DATA / "categories" / "petitions.csv"


@dataclass(frozen=True)
class Story:
    """One demo petition: its class, what the petitioner asks, how long ago it came in and how far it went."""

    category: str
    title: str
    description: str
    days_ago: int
    stage: str


STORIES = [
    Story("征地补偿", "反映征地补偿款未足额发放", "村民反映2025年修路征地的补偿款少发三成，多次到村委会询问未果。", 3, "planned"),
    Story("拖欠工资", "反映工地拖欠农民工工资", "十二名农民工反映在某住宅项目务工，工程完工后工资仍未结清。", 12, "visited"),
    Story("宅基地", "反映宅基地确权边界争议", "两户村民对宅基地边界各执一词，确权登记停滞，已持续两年。", 75, "backlog"),
    Story("房屋质量", "反映安置房屋顶漏水", "回迁安置小区多户反映屋顶漏水，开发商维修后仍未解决。", 40, "settled"),
    Story("社会保险", "反映养老保险断缴无法补缴", "退休人员反映原单位改制时养老保险断缴，现无法办理退休待遇。", 30, "closed"),
    Story("拆迁安置", "反映拆迁安置房迟迟未交付", "棚户区改造搬迁户反映安置房逾期两年未交付，过渡费停发。", 68, "late"),
    Story("土地承包", "反映承包地被占用未给补偿", "村民反映承包地被企业占用建厂房，未签协议也未给补偿。", 20, "visited"),
    Story("办证难", "反映小区多年办不下不动产证", "小区业主反映入住八年仍未办理不动产权证，影响子女入学。", 50, "settled"),
]
PLAN = "包案领导牵头，会同{unit}核实情况、明确责任，限期拿出解决办法，每两周下访一次，向信访人当面反馈进展。"
UNITS = ["镇政府", "县人社局", "县自然资源局", "县住建局", "县信访局"]


def load_petitions(now: datetime | None = None, seed: int = 11) -> str:
    """The demo petitions, once; what was done, for the loader's printout."""
    if Case.objects.filter(area_code__startswith=CITY, kind=CaseKind.PETITION).exists():
        return _("已存在，跳过")
    leader, clerk = _holder(Role.LEADER), _holder(Role.INTAKE_CLERK)
    places = _places()
    if leader is None or clerk is None or not places:
        return _("没有演示领导、受理员或网格，跳过")
    categories = _categories()
    now, rng = now or timezone.now(), random.Random(seed)
    with transaction.atomic():
        batch = Batch()
        for story, place in zip(STORIES, places * len(STORIES)):
            _tell(batch, story, categories[story.category], place, clerk, leader, now, rng)
        batch.write()
    return _("新建 %(n)d 件信访事项，包案领导：%(leader)s") % {"n": len(STORIES), "leader": leader}


def _holder(role: str):
    grant = RoleAssignment.objects.filter(role=role, area__code=CITY).select_related("staff").order_by("pk").first()
    return grant.staff if grant else None


def _places() -> list[tuple[str, float, float]]:
    """A point of a demo case in one grid of each county, so the petitions spread over the city."""
    found: dict[str, tuple] = {}
    rows = Case.objects.filter(area_code__startswith=CITY, longitude__isnull=False).order_by("area_code") \
        .values_list("area_code", "longitude", "latitude")
    for code, longitude, latitude in rows.iterator():
        if len(code) == 15:
            found.setdefault(code[:6], (code, longitude, latitude))
    return list(found.values())


def _categories() -> dict[str, Category]:
    if not Category.objects.filter(code__startswith=PETITIONS.code, kind=CaseKind.PETITION).exists():
        import_taxonomy(SOURCE.read_text(encoding="utf-8-sig"), SOURCE.name, PETITIONS)
        seed_time_limits()
    return {c.name: c for c in Category.objects.filter(kind=CaseKind.PETITION)}


def _tell(batch, story: Story, category, place, clerk, leader, now, rng) -> None:
    """The petition's story up to its stage, each step a few days after the one before."""
    _code, longitude, latitude = place
    filed = now - timedelta(days=story.days_ago, hours=rng.uniform(1, 6))
    report = Report(category=category, title=story.title, description=story.description, channel=Channel.WALK_IN,
                    longitude=longitude, latitude=latitude, reporter_name=texts.person(rng),
                    reporter_phone=texts.phone(rng))
    case = batch.file(report, clerk, filed)
    moments = iter(_moments(filed, now, 8))
    batch.take(case, "register", clerk, now=next(moments))
    batch.take(case, "assign_leader", leader, now=next(moments), leader=leader.pk)
    batch.take(case, "set_plan", leader, now=next(moments), plan=PLAN.format(unit=rng.choice(UNITS)))
    if story.stage == "planned":
        return
    _visits(batch, case, leader, moments, place, story, now)
    if story.stage in ("backlog", "late"):
        batch.take(case, "mark_backlog", leader, now=next(moments), since=timezone.localdate(filed) + timedelta(days=30),
                   reason=_("涉及多个部门和历史遗留问题，多次协调未能化解。"))
    if story.stage in ("settled", "closed"):
        _settle(batch, case, leader, moments, story)


def _moments(start: datetime, end: datetime, n: int) -> list[datetime]:
    step = (end - start) / (n + 1)
    return [start + step * (i + 1) for i in range(n)]


def _visits(batch, case, leader, moments, place, story, now) -> None:
    for kind, where in (("reception", _("县综治中心接访室")), ("home", _("信访人家中"))):
        moment = next(moments)
        following = timezone.localdate(now) + timedelta(days=7) if story.stage in ("visited", "late") else None
        batch.take(case, "record_visit", leader, now=moment, kind=kind, visited_on=timezone.localdate(moment),
                   visitors=f"{leader}、{_('乡镇信访办干部')}", place=where,
                   notes=_("听取信访人诉求，说明政策，约定下一步办理安排。"),
                   next_visit_on=following if kind == "home" else None)


def _settle(batch, case, leader, moments, story) -> None:
    batch.take(case, "settle_petition", leader, now=next(moments), outcome="resolved",
               account=_("经协调，责任单位已按方案落实，向信访人当面反馈办理结果。"))
    if story.stage == "closed":
        moment = next(moments)
        batch.take(case, "acknowledge_petition", leader, now=moment, how="signed", on=timezone.localdate(moment),
                   words=_("问题解决了，感谢政府，没有意见。"))
        batch.take(case, "close_petition", leader, now=next(moments))
