"""Demo hazards: a four-colour risk register across 榆林市, every grade, some rectifications overdue.

Each hazard is a case found by a grid worker, registered, recorded (领域, 部位, 责任单位) and graded by the township
dispatcher, then rectified either under the centre's own order or by the county's 应急管理局, accepted on
site (整改验收) and closed (销号), each step at the time it would happen, through the loop's step functions and
the one writer's batch path (``cases.batch``), written together in one transaction. A step whose time is
still to come does not happen, so recent hazards are open, some slow ones overdue, older ones closed. Some are
re-graded, some checked on the way with a photo. Deterministic for a given ``now``.
"""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from civicgrid.cases.batch import Batch
from civicgrid.cases.choices import Channel
from civicgrid.cases.intake import Report
from civicgrid.core import calendar
from civicgrid.core.choices import TimeUnit
from civicgrid.hazards.models import Hazard, HazardField
from civicgrid.orgs.choices import Role
from civicgrid.orgs.models import Department

from . import staffing, texts
from .cases import HAZARD_PATH, PerCase, World, _point_in, _working_time, photo, side_effects_dropped
from .fields import sample_values
from .people import CITY

COUNT = 120
SHARE = 0.08  # of the demo's cases: 96 hazards beside 1,200 cases
SEED = 20261203
DAYS = 75
# (领域, title, what the grid worker saw, the unit, the measures, grade weights red/orange/yellow/blue)
MATTERS = [
    ("消防", "电动车楼道违规充电", "楼道内住户拉线给电动车充电，存在火灾隐患", "{community}物业服务中心",
     "拆除私拉电线，设置集中充电桩，张贴禁止楼道充电告示", (1, 3, 5, 3)),
    ("消防", "消防通道被杂物堵塞", "单元楼道及消防通道堆放纸箱、旧家具等杂物", "{community}物业服务中心",
     "清理楼道杂物，划定消防通道标线，物业每日巡查", (0, 2, 5, 5)),
    ("城镇燃气", "餐饮店燃气软管老化", "沿街餐饮店后厨燃气软管老化开裂，有燃气味", "{road}老马家餐馆",
     "停用老化软管，更换金属波纹管，加装燃气泄漏报警器", (3, 4, 2, 0)),
    ("城镇燃气", "瓶装液化气违规存放", "商铺内存放多个液化气钢瓶，无防护措施", "{road}便民饭店",
     "清退多余钢瓶，改用管道燃气或设置独立气瓶间", (2, 4, 3, 1)),
    ("道路交通", "路口护栏缺失", "学校附近路口护栏缺失，学生横穿马路", "{county}交通运输局",
     "补设护栏和人行横道标线，上下学时段安排护学岗", (1, 3, 3, 1)),
    ("建筑施工", "工地脚手架不规范", "建筑工地外架未挂安全网，临街一侧有坠物风险", "{road}某建设项目部",
     "整改外架，满挂密目安全网，临街设置防护棚", (2, 4, 3, 0)),
    ("特种设备", "老旧电梯频繁故障", "小区电梯近期多次困人，维保记录不全", "{community}物业服务中心",
     "督促维保单位全面检修，更换老化部件，补齐维保记录", (1, 3, 4, 1)),
    ("危险化学品", "加油站周边违规经营", "加油站安全距离内有摊贩使用明火", "{road}加油站",
     "清退安全距离内经营摊点，加强巡查", (2, 3, 2, 0)),
    ("食品药品", "无证小作坊", "居民楼内有无证食品加工小作坊，卫生条件差", "{road}食品加工点",
     "责令停止生产，依法查处，引导办理许可", (0, 2, 4, 3)),
    ("校园周边", "校门口流动摊贩聚集", "放学时段校门口流动摊贩聚集，占道影响学生安全", "{community}居委会",
     "劝离摊贩，设置隔离护栏，联合城管定时巡查", (0, 1, 4, 5)),
    ("自然灾害", "居民区后侧边坡裂缝", "居民区后侧黄土边坡出现裂缝，雨后有落石风险", "{township}人民政府",
     "设置警示标志，雨天疏散坡下住户，实施边坡加固", (4, 3, 1, 0)),
    ("矿山", "废弃矿洞未封堵", "废弃小煤窑洞口未封堵，有人员误入风险", "{township}人民政府",
     "封堵洞口，设置警示牌，纳入日常巡查", (3, 3, 1, 0)),
]
GRADES = ["red", "orange", "yellow", "blue"]
REASONS = {
    "red": "可能造成群死群伤，涉及人员密集场所，须立即管控",
    "orange": "可能造成人员伤亡，影响范围较大",
    "yellow": "可能造成一定损失，影响范围有限",
    "blue": "风险较低，日常管理可控",
}
# Days given to rectify, by grade: the most serious first.
RECTIFY_DAYS = {"red": 7, "orange": 15, "yellow": 30, "blue": 30}
DIRECT = 0.4  # rectified under the centre's own order, without a department
LATE = 0.3  # rectified after the deadline, or not yet: the register's overdue rectifications
REGRADE, CHECKED, REJECTED = 0.15, 0.35, 0.12


