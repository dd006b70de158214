from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicgrid.core.querysets import RestrictedQuerySet
from civicgrid.core.validators import validate_mainland_phone
from civicgrid.orgs.choices import Role

from .choices import PERIOD_ROLES

DOOR_MAX, NAME_MAX, NOTES_MAX, FOUND_MAX = 32, 50, 1000, 2000


class Household(models.Model):
    """户: a household under a responsibility unit (楼栋/巷道, or 楼层/院落/门店 below one), looked after by the
    heads of the units above it.

    ``unit_code`` repeats the unit's code so that scope is one indexed prefix match (a 楼层长's 21 digits reach
    their floor only). ``last_visited_at`` is the latest of its visits, kept by the services that record them,
    so the heads' pages and the coverage figures read it without going through the visits.
    """

    unit = models.ForeignKey("geo.Area", verbose_name=_("责任单元"), on_delete=models.PROTECT,
                             related_name="household_records")
    unit_code = models.CharField(_("单元编码"), max_length=21, editable=False)
    door = models.CharField(_("门牌号"), max_length=DOOR_MAX)
    head_name = models.CharField(_("户主姓名"), max_length=NAME_MAX)
    head_phone = models.CharField(_("户主电话"), max_length=11, blank=True, validators=[validate_mainland_phone])
    residents = models.PositiveSmallIntegerField(_("居住人数"), default=1,
                                                 validators=[MinValueValidator(1), MaxValueValidator(99)])
    notes = models.TextField(_("备注"), max_length=NOTES_MAX, blank=True)
    synthetic = models.BooleanField(_("演示数据（虚构）"), default=False, editable=False)
    last_visited_at = models.DateTimeField(_("最近走访"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    scope_field = "unit_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("住户")
        verbose_name_plural = _("住户")
        ordering = ["unit_code", "door"]
        constraints = [models.UniqueConstraint(fields=["unit", "door"], name="households_one_door_per_unit")]
        indexes = [
            # Scope and the roll-ups: a prefix of the unit code, then whether the last visit is recent enough.
            models.Index(fields=["unit_code", "last_visited_at"], name="households_unit_visited",
                         opclasses=["varchar_pattern_ops", "timestamptz_ops"]),
        ]

    def __str__(self):
        return f"{self.unit_code} {self.door}"


class Visit(models.Model):
    """走访: a visit by a head or grid worker to a household, or to a unit as a whole, with what was found.

    A finding may become a case in the same step (``case``), at the household's unit."""

    household = models.ForeignKey(Household, verbose_name=_("住户"), null=True, blank=True,
                                  on_delete=models.CASCADE, related_name="visits")
    unit = models.ForeignKey("geo.Area", verbose_name=_("责任单元"), on_delete=models.PROTECT,
                             related_name="unit_visits")
    unit_code = models.CharField(_("单元编码"), max_length=21, editable=False)
    visitor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("走访人"), on_delete=models.PROTECT,
                                related_name="household_visits")
    visited_at = models.DateTimeField(_("走访时间"))
    found = models.TextField(_("走访情况"), max_length=FOUND_MAX, blank=True)
    case = models.OneToOneField("cases.Case", verbose_name=_("转为案件"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="visit")
    created_at = models.DateTimeField(_("录入时间"), auto_now_add=True)

    scope_field = "unit_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("走访记录")
        verbose_name_plural = _("走访记录")
        ordering = ["-visited_at", "-pk"]
        indexes = [
            models.Index(fields=["household", "-visited_at"], name="households_visit_latest"),
            models.Index(fields=["unit_code", "-visited_at"], name="households_visit_unit",
                         opclasses=["varchar_pattern_ops", "timestamptz_ops"]),
        ]

    def __str__(self):
        return f"{self.unit_code} {self.visited_at:%Y-%m-%d}"


class VisitPeriod(models.Model):
    """走访周期: how many days may pass between visits to a household for each kind of head (set by the
    administrator; a household not visited within its head's period is due)."""

    role = models.CharField(_("角色"), max_length=32, unique=True,
                            choices=[(role.value, role.label) for role in PERIOD_ROLES])
    days = models.PositiveSmallIntegerField(_("周期（天）"), validators=[MinValueValidator(1), MaxValueValidator(366)])

    class Meta:
        verbose_name = _("走访周期")
        verbose_name_plural = _("走访周期")
        ordering = ["role"]

    def __str__(self):
        return f"{Role(self.role).label} · {self.days}"
