"""巡逻防控: where patrols go (zones, lines, points), who patrols (teams and their members), when (shifts), and what
they leave behind (check-ins at points, routes walked).

A zone belongs to an area and is scoped by its code like every record; what hangs below it (lines, points,
shifts, check-ins, routes) is seen by whoever sees its zone. A shift copies its zone's area code so that the
busiest tables (check-ins, route points) are scoped with one join. Routes are personal data kept only for the
retention period the administrator sets (``CIVICGRID_PATROL_ROUTE_RETENTION_D``) and deleted by the sweep.
"""

import shapely
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicgrid.core.querysets import RestrictedQuerySet

from ..choices import CheckInMethod, PointKind, TeamKind


class Outline(models.Model):
    """A WGS84 geometry kept as WKB with its bounding box, as the area outlines are (``geo.Boundary``)."""

    wkb = models.BinaryField(_("几何（WKB，WGS84）"))
    min_lon = models.FloatField(default=0)
    min_lat = models.FloatField(default=0)
    max_lon = models.FloatField(default=0)
    max_lat = models.FloatField(default=0)

    class Meta:
        abstract = True

    @property
    def geometry(self):
        return shapely.from_wkb(bytes(self.wkb)) if self.wkb else None

    @geometry.setter
    def geometry(self, value) -> None:
        self.wkb = shapely.to_wkb(value)
        self.min_lon, self.min_lat, self.max_lon, self.max_lat = value.bounds


class Zone(Outline):
    """巡逻区域: a polygon an area's patrols cover (a street's centre, a school district)."""

    area = models.ForeignKey("geo.Area", verbose_name=_("所属区域"), on_delete=models.PROTECT, related_name="+")
    area_code = models.CharField(_("区域代码"), max_length=21, editable=False)
    name = models.CharField(_("名称"), max_length=100)

    scope_field = "area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("巡逻区域")
        verbose_name_plural = _("巡逻区域")
        ordering = ["area_code", "name"]
        indexes = [models.Index(fields=["area_code"], name="patrols_zone_area",
                                opclasses=["varchar_pattern_ops"])]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.area_code = self.area.code
        super().save(*args, **kwargs)


class Line(Outline):
    """巡逻路线: the way a patrol walks or drives through its zone."""

    zone = models.ForeignKey(Zone, verbose_name=_("巡逻区域"), on_delete=models.CASCADE, related_name="lines")
    name = models.CharField(_("名称"), max_length=100)

    scope_field = "zone__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("巡逻路线")
        verbose_name_plural = _("巡逻路线")
        ordering = ["zone_id", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.zone_id and self.wkb and not self.zone.geometry.buffer(TOLERANCE_DEG).covers(self.geometry):
            raise ValidationError({"wkb": _("巡逻路线“%(name)s”超出了巡逻区域“%(zone)s”。") % {
                "name": self.name, "zone": self.zone.name}})


# About a metre at 榆林's latitude: a point drawn on the zone's edge is inside it.
TOLERANCE_DEG = 1e-5


class Point(models.Model):
    """巡逻点位 (必巡点): a key place in a zone (a school, a market, a station) where patrols check in."""

    zone = models.ForeignKey(Zone, verbose_name=_("巡逻区域"), on_delete=models.CASCADE, related_name="points")
    name = models.CharField(_("名称"), max_length=100)
    kind = models.CharField(_("类型"), max_length=16, choices=PointKind.choices, default=PointKind.OTHER)
    longitude = models.FloatField(_("经度"))
    latitude = models.FloatField(_("纬度"))

    scope_field = "zone__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("巡逻点位")
        verbose_name_plural = _("巡逻点位")
        ordering = ["zone_id", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.zone_id and not self.inside(self.zone):
            raise ValidationError({"longitude": _("点位“%(name)s”不在巡逻区域“%(zone)s”内，请核对经纬度或所选区域。") % {
                "name": self.name, "zone": self.zone.name}})

    def inside(self, zone: Zone) -> bool:
        return zone.geometry.buffer(TOLERANCE_DEG).covers(shapely.Point(self.longitude, self.latitude))


class Team(models.Model):
    """巡逻队伍: a police patrol, a full-time patrol team (专职巡防) or residents' volunteers (群防群治) of an area."""

    area = models.ForeignKey("geo.Area", verbose_name=_("所属区域"), on_delete=models.PROTECT, related_name="+")
    area_code = models.CharField(_("区域代码"), max_length=21, editable=False)
    name = models.CharField(_("名称"), max_length=100)
    kind = models.CharField(_("类型"), max_length=16, choices=TeamKind.choices)

    scope_field = "area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("巡逻队伍")
        verbose_name_plural = _("巡逻队伍")
        ordering = ["area_code", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.area_code = self.area.code
        super().save(*args, **kwargs)


class Member(models.Model):
    """巡逻队员: a person of a team, with the account they check in and record routes with."""

    team = models.ForeignKey(Team, verbose_name=_("巡逻队伍"), on_delete=models.CASCADE, related_name="members")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("账号"), on_delete=models.PROTECT,
                              related_name="patrol_memberships")
    active = models.BooleanField(_("在队"), default=True)

    scope_field = "team__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("巡逻队员")
        verbose_name_plural = _("巡逻队员")
        constraints = [models.UniqueConstraint(fields=["team", "staff"], name="patrols_member_once")]

    def __str__(self):
        return f"{self.team} · {self.staff.display_name or self.staff.username}"


class Shift(models.Model):
    """巡逻班次: a team's patrol of a zone from one time to another, the members on it and the points it must check
    (all of the zone's unless the plan names fewer)."""

    team = models.ForeignKey(Team, verbose_name=_("巡逻队伍"), on_delete=models.PROTECT, related_name="shifts")
    zone = models.ForeignKey(Zone, verbose_name=_("巡逻区域"), on_delete=models.PROTECT, related_name="shifts")
    line = models.ForeignKey(Line, verbose_name=_("巡逻路线"), on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="shifts")
    area_code = models.CharField(_("区域代码"), max_length=21, editable=False)
    starts_at = models.DateTimeField(_("开始时间"))
    ends_at = models.DateTimeField(_("结束时间"))
    members = models.ManyToManyField(Member, verbose_name=_("当班队员"), related_name="shifts")
    points = models.ManyToManyField(Point, verbose_name=_("必巡点位"), related_name="shifts")

    scope_field = "area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("巡逻班次")
        verbose_name_plural = _("巡逻班次")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["starts_at", "area_code"], name="patrols_shift_day")]
        constraints = [models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")),
                                              name="patrols_shift_ends_after_start")]

    def __str__(self):
        return f"{self.team} {self.starts_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        self.area_code = self.zone.area_code
        super().save(*args, **kwargs)

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("班次的结束时间须晚于开始时间。")})

    def active_at(self, when) -> bool:
        return self.starts_at <= when <= self.ends_at


