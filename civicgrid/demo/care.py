"""Demo 关爱帮扶: a small consented support caseload in 榆阳区, with visits over the last months and visits due.

The demo grid worker (wanggeyuan) looks after a dozen residents in the demo grid's buildings and floors, some
overdue, some due this week, one who left; the grid workers of other 榆阳区 grids a few each, so the figures
of the county and its townships have something to count. The township's intake clerk (shouliyuan) is marked
as 鼓楼街道's programme officer. Names and phones are invented (``texts.person``); every enrolment rests on a
recorded consent. Rows are written in a few bulk inserts; one visit is recorded through the service, its need
filed as a request case, to show the step (when the demo has cases). Deterministic for a given ``now``.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.care import services
from civicgrid.care.choices import ConsentBy, ConsentMethod, LeaveReason, Programme
from civicgrid.care.models import Enrolment, ProgrammeOfficer, Visit
from civicgrid.cases.models import Category
from civicgrid.cases.workflow import WorkflowError
from civicgrid.core.querysets import prefix_filter
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.models import Area
from civicgrid.orgs.choices import Role
from civicgrid.orgs.models import RoleAssignment

from . import texts
from .people import COUNTY, GRID, TOWNSHIP

SEED = 20261213
OTHER_GRIDS = 40
OWN_CASELOAD = 12
# programme → (weight, visit every n days)
PROGRAMMES = {
    Programme.ELDERLY_ALONE: (6, 14), Programme.DISABILITY: (4, 30), Programme.MENTAL_HEALTH: (2, 14),
    Programme.COMMUNITY_CORRECTION: (1, 7), Programme.REENTRY: (1, 30), Programme.DRUG_REHABILITATION: (1, 14),
    Programme.MINORS: (2, 14),
}
GUARDED = {Programme.MINORS, Programme.MENTAL_HEALTH}
NOTES = ["上门看望，身体状况平稳，生活能自理。", "电话联系后入户，帮助整理药品，提醒按时复诊。", "送去米面油，了解近期生活困难。",
         "与家属沟通照护安排，家中用电用气安全。", "陪同到社区卫生服务站体检。", "了解就业意向，介绍社区公益岗位。",
         "辅导作业，联系学校老师了解在校情况。", "情绪稳定，按时服药，家属照护到位。"]
MOST_VISITS = 6


@transaction.atomic
def load_care(now=None, file_need: bool = True) -> str:
    """The demo caseload, once; what was made, for the loader's printout. ``file_need``: also file a visit's
    need as a case (not when the demo loads no cases: its city then holds none)."""
    if Enrolment.objects.exists():
        return _("已存在，跳过")
    now, rng = now or timezone.now(), random.Random(SEED)
    _mark_officer()
    workers = _grid_workers()
    if not workers:
        return _("没有演示网格员，跳过")
    places = _places([grid for grid, _staff in workers])
    enrolments = Enrolment.objects.bulk_create(
        [_enrolment(rng, grid, staff, places, now, own=grid.code == GRID) for grid, staff in workers
         for _n in range(OWN_CASELOAD if grid.code == GRID else rng.randint(1, 3))])
    visits = Visit.objects.bulk_create([v for e in enrolments for v in _visits(rng, e)], batch_size=900)
    filed = _a_need_filed(enrolments, now) if file_need else 0
    return _("新建 %(n)d 名帮扶对象、%(visits)d 次走访，上报需求 %(cases)d 件") % {
        "n": len(enrolments), "visits": len(visits) + filed, "cases": filed}


def _mark_officer() -> None:
    clerk = RoleAssignment.objects.filter(role=Role.INTAKE_CLERK, area__code=TOWNSHIP,
                                          staff__username="shouliyuan").first()
    if clerk is not None:
        ProgrammeOfficer.objects.get_or_create(assignment=clerk)


def _grid_workers() -> list[tuple]:
    """(grid, worker): the demo grid's worker first, then the workers of other grids of 榆阳区."""
    grants = (RoleAssignment.objects.filter(role=Role.GRID_WORKER, area__level=AreaLevel.GRID,
                                            area__code__startswith=COUNTY)
              .select_related("area", "staff").order_by("area__code"))
    own = [g for g in grants.filter(area__code=GRID, staff__username="wanggeyuan")]
    others = list(grants.exclude(area__code=GRID)[:OTHER_GRIDS])
    return [(grant.area, grant.staff) for grant in [*own, *others]]


