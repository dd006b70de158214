"""群众说事日: a village's residents' talk day, scheduled, then its matters filed as cases in one go.

Who: the village's 社区(村)长 or 片长, or the staff of a centre whose node reaches the village (受理员, 派遣员,
值班长), the people who run the day and record what residents bring. They schedule the day (date, place,
host) and, once it has been held, enter the matters raised as a list, one line each:

    标题 | 分类 | 描述 | 反映人（可选） | 电话（可选）

(a tab, as pasted from Excel, or a full-width ｜ separates the columns too). The category is named by its code
or its name. Every line goes through the intake's own checks by ``cases.bulk.file_many`` (the batch path),
as 来访 when the filer may record visits, else as 网格上报, placed in the grid chosen for it (by default the
village's first grid). A bad line is reported with its number and field; if any line is bad, nothing is
filed. The cases then run the one loop like any report: the centre registers them (立案).
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases import bulk, intake
from civicgrid.cases.choices import Channel
from civicgrid.cases.models import Category
from civicgrid.cases.workflow import InvalidInput, NotAllowed
from civicgrid.core.validators import control_problem
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.locator import get_index
from civicgrid.geo.models import Area
from civicgrid.orgs.choices import CENTRE_ROLES, Role
from civicgrid.orgs.scope import acts_at

from .models import TalkDay

TALK_DAY_ROLES = frozenset({*CENTRE_ROLES, Role.COMMUNITY_HEAD, Role.PRECINCT_HEAD})
SEPARATORS = ("\t", "｜", "|")
MAX_MATTERS = 100
PLACE_MAX, HOST_MAX = 100, 50
CHANNELS = (Channel.WALK_IN, Channel.GRID_WORKER)  # as the filer may: residents came in person, or grid staff


class TalkDayError(InvalidInput):
    """A refused filing: ``errors`` maps ``line N`` (or a field) to what is wrong there."""


def may_run(user, village: Area) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or any(acts_at(grant, village.code) for grant in user.scope.holding(TALK_DAY_ROLES))


def _check_runner(user, village: Area) -> None:
    if not may_run(user, village):
        raise NotAllowed(_("只有本村（社区）的社区(村)长、片长和所在综治中心的工作人员可以安排群众说事日。"))


def villages(user):
    """The villages (communities) in ``user``'s scope they may run a talk day in, for the scheduling form."""
    found = Area.objects.restrict(user).filter(level=AreaLevel.COMMUNITY).order_by("code")
    return [village for village in found[:500] if may_run(user, village)]


def schedule(user, village: Area, held_on: date | None, place: str, host: str, now=None) -> TalkDay:
    """安排 a talk day; every problem comes back at once in ``InvalidInput.errors`` and nothing is saved."""
    now = now or timezone.now()
    _check_runner(user, village)
    errors = _schedule_problems(village, held_on, place, host)
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors)
    try:
        with transaction.atomic():
            return TalkDay.objects.create(village=village, held_on=held_on, place=place.strip(), host=host.strip(),
                                          scheduled_by=user, scheduled_at=now)
    except IntegrityError:
        message = _("%(village)s在 %(day)s 已安排了群众说事日。") % {"village": village.name, "day": held_on}
        raise InvalidInput(message, {"held_on": message}) from None


def _schedule_problems(village: Area, held_on, place: str, host: str) -> dict[str, str]:
    errors = {}
    if village.level != AreaLevel.COMMUNITY:
        errors["village"] = _("群众说事日按村（社区）安排，“%(name)s”不是村（社区）。") % {"name": village.name}
    if held_on is None:
        errors["held_on"] = _("请填写日期。")
    _text(errors, "place", place, PLACE_MAX, _("地点"))
    _text(errors, "host", host, HOST_MAX, _("主持人"))
    if not errors.get("held_on") and TalkDay.objects.filter(village=village, held_on=held_on).exists():
        errors["held_on"] = _("%(village)s在 %(day)s 已安排了群众说事日。") % {"village": village.name, "day": held_on}
    return errors


def _text(errors: dict, key: str, value: str, limit: int, label: str) -> None:
    value = (value or "").strip()
    if not value:
        errors[key] = _("请填写%(label)s。") % {"label": label}
    elif len(value) > limit:
        errors[key] = _("%(label)s最多 %(limit)d 个字。") % {"label": label, "limit": limit}
    elif problem := control_problem(value, label):
        errors[key] = problem


# --- The matters raised -----------------------------------------------------------------------------------


@dataclass
class Matter:
    """One line of the list as read: its line number and its columns."""

    line: int
    title: str
    category: str
    description: str
    reporter: str = ""
    phone: str = ""


@dataclass
class Read:
    matters: list[Matter] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)


