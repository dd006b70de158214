"""巡逻打卡: check-ins at patrol points, one or thousands at a time, through one function.

``ingest(user, rows, now)`` is what the page, the QR scan and the API's batches all call. It reads what the rows
need in a few set queries (the caller's memberships, their shifts in the rows' time span with the points each
plans, the points named, the check-ins already recorded), checks every row in memory and writes the good ones
in one bulk insert; each bad row comes back with its number and a sentence saying why, and is not written.
A row is refused when it names no point (or a QR code that is not a point's), when its time is in the future,
when the caller has no shift planning that point at that time, or, by position, when it is farther from the
point than the administrator's radius (``CIVICGRID_PATROL_CHECKIN_RADIUS_M``). The good rows go in by ``COPY`` on
PostgreSQL (``core.inserts``): a city's phones send them by the thousand.

A point's QR code carries a token signed with the site's key (``point_token``): scanning it proves presence
without a position, and a token cannot be made up for another point.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases.duplicates import distance_m
from civicgrid.core import inserts
from civicgrid.geo.choices import CoordinateSystem
from civicgrid.geo.coords import CoordinateError, check_in_china, to_wgs84

from .choices import CheckInMethod
from .models import CheckIn, Member, Point, Shift

TOKEN_SALT = "civicgrid.patrols.point"
# A phone's clock may run a little ahead of the server's: a check-in up to this far in the future is now.
CLOCK_SKEW = timedelta(minutes=5)
BATCH_MAX = 5000
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


class PatrolError(ValueError):
    """A patrol action refused, with the sentence for the person who tried it."""


@dataclass
class Row:
    """One check-in as the phone sends it: the point (or its QR token), when, and where the phone was."""

    point: int | None = None
    qr: str = ""
    at: datetime | None = None
    longitude: float | None = None
    latitude: float | None = None
    system: str = CoordinateSystem.WGS84


@dataclass
class Result:
    """What a batch did: the check-ins written, those already recorded, and each refused row (1-based) with why."""

    created: list = field(default_factory=list)
    duplicates: int = 0
    errors: list = field(default_factory=list)  # (row number, message)


def point_token(point: Point) -> str:
    return signing.Signer(salt=TOKEN_SALT).sign(str(point.pk))


def point_of_token(token: str) -> int | None:
    try:
        return int(signing.Signer(salt=TOKEN_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None


def radius_m() -> int:
    return settings.CIVICGRID_PATROL_CHECKIN_RADIUS_M


def check_in(user, row: Row, now: datetime | None = None) -> CheckIn:
    """One check-in, or ``PatrolError`` with the reason (nothing written)."""
    result = ingest(user, [row], now)
    if result.errors:
        raise PatrolError(result.errors[0][1])
    if not result.created:
        raise PatrolError(_("这次打卡已经记录过了。"))
    return result.created[0]


def ingest(user, rows: list[Row], now: datetime | None = None) -> Result:
    """Check every row against the caller's shifts and write the good ones together (see the module's doc)."""
    now = now or timezone.now()
    if len(rows) > BATCH_MAX:
        raise PatrolError(_("一次最多上传 %(n)d 条打卡记录。") % {"n": BATCH_MAX})
    context = _Context.load(user, rows, now)
    result = Result()
    for number, row in enumerate(rows, start=1):
        _take(context, result, number, row)
    with transaction.atomic():
        result.created = inserts.insert(CheckIn, result.created)
    return result


def _take(context, result: Result, number: int, row: Row) -> None:
    try:
        found = context.check(row)
    except PatrolError as error:
        result.errors.append((number, str(error)))
        return
    if context.seen(found):
        result.duplicates += 1
    else:
        result.created.append(found)


@dataclass
class _Context:
    """What a batch is checked against, read in a few queries whatever its size."""

    now: datetime
    points: dict  # pk → Point
    shifts: list  # (Shift, member pk, planned point pks), the caller's in the batch's span
    recorded: set  # (shift, point, member, at) already written, or earlier in the batch

    @classmethod
    def load(cls, user, rows: list[Row], now: datetime) -> "_Context":
        wanted = {row.point or point_of_token(row.qr) for row in rows} - {None}
        times = [at for at in (aware(row.at or now) for row in rows) if at is not None] or [now]
        shifts = _shifts(user, min(times), max(times))
        # Only points some shift of the caller's plans, at any time: any other is not theirs to know of.
        points = Point.objects.filter(pk__in=wanted, shifts__members__staff=user).distinct().in_bulk()
        return cls(now, points, shifts, _recorded(shifts, min(times), max(times)))

    def check(self, row: Row) -> CheckIn:
        point, method = self._point(row)
        at = self._time(row)
        shift, member = self._shift(point, at)
        found = CheckIn(shift=shift, point=point, member_id=member, method=method, at=at)
        if method == CheckInMethod.POSITION:
            self._place(found, row, point)
        return found

    def seen(self, found: CheckIn) -> bool:
        key = (found.shift_id, found.point_id, found.member_id, found.at)
        if key in self.recorded:
            return True
        self.recorded.add(key)
        return False

    def _point(self, row: Row) -> tuple[Point, str]:
        if row.qr:
            pk, method = point_of_token(row.qr), CheckInMethod.QR
            if pk is None:
                raise PatrolError(_("二维码无效：不是本系统巡逻点位的二维码。"))
        elif row.point is not None:
            pk, method = row.point, CheckInMethod.POSITION
        else:
            raise PatrolError(_("请选择打卡的点位，或扫描点位的二维码。"))
        if pk not in self.points:
            raise PatrolError(_("点位不存在。"))
        return self.points[pk], method

    def _time(self, row: Row) -> datetime:
        at = aware(row.at or self.now)
        if at is None:
            raise PatrolError(_("打卡时间不正确。"))
        if at > self.now + CLOCK_SKEW:
            raise PatrolError(_("打卡时间 %(at)s 晚于当前时间。") % {"at": _local(at)})
        return at

    def _shift(self, point: Point, at: datetime) -> tuple[Shift, int]:
        for shift, member, planned in self.shifts:
            if point.pk in planned and shift.active_at(at):
                return shift, member
        raise PatrolError(_("%(at)s 您没有包含点位“%(point)s”的当班班次，不能打卡。") % {
            "at": _local(at), "point": point.name})

    def _place(self, found: CheckIn, row: Row, point: Point) -> None:
        if row.longitude is None or row.latitude is None:
            raise PatrolError(_("定位打卡需要当前位置（经纬度），或改为扫描点位二维码。"))
        try:
            lon, lat = to_wgs84(row.longitude, row.latitude, row.system)
            check_in_china(lon, lat)
        except CoordinateError as error:
            raise PatrolError(str(error)) from None
        distance = round(distance_m(lon, lat, point.longitude, point.latitude))
        if distance > radius_m():
            raise PatrolError(_("您距点位“%(point)s”约 %(d)d 米，超出打卡范围（%(r)d 米），请到点位附近再打卡。") % {
                "point": point.name, "d": distance, "r": radius_m()})
        found.longitude, found.latitude, found.distance_m = lon, lat, distance


def aware(at: datetime) -> datetime | None:
    """``at`` in UTC, a time sent without its zone read as the site's local time (``TIME_ZONE``); None for a time
    no patrol has (before 2000 or after 2100), which a database may not even store."""
    if not EARLIEST_YEAR <= at.year <= LATEST_YEAR:
        return None
    return (timezone.make_aware(at) if timezone.is_naive(at) else at).astimezone(UTC)


def _local(at: datetime) -> str:
    return timezone.localtime(at).strftime("%Y-%m-%d %H:%M")


def _shifts(user, first: datetime, last: datetime) -> list[tuple]:
    """The caller's shifts overlapping ``first``–``last``, each with their membership and its planned points."""
    members = Member.objects.filter(staff=user, active=True).values_list("pk", flat=True)
    on = Shift.members.through.objects.filter(member__in=members, shift__starts_at__lte=last,
                                              shift__ends_at__gte=first).select_related("shift")
    pairs = [(link.shift, link.member_id) for link in on]
    planned = defaultdict(set)
    links = Shift.points.through.objects.filter(shift__in={shift.pk for shift, _member in pairs})
    for shift_id, point_id in links.values_list("shift_id", "point_id"):
        planned[shift_id].add(point_id)
    return [(shift, member, planned[shift.pk]) for shift, member in pairs]


def _recorded(shifts: list[tuple], first: datetime, last: datetime) -> set:
    if not shifts:
        return set()
    rows = CheckIn.objects.filter(shift__in={shift.pk for shift, _m, _p in shifts}, at__range=(first, last))
    return set(rows.values_list("shift_id", "point_id", "member_id", "at"))
