"""The demo's daily screening and residents' talk days (日排查、群众说事日).

Zero reports: for the last ``DAYS`` days, each grid that has a grid worker and no dispute reported that day
made its 零报告 on most days, at a plausible hour, so the daily screening shows all three states (有纠纷上报,
已零报告, 未报告). They are written in one insert: the rules they follow are ``zeroreports``' own, applied here
to the demo's days. Talk days: 鸳鸯湖社区 held one yesterday, its matters filed through ``talkdays`` (the
batch intake path) by the township's intake clerk; another village has one scheduled next week.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from civicgrid.disputes import rhythm, talkdays
from civicgrid.disputes.models import TalkDay, ZeroReport
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.models import Area
from civicgrid.orgs.choices import Role
from civicgrid.orgs.models import RoleAssignment, Staff

from .people import CITY, COMMUNITY, TOWNSHIP

SEED = 20261111
DAYS = 7
REPORTED_SHARE = 0.85
MATTERS = (
    "楼道堆放杂物 | 占用公共空间 | 三号楼二单元住户在楼道堆放纸箱杂物，邻居多次协商未果，担心消防隐患。 | 王秀兰\n"
    "小区停车位争议 | 停车管理 | 业主反映物业将公共区域划为收费车位，要求说明依据。\n"
    "宅基地边界争执 | 宅基地纠纷 | 两户因院墙翻修越界约半米发生争执，需现场测量调处。 | 李建国\n"
    "路灯长期不亮 | 路灯 | 社区东门至菜市场一段路灯坏了半个月，老人晚上出行不便。\n"
)


@transaction.atomic
def load_rhythm(now=None) -> tuple[int, int]:
    """Zero reports and talk days, with the demo's cases (loaded once): how many zero reports and matters it made."""
    now = now or timezone.now()
    return _zero_reports(now, random.Random(SEED)), _talk_days(now)


def _zero_reports(now, rng: random.Random) -> int:
    workers = dict(RoleAssignment.objects.filter(role=Role.GRID_WORKER, area__level=AreaLevel.GRID,
                                                 area__code__startswith=CITY).values_list("area_id", "staff_id"))
    rows = []
    for back in range(DAYS):
        day = timezone.localdate(now) - timedelta(days=back)
        start, end = rhythm.day_bounds(day)
        busy = set(rhythm.disputes(CITY).filter(reported_at__gte=start, reported_at__lt=end)
                   .values_list("area_id", flat=True))
        for grid_id, staff_id in workers.items():
            at = start + timedelta(hours=rng.uniform(8, 18))
            if grid_id not in busy and rng.random() < REPORTED_SHARE and at <= now:
                rows.append(ZeroReport(grid_id=grid_id, day=day, staff_id=staff_id, at=at))
    ZeroReport.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _talk_days(now) -> int:
    """Yesterday's talk day in 鸳鸯湖社区 with its matters filed, and next week's in the neighbouring village."""
    clerk = Staff.objects.get(username="shouliyuan")
    village = Area.objects.get(code=COMMUNITY)
    yesterday = timezone.localdate(now) - timedelta(days=1)
    held = talkdays.schedule(clerk, village, yesterday, "鸳鸯湖社区党群服务中心", "刘社区长", now=now - timedelta(days=3))
    filed = talkdays.file_matters(clerk, held, MATTERS, now=now - timedelta(hours=20))
    neighbour = Area.objects.filter(parent__code=TOWNSHIP, level=AreaLevel.COMMUNITY).exclude(pk=village.pk).first()
    if neighbour is not None and not TalkDay.objects.filter(village=neighbour).exists():
        talkdays.schedule(clerk, neighbour, yesterday + timedelta(days=8), "社区广场", "社区书记", now=now)
    return len(filed)