def read(text: str) -> Read:
    """The matters of the entered list; blank lines are skipped, a line without its three columns is an error."""
    found = Read()
    for number, line in enumerate((text or "").splitlines(), start=1):
        if line.strip():
            _read_line(found, number, line)
    if not found.matters and not found.errors:
        found.errors["matters"] = _("请至少填写一项群众所提事项。")
    if len(found.matters) > MAX_MATTERS:
        found.errors["matters"] = _("一次最多录入 %(n)d 项事项。") % {"n": MAX_MATTERS}
    return found


def _read_line(found: Read, number: int, line: str) -> None:
    separator = next((s for s in SEPARATORS if s in line), SEPARATORS[-1])
    columns = [column.strip() for column in line.split(separator)]
    if len(columns) < 3 or len(columns) > 5:
        found.errors[_line(number)] = _("应为“标题 | 分类 | 描述 | 反映人 | 电话”，反映人和电话可不填，"
                                        "这一行有 %(n)d 栏。") % {"n": len(columns)}
        return
    found.matters.append(Matter(number, *columns))


def _line(number: int) -> str:
    return _("第 %(n)d 行") % {"n": number}


def file_matters(user, talk_day: TalkDay, text: str, grid: Area | None = None, now=None) -> list:
    """File the matters of ``text`` as cases of the talk day, all or none; ``TalkDayError`` lists every bad line
    (the intake's checks run on every line, so one pass shows them all)."""
    now = now or timezone.now()
    _check_runner(user, talk_day.village)
    _check_held(talk_day, now)
    found = read(text)
    point = _grid_point(talk_day.village, grid, found.errors)
    if point is None or not found.matters:
        _refuse(found.errors)
    reports = [_report(matter, point, _channel(user), found.errors) for matter in found.matters]
    with transaction.atomic():
        filed = bulk.file_many(reports, user, dispatch=False, now=now)
        for index, problems in filed.errors.items():
            found.errors.setdefault(_line(found.matters[index].line), _joined(problems))
        _refuse(found.errors)
        talk_day.cases.add(*filed.cases)
        talk_day.filed_by, talk_day.filed_at = user, now
        talk_day.save(update_fields=["filed_by", "filed_at"])
    return filed.cases


def _check_held(talk_day: TalkDay, now) -> None:
    if talk_day.held:
        raise InvalidInput(_("这次群众说事日的事项已于 %(at)s 录入，不能重复录入。") % {
            "at": timezone.localtime(talk_day.filed_at).strftime("%Y-%m-%d %H:%M")})
    if talk_day.held_on > timezone.localdate(now):
        raise InvalidInput(_("群众说事日（%(day)s）还没有举行，举行后再录入事项。") % {"day": talk_day.held_on})


def _refuse(errors: dict) -> None:
    """Raise with every problem; raised inside the filing's transaction, it also takes back what was written."""
    if errors:
        raise TalkDayError(_("有 %(n)d 处需要修改，事项都没有录入。") % {"n": len(errors)}, errors)


def _joined(problems: dict[str, str]) -> str:
    return "；".join(problems.values())


def _channel(user) -> str:
    allowed = intake.channels_for(user)
    return next((channel for channel in CHANNELS if channel in allowed), CHANNELS[0])


def village_grids(village: Area) -> list[Area]:
    return list(Area.objects.filter(code__startswith=village.code, level=AreaLevel.GRID).order_by("code"))


def _grid_point(village: Area, grid: Area | None, errors: dict) -> tuple | None:
    """A point inside the chosen grid of the village (its first by default): where the matters are placed."""
    grids = village_grids(village)
    chosen = grid or (grids[0] if grids else None)
    if chosen is None or chosen not in grids:
        errors["grid"] = _("请选择%(village)s的一个网格。") % {"village": village.name}
        return None
    point = get_index().centre(chosen.code)
    if point is None:
        errors["grid"] = _("“%(grid)s”还没有边界，无法定位，请选择其他网格。") % {"grid": chosen.name}
    return point


def _report(matter: Matter, point, channel: str, errors: dict) -> intake.Report:
    category = _category(matter, errors)
    lon, lat = point or (None, None)
    return intake.Report(category=category, title=matter.title, description=matter.description, channel=channel,
                         longitude=lon, latitude=lat, reporter_name=matter.reporter, reporter_phone=matter.phone)


def _category(matter: Matter, errors: dict) -> Category | None:
    """The active category named by its code or its name; a name several categories share asks for the code."""
    named = matter.category
    found = list(Category.objects.filter(is_active=True, code=named)) or list(
        Category.objects.filter(is_active=True, name=named, children__isnull=True)[:3])
    if len(found) == 1:
        return found[0]
    key = _line(matter.line)
    if not found:
        errors[key] = _("没有名为“%(name)s”的启用分类，请填写分类名称或编码。") % {"name": named}
    else:
        errors[key] = _("有多个分类名为“%(name)s”，请填写分类编码（如 %(codes)s）。") % {
            "name": named, "codes": "、".join(c.code for c in found)}
    return None
