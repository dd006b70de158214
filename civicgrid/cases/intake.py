"""信息采集: filing a new case from any channel (resident form, hotline clerk, grid worker, API, import).

``file_case`` checks everything first and writes only when all is well; every problem comes back at
once in ``InvalidInput.errors`` ({field: message}), in the user's language. A point outside every
grid is refused unless an address is given, in which case the case is filed at the city's centre for
a clerk to place. A head under the grid (楼栋长, 楼层长 …) may name the unit they file from instead: the
case is placed at the unit's grid.

Who files decides what a report may carry: an urgent priority and the reporter's ID number come only from
staff who register matters for the centre, or from a client application granted ``file_sensitive``
(``may_file_details``); anyone else is refused (``NotGranted``), on every channel.
"""

from dataclasses import dataclass, field
from datetime import datetime

import shapely
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civicgrid.core.http.grants import Grant
from civicgrid.core.inserts import insert_one, prepared_cursor
from civicgrid.core.querysets import prefix_filter
from civicgrid.core.records import new
from civicgrid.core.validators import control_problem, validate_id_number, validate_mainland_phone
from civicgrid.geo import placing
from civicgrid.geo.choices import AreaLevel, CoordinateSystem
from civicgrid.geo.codes import LEVEL_LENGTHS
from civicgrid.geo.coords import CoordinateError, to_wgs84
from civicgrid.geo.locator import get_index
from civicgrid.geo.models import Area, Boundary
from civicgrid.orgs.choices import CENTRE_ROLES, GRID_ROLES, HEAD_ROLES, Role
from civicgrid.orgs.scope import acts_at, node_prefixes

from . import actors, attachments, deadlines, signals, tally
from .actors import Actor
from .choices import Channel, Priority, Stage, Status
from .models import Case, CaseCounter, CaseEvent, Category
from .models.cases import ADDRESS_MAX, NAME_MAX, TITLE_MAX
from .workflow import Action, InvalidInput, NotAllowed, NotGranted, staff_or_none


@dataclass
class Report:
    """What whoever reports a matter tells us; the same for every channel."""

    category: Category | None
    title: str
    description: str
    channel: str = Channel.WEB
    longitude: float | None = None
    latitude: float | None = None
    system: str = CoordinateSystem.WGS84
    address: str = ""
    reporter_name: str = ""
    reporter_phone: str = ""
    reporter_id_number: str = ""
    anonymous: bool = False
    priority: str = Priority.NORMAL
    extra: dict = field(default_factory=dict)
    files: list = field(default_factory=list)
    parent: Case | None = None
    unit: Area | None = None


@dataclass
class Placement:
    area: Area
    longitude: float | None = None
    latitude: float | None = None
    warning: str = ""
    address: str = ""  # where it is, when the report gives no address of its own (a unit's names)


def file_case(report: Report, user=None, *, application=None, now: datetime | None = None, limits=None) -> Case:
    """Check and file a report as a new case (状态: 待受理) with its register clock running. ``application`` is
    the client application filing it (as ``user``, its staff account, or as a resident when it has none)."""
    now = now or timezone.now()
    case, placement = prepare_case(report, user, now, limits, application)
    # Every refusal came in prepare_case, so a caller's own transaction (Open311's, the API's) needs no
    # savepoint around these writes: nothing here fails that its transaction would not have to roll back too.
    with transaction.atomic(savepoint=False):
        case.number = next_number(case.area_code, now)
        insert_one(case)
        event = insert_one(report_event(case, report, user, placement.warning))
        attachments.store(case, event, report.files, user)
        signals.written([event])
        tally.count([case])  # last, as the writer does: the figures' rows are shared by many cases
    case.placement_warning = placement.warning
    return case


def prepare_case(report: Report, user, now: datetime, limits=None, application=None) -> tuple[Case, Placement]:
    """The report checked and built into its case, not yet numbered or written, with its 立案 clock running.

    A batch passes ``limits`` to read each time limit once."""
    check_filer(user, report.channel)
    check_details(report, may_file_details(user, application))
    errors = check(report)
    check_unit(errors, report, user)
    placement = place(report, errors)
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors)
    case = build_case(report, placement, user, now)
    deadlines.start(case, now, (limits or deadlines.LimitCache()).get(case.category, Stage.REGISTER, case.priority))
    return case, placement