@dataclass
class Cast:
    """Who acts: centre staff from ``staffing``, the county's 应急管理局 and its handler, the demo's shift leads."""

    staff: staffing.Cast
    departments: dict  # county code → 应急管理局

    def handler(self, county: str):
        return self.staff.handlers[self.departments[county].pk]


def load_hazards(*, password: str, now: datetime | None = None, count: int = COUNT, world: World | None = None,
                 cast: staffing.Cast | None = None, per_case: bool = False) -> int:
    """The demo hazards, once: none when 榆林市 has hazard records already. Returns how many were filed. The
    demo cases' ``world`` and ``cast`` are reused when given (building them again takes seconds). ``per_case``
    takes every step through ``transition`` instead of the batch, for the test that compares the two."""
    if Hazard.objects.filter(case__area_code__startswith=CITY).exists():
        return 0
    now, rng = now or timezone.now(), random.Random(SEED)
    with side_effects_dropped(), transaction.atomic():
        world = world or World.build(rng)
        cast = Cast(cast or staffing.cast(world.townships, world.pool, password, rng), _departments(world))
        fields = {name: HazardField.objects.get_or_create(name=name)[0] for name in {m[0] for m in MATTERS}}
        batch = PerCase() if per_case else Batch()
        for index in range(count):
            _story(batch, _Hazard(index, now, world, cast, fields, rng))
        batch.write()
    return count


def _departments(world: World) -> dict:
    """Each county's 应急管理局 (``staffing`` made them), by county code."""
    codes = [f"{county.code}-YJ" for county in world.counties]
    return {d.area.code: d for d in Department.objects.filter(code__in=codes).select_related("area")}


class _Hazard:
    """One hazard's plan: where, what, its grade, and how it goes."""

    def __init__(self, index: int, now: datetime, world: World, cast: Cast, fields: dict, rng):
        self.now, self.world, self.cast, self.rng = now, world, cast, rng
        self.township = rng.choices([t.code for t in world.townships], world.township_weights)[0]
        self.grid = rng.choice([code for code, _weight in world.grids[self.township]])
        self.matter = rng.choice(MATTERS)
        self.field = fields[self.matter[0]]
        self.grade = rng.choices(GRADES, self.matter[5])[0]
        self.reported = _working_time(now - timedelta(days=rng.uniform(0.5, DAYS)), rng)
        self.index, self.direct, self.late = index, rng.random() < DIRECT, rng.random() < LATE

    @property
    def county(self) -> str:
        return self.township[:6]

    def report(self) -> Report:
        names = self.world.names
        where = texts.place(self.rng, names[self.county], names[self.township], names.get(self.grid[:12], ""))
        _field, title, seen, _unit, _measures, _weights = self.matter
        lon, lat = _point_in(self.world.outlines[self.grid], self.rng)
        category = self.world.categories[HAZARD_PATH]
        return Report(category=category, title=f"{where.community}{title}", channel=Channel.GRID_WORKER,
                      description=f"网格员巡查发现，{where.address}{seen}，请督促整改。", address=where.address,
                      longitude=lon, latitude=lat,
                      extra=sample_values(category, random.Random(f"hazard-{self.index}"), self.reported))

    def unit(self) -> str:
        names = self.world.names
        return self.matter[3].format(community=names.get(self.grid[:12], ""), township=names[self.township],
                                     county=names[self.county], road=self.rng.choice(texts.ROADS))


def _story(batch: Batch, plan: _Hazard) -> None:
    """The hazard's steps in time order, up to ``now``: the first whose time is still to come ends its story."""
    try:
        _steps(batch, plan)
    except _NotYet:
        return


