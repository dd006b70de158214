"""The demo's households (户) and visits (走访): the households of every building of 鸳鸯湖社区's grids (where
the demo's heads and grid worker work), as many as each unit's household count says (on its floors where it
has them), with synthetic names and phones marked as such, and visits over the last 90 days with gaps: some
buildings nobody visited, some households never, most once or twice. Written by the bulk loaders (``households.bulk``).

The visitors are the demo's own: the 楼层长 on their floor, the 楼栋长 in their building, the grid worker in their
grid, and elsewhere the grid's own worker when the demo cases made one, or else the community's head.
"""

import random
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.models import Area
from civicgrid.households import bulk
from civicgrid.households.models import Household
from civicgrid.households.services import HouseholdDraft
from civicgrid.orgs.choices import Role
from civicgrid.orgs.models import RoleAssignment

from .people import COMMUNITY, GRID

SEED = 20261203
DAYS = 90
UNVISITED_UNITS = 0.15  # buildings nobody visited in 90 days: the gaps the heads' pages show
NEVER_VISITED = 0.2
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
GIVEN = "建国秀兰海军桂英志强玉梅明华丽娟文博子涵雨欣浩然佳怡晓东春燕红霞宏伟静怡俊杰淑珍德明凤英永刚"


def load_households(now: datetime | None = None) -> tuple[int, int]:
    """The demo's households and visits, once: (0, 0) when 鸳鸯湖社区 has households already."""
    if Household.objects.filter(unit_code__startswith=COMMUNITY).exists():
        return 0, 0
    now, rng = now or timezone.now(), random.Random(SEED)
    units = _units()
    with transaction.atomic():
        households = bulk.add_households(_drafts(units, rng), synthetic=True)
        visits = _visits(households, _visitors(units), now, rng)
        bulk.add_visits(visits, now)
    return len(households), len(visits)


def _units() -> list[Area]:
    """The units households live on: each floor, and each building or village group without floors."""
    units = list(Area.objects.filter(code__startswith=COMMUNITY, level__in=(AreaLevel.UNIT, AreaLevel.SUBUNIT))
                 .order_by("code"))
    with_floors = {unit.code[:18] for unit in units if unit.level == AreaLevel.SUBUNIT}
    return [unit for unit in units if unit.level == AreaLevel.SUBUNIT or unit.code not in with_floors]


def _drafts(units: list[Area], rng: random.Random):
    for unit in units:
        for number in range(1, unit.households + 1):
            yield HouseholdDraft(unit=unit, door=_door(unit, number), head_name=_name(rng),
                                 head_phone=f"170{rng.randrange(10**8):08d}", residents=rng.randint(1, 5))


def _door(unit: Area, number: int) -> str:
    if unit.level == AreaLevel.SUBUNIT:
        return f"{int(unit.code[-3:])}{number:02d}室"
    return f"{number}号" if unit.unit_kind == "group" else f"{(number - 1) // 12 + 1}单元{number:03d}室"


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN[::2]) + rng.choice(GIVEN[1::2])


def _visitors(units: list[Area]) -> dict:
    """Who visits where, by code prefix, the most specific first."""
    demo = dict(RoleAssignment.objects.filter(staff__username__in=("wanggeyuan", "loudongzhang", "loucengzhang"),
                                              area__isnull=False).values_list("area__code", "staff"))
    workers = dict(RoleAssignment.objects.filter(role=Role.GRID_WORKER, area__code__startswith=COMMUNITY)
                   .values_list("area__code", "staff"))
    community = RoleAssignment.objects.filter(role=Role.COMMUNITY_HEAD, area__code=COMMUNITY).values_list(
        "staff", flat=True).first()
    return {**workers, **demo, "": community or demo.get(GRID)}


def _visitor(code: str, visitors: dict):
    for length in (21, 18, 15):
        if code[:length] in visitors:
            return visitors[code[:length]]
    return visitors[""]


def _visits(households: list[Household], visitors: dict, now: datetime, rng: random.Random) -> list:
    # In code order, so that the same seed skips the same buildings; never the demo heads' own building.
    buildings = sorted({h.unit_code[:18] for h in households} - {f"{GRID}001"})
    skipped = {code for code in buildings if rng.random() < UNVISITED_UNITS}
    visits = []
    for found in households:
        if found.unit_code[:18] in skipped or rng.random() < NEVER_VISITED:
            continue
        visitor = _visitor(found.unit_code, visitors)
        if visitor is None:
            continue
        for _ in range(rng.randint(1, 2)):
            at = now - timedelta(days=rng.uniform(0, DAYS), hours=rng.uniform(0, 8))
            visits.append(bulk.visit(found, visitor, at, rng.choice(FINDINGS)))
    return visits


FINDINGS = ["家中一切正常。", "老人身体健康，子女常回来看望。", "反映楼道灯不亮，已告知物业。",
            "了解家庭近况，无困难诉求。", "宣传防诈骗知识。", "提醒冬季用火用电安全。", ""]