def report_event(case: Case, report: Report, user, warning: str) -> CaseEvent:
    """上报, the first event on every case's timeline."""
    return new(CaseEvent, case=case, action=Action.REPORT, actor=staff_or_none(user), to_status=Status.REPORTED,
               **report_label(report, user).stored(), note=warning, created_at=case.reported_at)


# Staff who record matters: the centres' intake staff on every channel; on the grid channel (网格上报), grid
# staff, the inspector and the heads under the grid for what they find on their rounds and in their units.
GRID_FILERS = frozenset({*GRID_ROLES, Role.INSPECTOR, *HEAD_ROLES})
FILING_ROLES = {**dict.fromkeys(CENTRE_ROLES, set(Channel.values)), **dict.fromkeys(GRID_FILERS, {Channel.GRID_WORKER})}
RESIDENT_CHANNELS = {Channel.WEB, Channel.OPEN311}
# The channels of the staff intake page (受理登记); residents file on the web and through Open311.
STAFF_CHANNELS = (Channel.HOTLINE, Channel.WALK_IN, Channel.GRID_WORKER, Channel.TRANSFER)
# Staff who register matters for the centre may mark one urgent and record the reporter's ID number; the heads
# under the grid (residents who look after a building) file as residents do.
DETAIL_ROLES = frozenset({*CENTRE_ROLES, *GRID_ROLES, Role.INSPECTOR})


def channels_for(user) -> set[str]:
    """The channels ``user`` may file on: residents (no user) the web and Open311, staff by their roles."""
    if not getattr(user, "is_authenticated", False):
        return set(RESIDENT_CHANNELS)
    if user.is_superuser:
        return set(Channel.values)
    return {channel for role in user.scope.roles for channel in FILING_ROLES.get(role, ())}


def staff_channels(user) -> set[str]:
    """The channels ``user`` may record matters on at the staff intake page; none, and it is not theirs."""
    return channels_for(user) & set(STAFF_CHANNELS)


def check_filer(user, channel: str) -> None:
    if channel not in channels_for(user):
        raise NotAllowed(_("您不能以“%(channel)s”渠道登记案件。") % {
            "channel": Channel(channel).label if channel in Channel.values else channel})


def may_file_details(user, application=None) -> bool:
    """Whether a filer may mark a report urgent or give the reporter's ID number: staff of ``DETAIL_ROLES``; a
    client application only with the grant ``file_sensitive`` (and then as its staff account, if it has one)."""
    if application is not None and not application.may(Grant.FILE_SENSITIVE):
        return False
    if not getattr(user, "is_authenticated", False):
        return application is not None
    return user.is_superuser or bool(user.scope.roles & DETAIL_ROLES)


def detail_problems(report: Report, allowed: bool) -> dict[str, str]:
    """What a filer who may not (``may_file_details``) put in the report anyway, by field."""
    problems = {}
    if not allowed and report.priority in PRIORITIES - {Priority.NORMAL}:
        problems["priority"] = _("只有综治中心、网格工作人员和获得授权的客户端应用可以登记为“%(priority)s”，"
                                 "请选择“一般”。") % {"priority": Priority(report.priority).label}
    if not allowed and report.reporter_id_number:
        problems["reporter_id_number"] = _("只有综治中心、网格工作人员和获得授权的客户端应用可以登记身份证号，"
                                           "请不要填写。")
    return problems


def check_details(report: Report, allowed: bool) -> None:
    problems = detail_problems(report, allowed)
    if problems:
        raise NotGranted(next(iter(problems.values())), problems)


# ---- reports from a unit (楼栋, 楼层 …)

UNIT_LEVELS = (AreaLevel.UNIT, AreaLevel.SUBUNIT)
MAX_UNITS = 500


def units_for(user):
    """The units a filer may report from: those under the nodes of their grid-channel roles, in tree order."""
    if not getattr(user, "is_authenticated", False):
        return Area.objects.none()
    codes = [code for grant in user.scope.holding(GRID_FILERS) for code in node_prefixes(grant)]
    found = Area.objects.filter(prefix_filter("code", codes), level__in=UNIT_LEVELS).select_related("parent")
    return found.order_by("code")[:MAX_UNITS]


def check_unit(errors: dict, report: Report, user) -> None:
    unit = report.unit
    if unit is None:
        return
    if unit.level not in UNIT_LEVELS:
        errors["unit"] = _("“%(name)s”不是楼栋、楼层等责任单元。") % {"name": unit.name}
    elif not _reaches(user, unit):
        errors["unit"] = _("您只能从自己负责的楼栋、楼层等责任单元上报。")