def _steps(batch: Batch, plan: _Hazard) -> None:
    rng, staff = plan.rng, plan.cast.staff
    worker, dispatcher = staff.grid_workers[plan.grid], staff.centre(Role.DISPATCHER, plan.township)
    clock = plan.reported
    case = batch.file(plan.report(), worker, clock)
    clock = _at(plan, clock, hours=rng.uniform(0.5, 4))
    batch.take(case, "register", staff.centre(Role.INTAKE_CLERK, plan.township), now=clock)
    clock = _at(plan, clock, hours=rng.uniform(0.5, 3))
    batch.take(case, "hazard_record", dispatcher, now=clock, field=plan.field.pk, place=case.address,
               responsible_unit=plan.unit(), responsible_person=texts.person(rng), responsible_phone=texts.phone(rng))
    first = plan.grade if rng.random() > REGRADE else GRADES[min(GRADES.index(plan.grade) + 1, 3)]
    batch.take(case, "hazard_grade", dispatcher, now=clock, grade=first, reason=REASONS[first])
    orderer = dispatcher if plan.direct else plan.cast.handler(plan.county)
    if not plan.direct:
        clock = _at(plan, clock, hours=rng.uniform(0.5, 4))
        batch.take(case, "dispatch", dispatcher, now=clock, lead=plan.cast.departments[plan.county].pk)
        clock = _at(plan, clock, hours=rng.uniform(0.5, 6))
        batch.take(case, "accept", orderer, now=clock, assignment=batch.assignments(case, "dispatched")[0])
    clock = _at(plan, clock, hours=rng.uniform(0.5, 6))
    days = RECTIFY_DAYS[plan.grade]
    batch.take(case, "hazard_order", orderer, now=clock, measures=plan.matter[4],
               deadline=timezone.localdate(clock) + timedelta(days=days))
    _rectified(batch, plan, case, clock, days, first)


def _rectified(batch: Batch, plan: _Hazard, case, clock: datetime, days: int, first: str) -> None:
    """Checked and re-graded on the way, rectified (late for some), accepted on site, closed."""
    rng, staff = plan.rng, plan.cast.staff
    worker = staff.grid_workers[plan.grid]
    took = days * (rng.uniform(1.2, 3.0) if plan.late else rng.uniform(0.3, 0.9))
    if rng.random() < CHECKED or first != plan.grade:
        clock = _at(plan, clock, days=took / 3)
        batch.take(case, "hazard_check", worker, now=clock, note=rng.choice(CHECK_NOTES), files=[photo(rng)])
    if first != plan.grade:
        batch.take(case, "hazard_grade", worker, now=clock, grade=plan.grade, reason=REGRADE_REASON)
    clock = _at(plan, clock, days=took * 2 / 3)
    _handled(batch, plan, case, clock)
    clock = _at(plan, clock, hours=rng.uniform(2, 16))
    if rng.random() < REJECTED:
        batch.take(case, "hazard_reject", worker, now=clock, note="复查发现整改不彻底，请继续整改。")
        clock = _at(plan, clock, days=rng.uniform(1, 4))
        _handled(batch, plan, case, clock)
        clock = _at(plan, clock, hours=rng.uniform(2, 16))
    batch.take(case, "hazard_accept", worker, now=clock, note="现场复查，整改到位。", files=[photo(rng)])
    clock = _at(plan, clock, hours=rng.uniform(1, 16))
    batch.take(case, "hazard_close", staff.centre(Role.SHIFT_LEAD, plan.township), now=clock)


def _handled(batch: Batch, plan: _Hazard, case, clock: datetime) -> None:
    """The department reports the rectification done (none to report when the centre ordered it directly)."""
    if plan.direct:
        return
    working = batch.assignments(case, "accepted")
    if working:
        batch.take(case, "handle", plan.cast.handler(plan.county), now=clock, assignment=working[0],
                   note="已督促责任单位完成整改。")


def _at(plan: _Hazard, clock: datetime, hours: float = 0, days: float = 0) -> datetime:
    """The next step's time, in working hours or natural days; a time still to come ends the story there."""
    after = calendar.current().add(clock, hours, TimeUnit.WORK_HOURS) if hours else clock + timedelta(days=days)
    if after > plan.now:
        raise _NotYet
    return after


class _NotYet(Exception):
    """The story's next step is still to come."""


CHECK_NOTES = ["现场检查，责任单位正在整改。", "已约谈责任人，整改措施正在落实。", "现场拍照留存，临时管控措施到位。"]
REGRADE_REASON = "复查核实，临时管控措施已落实，风险等级调整。"