class CheckIn(models.Model):
    """巡逻打卡: a member at a point during a shift, by the phone's position or the point's QR code, with the time."""

    shift = models.ForeignKey(Shift, verbose_name=_("巡逻班次"), on_delete=models.CASCADE, related_name="check_ins")
    point = models.ForeignKey(Point, verbose_name=_("巡逻点位"), on_delete=models.CASCADE, related_name="check_ins")
    member = models.ForeignKey(Member, verbose_name=_("巡逻队员"), on_delete=models.CASCADE, related_name="check_ins")
    method = models.CharField(_("打卡方式"), max_length=8, choices=CheckInMethod.choices)
    at = models.DateTimeField(_("打卡时间"))
    longitude = models.FloatField(_("经度"), null=True, blank=True)
    latitude = models.FloatField(_("纬度"), null=True, blank=True)
    distance_m = models.PositiveIntegerField(_("距点位（米）"), null=True, blank=True)

    scope_field = "shift__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("巡逻打卡")
        verbose_name_plural = _("巡逻打卡")
        ordering = ["at", "pk"]
        constraints = [models.UniqueConstraint(fields=["shift", "point", "member", "at"], name="patrols_checkin_once")]

    def __str__(self):
        return f"{self.point} {self.at:%Y-%m-%d %H:%M}"


class Route(models.Model):
    """巡逻轨迹: the way one member walked during a shift, recorded between their own start and stop; deleted once
    older than the retention period (``CIVICGRID_PATROL_ROUTE_RETENTION_D``)."""

    shift = models.ForeignKey(Shift, verbose_name=_("巡逻班次"), on_delete=models.CASCADE, related_name="routes")
    member = models.ForeignKey(Member, verbose_name=_("巡逻队员"), on_delete=models.CASCADE, related_name="routes")
    started_at = models.DateTimeField(_("开始记录"), db_index=True)
    stopped_at = models.DateTimeField(_("停止记录"), null=True, blank=True)

    scope_field = "shift__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("巡逻轨迹")
        verbose_name_plural = _("巡逻轨迹")
        ordering = ["started_at", "pk"]

    def __str__(self):
        return f"{self.member} {self.started_at:%Y-%m-%d %H:%M}"


class RoutePoint(models.Model):
    """轨迹点: one position of a route with its time."""

    route = models.ForeignKey(Route, verbose_name=_("巡逻轨迹"), on_delete=models.CASCADE, related_name="positions")
    at = models.DateTimeField(_("时间"))
    longitude = models.FloatField(_("经度"))
    latitude = models.FloatField(_("纬度"))

    scope_field = "route__shift__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("轨迹点")
        verbose_name_plural = _("轨迹点")
        ordering = ["route_id", "at", "pk"]

    def __str__(self):
        return f"{self.route_id} {self.at:%H:%M:%S}"


class Incident(models.Model):
    """巡逻发现: a matter a member found on patrol, filed as a case of the loop in the same step."""

    shift = models.ForeignKey(Shift, verbose_name=_("巡逻班次"), on_delete=models.CASCADE, related_name="incidents")
    member = models.ForeignKey(Member, verbose_name=_("巡逻队员"), on_delete=models.CASCADE, related_name="incidents")
    case = models.OneToOneField("cases.Case", verbose_name=_("案件"), on_delete=models.CASCADE,
                                related_name="patrol_incident")
    found_at = models.DateTimeField(_("发现时间"))

    scope_field = "shift__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("巡逻发现")
        verbose_name_plural = _("巡逻发现")
        ordering = ["found_at", "pk"]

    def __str__(self):
        return f"{self.case_id}"