def _reaches(user, unit: Area) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or any(acts_at(grant, unit.code) for grant in user.scope.holding(GRID_FILERS))


# Read on every report, translated only into a message about a problem (each report of a batch asks).
LABELS = {"title": gettext_lazy("标题"), "description": gettext_lazy("描述"), "address": gettext_lazy("地址"),
          "reporter_name": gettext_lazy("姓名")}
PRIORITIES, CHANNELS = frozenset(Priority.values), frozenset(Channel.values)


def check(report: Report) -> dict[str, str]:
    errors: dict[str, str] = {}
    category = report.category
    if category is None or not category.is_active:
        errors["category"] = _("请选择一个启用的事项分类。")
    _check_text(errors, "title", report.title, TITLE_MAX, LABELS["title"])
    limit = category.description_max_length if category else 2000
    _check_text(errors, "description", report.description, limit, LABELS["description"])
    _check_length(errors, "address", report.address, ADDRESS_MAX, LABELS["address"])
    _check_length(errors, "reporter_name", report.reporter_name, NAME_MAX, LABELS["reporter_name"])
    _check_identity(errors, report)
    if report.priority not in PRIORITIES:
        errors["priority"] = _("紧急程度“%(value)s”无效。") % {"value": report.priority}
    if report.channel not in CHANNELS:
        errors["channel"] = _("来源渠道“%(value)s”无效。") % {"value": report.channel}
    if category is not None:
        errors.update({f"extra.{code}": message for code, message in category.extra_value_errors(report.extra).items()})
    errors.update({f"files.{name}": message for name, message in attachments.check(report.files).items()})
    return errors


def _check_text(errors, key, value, limit, label) -> None:
    if not (value or "").strip():
        errors[key] = _("请填写%(label)s。") % {"label": label}
    else:
        _check_length(errors, key, value, limit, label)


def _check_length(errors, key, value, limit, label) -> None:
    """Within ``limit`` and without control characters (which no one types, and which XML cannot carry)."""
    problem = control_problem(value, label)
    if problem:
        errors[key] = problem
    elif len(value or "") > limit:
        errors[key] = _("%(label)s最多 %(limit)d 个字，现有 %(n)d 个。") % {"label": label, "limit": limit,
                                                                      "n": len(value)}


def _check_identity(errors, report: Report) -> None:
    for key, value, validator in (("reporter_phone", report.reporter_phone, validate_mainland_phone),
                                  ("reporter_id_number", report.reporter_id_number, validate_id_number)):
        try:
            validator(value)
        except ValidationError as error:
            errors[key] = error.messages[0]


def place(report: Report, errors: dict) -> Placement | None:
    """The grid of the reported point (or of the unit filed from); or the city, with a warning, when only the
    address can place it."""
    index = get_index()
    if report.unit is not None:
        return None if "unit" in errors else _by_unit(report, index, errors)
    if report.longitude is None or report.latitude is None:
        if report.address.strip():
            return _by_address(index, None, None, _("未选定位置，已按地址受理，请中心定位。"), errors)
        errors["location"] = _("请在地图上选定位置或填写地址。")
        return None
    try:
        lon, lat = to_wgs84(report.longitude, report.latitude, report.system)
    except CoordinateError as error:
        errors["location"] = str(error)
        return None
    code = index.locate_one(lon, lat)
    if code is not None:
        return Placement(placing.grid_area(code), lon, lat)
    outside = _("该点不在%(region)s的任何网格内。") % {"region": index.region_name or _("本系统")}
    if report.address.strip():
        return _by_address(index, lon, lat, outside + _("已按地址受理，请中心定位。"), errors)
    errors["location"] = outside + _("请重新选点，或填写地址由中心定位。")
    return None


def _by_unit(report: Report, index, errors: dict) -> Placement | None:
    """At the unit's grid. Its point: the centre of the unit's outline, or else the point picked on the map if it
    lies in that grid, or none (the unit says where)."""
    unit = report.unit
    grid = placing.grid_area(unit.code[:LEVEL_LENGTHS[AreaLevel.GRID]])
    point = _unit_point(unit)
    if point is None and report.longitude is not None and report.latitude is not None:
        point = _point_in_grid(report, index, grid, errors)
    lon, lat = point or (None, None)
    return Placement(grid, lon, lat, address=unit_address(unit))


def _unit_point(unit: Area) -> tuple[float, float] | None:
    outline = Boundary.objects.current().filter(area=unit).first()
    if outline is None:
        return None
    inside = shapely.point_on_surface(outline.geometry)
    return inside.x, inside.y


