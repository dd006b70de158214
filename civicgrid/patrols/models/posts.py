"""Response posts (快反处置点位), their kinds' travel speeds, and the reach of every grid and community from them.

``AreaReach`` is derived: ``circles.refresh`` rewrites it whenever a post or a speed changes, so that pages read
stored circles instead of measuring 10,000 grids against hundreds of posts on every request.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicgrid.core.querysets import RestrictedQuerySet

from ..choices import Circle, PostKind

MAX_SPEED_KMH = 120


class ResponsePost(models.Model):
    """快反处置点位: a 警务站, 社区警务室 or 快反点 at a point (WGS84) inside a grid of the city."""

    name = models.CharField(_("名称"), max_length=100)
    kind = models.CharField(_("类型"), max_length=16, choices=PostKind.choices)
    lon = models.FloatField(_("经度"))
    lat = models.FloatField(_("纬度"))
    area = models.ForeignKey("geo.Area", verbose_name=_("所在网格"), on_delete=models.PROTECT,
                             related_name="response_posts")
    area_code = models.CharField(_("所在网格代码"), max_length=21)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("登记人"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    scope_field = "area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("快反处置点位")
        verbose_name_plural = _("快反处置点位")
        ordering = ["area_code", "name"]
        indexes = [models.Index(fields=["area_code"], name="patrols_post_code_like", opclasses=["varchar_pattern_ops"])]

    def __str__(self):
        return f"{self.name}（{self.get_kind_display()}）"


class PostSpeed(models.Model):
    """出警速度: the average straight-line speed of a kind of post, which the administrator sets (km/h).

    A list the whole city shares, seeded by the migration with ``DEFAULT_SPEEDS_KMH``; it has no scope."""

    kind = models.CharField(_("点位类型"), max_length=16, choices=PostKind.choices, unique=True)
    speed_kmh = models.FloatField(_("速度（公里/小时）"),
                                  validators=[MinValueValidator(1), MaxValueValidator(MAX_SPEED_KMH)])
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("出警速度")
        verbose_name_plural = _("出警速度")
        ordering = ["kind"]

    def __str__(self):
        return f"{self.get_kind_display()}：{self.speed_kmh:g} km/h"


class AreaReach(models.Model):
    """快反可达: how soon the quickest post reaches a grid or community's representative point, and its circle.

    ``post`` is None (and ``metres``, ``minutes`` too) when there is no post at all. ``households`` is the
    area's households when the row was computed, so that counts per county are one aggregate query."""

    area = models.OneToOneField("geo.Area", verbose_name=_("区域"), on_delete=models.CASCADE, related_name="reach")
    code = models.CharField(_("区域代码"), max_length=21)
    level = models.PositiveSmallIntegerField(_("层级"))
    lon = models.FloatField(_("代表点经度"))
    lat = models.FloatField(_("代表点纬度"))
    post = models.ForeignKey(ResponsePost, verbose_name=_("最快到达的点位"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    metres = models.FloatField(_("直线距离（米）"), null=True, blank=True)
    minutes = models.FloatField(_("到达时间（分钟）"), null=True, blank=True)
    circle = models.PositiveSmallIntegerField(_("所在圈"), choices=Circle.choices)
    households = models.PositiveIntegerField(_("户数"), default=0)
    computed_at = models.DateTimeField(_("计算时间"))

    scope_field = "code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("快反可达")
        verbose_name_plural = _("快反可达")
        ordering = ["code"]
        indexes = [models.Index(fields=["code"], name="patrols_reach_code_like", opclasses=["varchar_pattern_ops"])]

    def __str__(self):
        return f"{self.code}: {self.get_circle_display()}"
