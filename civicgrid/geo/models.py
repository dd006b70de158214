from django.db import models
from django.utils.translation import gettext_lazy as _

from civicgrid.core.querysets import RestrictedQuerySet

from . import codes
from .choices import AreaLevel, UnitKind


class Area(models.Model):
    """A node of the area tree (行政区划、网格与责任单元).

    Province to village/community carry NBS division codes, grids (网格) a
    15-digit code, and the responsibility units of the 五级五长 system below a
    grid (楼栋/巷道, then 楼层/院落/门店/中心户) extend the grid code by three
    digits a level. ``code`` is the significant prefix, which is also the scope.
    """

    code = models.CharField(_("代码"), max_length=21, unique=True)
    name = models.CharField(_("名称"), max_length=100)
    level = models.PositiveSmallIntegerField(_("层级"), choices=AreaLevel.choices, db_index=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("上级"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    unit_kind = models.CharField(_("责任单元类型"), max_length=16, choices=UnitKind.choices, blank=True)
    households = models.PositiveIntegerField(_("户数"), default=0, help_text=_("只在责任单元上填写，上级逐级汇总。"))
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    scope_field = "code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("区域")
        verbose_name_plural = _("区域")
        ordering = ["code"]
        indexes = [models.Index(fields=["code"], name="geo_area_code_like", opclasses=["varchar_pattern_ops"])]

    def __str__(self):
        return f"{self.name}（{self.code}）"

    @property
    def nbs_code(self) -> str:
        return codes.nbs_code(self.code)

    @property
    def is_grid(self) -> bool:
        return self.level == AreaLevel.GRID

    def ancestors(self) -> list["Area"]:
        """Ancestors from the province down, in one query."""
        prefixes = [self.code[:n] for n in sorted(codes.LENGTH_LEVELS) if n < len(self.code)]
        return list(Area.objects.filter(code__in=prefixes).order_by("level"))


class Precinct(models.Model):
    """片区: a set of communities within one township, looked after by a 片长 (area head)."""

    township = models.ForeignKey(
        Area, verbose_name=_("乡镇街道"), on_delete=models.PROTECT, related_name="precincts",
        limit_choices_to={"level": AreaLevel.TOWNSHIP},
    )
    name = models.CharField(_("名称"), max_length=100)
    communities = models.ManyToManyField(
        Area, verbose_name=_("村社区"), related_name="in_precincts", limit_choices_to={"level": AreaLevel.COMMUNITY}
    )

    scope_field = "township__code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("片区")
        verbose_name_plural = _("片区")
        constraints = [models.UniqueConstraint(fields=["township", "name"], name="geo_precinct_unique_name")]

    def __str__(self):
        return self.name


class Generation(models.Model):
    """边界版本: one generation of boundaries, as MapIt keeps them; every import that redraws starts one."""

    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    note = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("边界版本")
        verbose_name_plural = _("边界版本")
        ordering = ["-id"]

    def __str__(self):
        return f"#{self.pk} {self.note}"


class BoundaryQuerySet(RestrictedQuerySet):
    def current(self):
        return self.filter(replaced_in__isnull=True)


class Boundary(models.Model):
    """区域边界: an area's outline in WGS84, valid from one generation until replaced in a later one."""

    area = models.ForeignKey(Area, verbose_name=_("区域"), on_delete=models.CASCADE, related_name="boundaries")
    wkb = models.BinaryField(_("几何（WKB，WGS84）"))
    min_lon = models.FloatField()
    min_lat = models.FloatField()
    max_lon = models.FloatField()
    max_lat = models.FloatField()
    valid_from = models.ForeignKey(
        Generation, verbose_name=_("起始版本"), on_delete=models.PROTECT, related_name="introduced"
    )
    replaced_in = models.ForeignKey(
        Generation, verbose_name=_("被替换于版本"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="retired",
    )

    scope_field = "area__code"
    objects = BoundaryQuerySet.as_manager()

    class Meta:
        verbose_name = _("区域边界")
        verbose_name_plural = _("区域边界")
        constraints = [
            models.UniqueConstraint(
                fields=["area"], condition=models.Q(replaced_in__isnull=True), name="geo_boundary_one_current"
            )
        ]

    def __str__(self):
        return f"{self.area} @ {self.valid_from_id}"

    @property
    def geometry(self):
        import shapely

        return shapely.from_wkb(bytes(self.wkb))