def _places(grids: list[Area]) -> dict[str, list[Area]]:
    """The buildings and floors under each grid (the grid itself where it has none)."""
    units = Area.objects.filter(prefix_filter("code", [g.code for g in grids]),
                                level__in=(AreaLevel.UNIT, AreaLevel.SUBUNIT)).only("code", "name")
    found: dict[str, list[Area]] = {grid.code: [] for grid in grids}
    for unit in units:
        found[unit.code[:15]].append(unit)
    return {grid.code: found[grid.code] or [grid] for grid in grids}


def _enrolment(rng, grid: Area, worker, places: dict, now, own: bool) -> Enrolment:
    programme = rng.choices(list(PROGRAMMES), [weight for weight, _days in PROGRAMMES.values()])[0]
    every = PROGRAMMES[programme][1]
    name, enrolled = texts.person(rng), now - timedelta(days=rng.randint(20, 240), hours=rng.randint(0, 8))
    guardian = programme in GUARDED
    # The demo grid's caseload spreads over overdue, due this week and later; others anywhere in their period.
    last = now - timedelta(days=rng.choice((every + 3, every - 2, every // 2, 1)) if own else rng.randint(1, every + 5))
    last = max(last, enrolled + timedelta(hours=2))
    area = rng.choice(places[grid.code])
    enrolment = Enrolment(
        programme=programme, resident_name=name, resident_phone=texts.phone(rng), area=area, area_code=area.code,
        consent_by=ConsentBy.GUARDIAN if guardian else ConsentBy.RESIDENT,
        consent_name=texts.person(rng) if guardian else name, consented_at=enrolled - timedelta(days=1),
        consent_method=rng.choice(ConsentMethod.values), worker=worker, frequency=every, enrolled_at=enrolled,
        enrolled_by=worker, last_visited_at=last, next_visit_on=timezone.localdate(last) + timedelta(days=every))
    if rng.random() < 0.06:
        enrolment.left_at, enrolment.next_visit_on = last + timedelta(days=1), None
        enrolment.leave_reason = rng.choice([LeaveReason.NO_LONGER_NEEDED, LeaveReason.MOVED, LeaveReason.TERM_ENDED])
    return enrolment


def _visits(rng, enrolment: Enrolment) -> list[Visit]:
    """Visits back from the latest, one period apart, not before the enrolment."""
    found, at = [], enrolment.last_visited_at
    while at >= enrolment.enrolled_at and len(found) < MOST_VISITS:
        found.append(Visit(enrolment=enrolment, visited_by=enrolment.worker, visited_at=at,
                           notes=rng.choice(NOTES), recorded_at=at + timedelta(minutes=rng.randint(5, 600))))
        at -= timedelta(days=enrolment.frequency, hours=rng.randint(-6, 6))
    return found


def _a_need_filed(enrolments: list[Enrolment], now) -> int:
    """Yesterday's visit to the demo grid's first resident found a need: filed as a request case."""
    category = Category.objects.filter(name="医疗救助", parent__name="社会救助", is_active=True).first()
    first = next((e for e in enrolments if e.area_code.startswith(GRID) and e.active), None)
    if category is None or first is None:
        return 0
    visited = max(now - timedelta(days=1), first.last_visited_at + timedelta(minutes=1))
    try:
        services.record_visit(first.worker, first, services.VisitIn(visited, _("入户走访，老人反映看病负担重。"), [
            services.NeedIn(category, _("申请医疗救助，减轻慢性病门诊费用负担"))]), now=now)
    except WorkflowError:
        return 0
    return 1