def _point_in_grid(report: Report, index, grid: Area, errors: dict) -> tuple[float, float] | None:
    try:
        lon, lat = to_wgs84(report.longitude, report.latitude, report.system)
    except CoordinateError as error:
        errors["location"] = str(error)
        return None
    if index.locate_one(lon, lat) != grid.code:
        errors["location"] = _("所选位置不在“%(unit)s”所在的%(grid)s内，请重新选点，或不选点。") % {
            "unit": report.unit.name, "grid": grid.name}
        return None
    return lon, lat


def unit_address(unit: Area) -> str:
    """A unit as residents name it: its grid, then the building and the floor (鸳鸯湖社区第1网格 1号楼 3层)."""
    above = [area for area in unit.ancestors() if area.level >= AreaLevel.GRID]
    return " ".join(area.name for area in [*above, unit])


def _by_address(index, lon, lat, warning: str, errors: dict) -> Placement | None:
    area = region_area(index)
    if area is None:
        errors["location"] = _("系统尚未导入区划和网格，暂不能受理。")
        return None
    return Placement(area, lon, lat, warning=warning)


def region_area(index=None) -> Area | None:
    index = index or get_index()
    if index.region_code:
        return Area.objects.get(code=index.region_code)
    return Area.objects.filter(level=AreaLevel.CITY).order_by("code").first()


def build_case(report: Report, placement: Placement, user, now, centre_area: Area | None = None) -> Case:
    """The unsaved case of a checked report; bulk intake passes the centre it has looked up in advance."""
    anonymous = report.anonymous
    return new(
        Case, category=report.category, kind=report.category.kind, channel=report.channel, priority=report.priority,
        title=report.title.strip(), description=report.description.strip(), extra=report.extra or {},
        longitude=placement.longitude, latitude=placement.latitude,
        address=report.address.strip() or placement.address, area=placement.area, area_code=placement.area.code,
        unit=report.unit,
        centre_area=centre_area or handling_centre(placement.area),
        reporter_name="" if anonymous else report.reporter_name.strip(),
        reporter_phone=report.reporter_phone, reporter_id_number="" if anonymous else report.reporter_id_number.upper(),
        anonymous=anonymous, parent=report.parent, reported_by=staff_or_none(user), reported_at=now,
    )


def handling_centre(area: Area) -> Area:
    """Cases start at the township (街道/乡镇) centre of their grid; unplaced ones at the area they were filed at.

    Found by walking up the parents, which ``place`` has already read with the grid.
    """
    while area.level > AreaLevel.TOWNSHIP:
        area = area.parent
    return area


def next_number(area_code: str, now: datetime) -> str:
    """County code + date + sequence: 610802-20261121-00042."""
    prefix, day = number_prefix(area_code), timezone.localdate(now)
    return format_number(prefix, day, reserve_numbers(prefix, day))


def reserve_numbers(prefix: str, day, count: int = 1) -> int:
    """The first of ``count`` consecutive sequence numbers of ``prefix`` on ``day``, taken for the caller.

    One upsert creates the day's counter row or moves it on, and locks it until the transaction ends, so two
    filings (or two batches) never share a number, for a new day as for one already counted, and the lock is
    held as briefly as possible (SQLite ≥ 3.35 and PostgreSQL both speak it).
    """
    quote = connection.ops.quote_name
    table, last = quote(CaseCounter._meta.db_table), quote("last")
    with prepared_cursor(connection) as cursor:
        cursor.execute(f"INSERT INTO {table} (prefix, day, {last}) VALUES (%s, %s, %s) ON CONFLICT (prefix, day) "
                       f"DO UPDATE SET {last} = {table}.{last} + excluded.{last} RETURNING {last}",
                       [prefix, connection.ops.adapt_datefield_value(day), count])
        return cursor.fetchone()[0] - count + 1


def number_prefix(area_code: str) -> str:
    """The county part of a case number; a case at the city is numbered under the city's code plus 00."""
    return area_code[:6].ljust(6, "0")


def format_number(prefix: str, day, sequence: int) -> str:
    return f"{prefix}-{day:%Y%m%d}-{sequence:05d}"


def report_label(report: Report, user) -> Actor:
    """Who reported, as the timeline shows it: the channel staff recorded it from, or the resident."""
    return Actor(actors.CHANNEL, report.channel) if staff_or_none(user) else Actor(actors.RESIDENT)
