"""Campaigns (专项行动): time-boxed drives such as 大排查大化解大整治, with their fields, areas and targets.

A campaign is not a case: it is created by administrators or centre staff (``services.create``) and stands
beside the loop. It names kinds of matter and/or category branches, so that it knows nothing of disputes or
hazards as apps; the cases it covers are worked out from their filing time, area and category
(``services.tagged``), never stored on them (``docs/campaigns.md`` says why).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from civicgrid.core.querysets import RestrictedQuerySet
from civicgrid.geo.models import Area


class CampaignQuerySet(RestrictedQuerySet):
    def visible_to(self, user):
        """The campaigns organised in the user's scope, and those with a target area in it: a township's staff
        see the county's campaign that counts their township."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(Q(pk__in=self.restrict(user).values("pk"))
                           | Q(pk__in=Target.objects.restrict(user).values("campaign")))


class Campaign(models.Model):
    """专项行动: a drive over some areas between two dates, on some kinds of matter or category branches."""

    name = models.CharField(_("行动名称"), max_length=100)
    area = models.ForeignKey(Area, verbose_name=_("组织区域"), on_delete=models.PROTECT, related_name="campaigns")
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    kinds = models.JSONField(_("事项类型"), default=list, blank=True)
    categories = models.ManyToManyField("cases.Category", verbose_name=_("事项分类"), blank=True,
                                        related_name="campaigns")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("创建人"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)

    scope_field = "area__code"
    objects = CampaignQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[categories])

    class Meta:
        verbose_name = _("专项行动")
        verbose_name_plural = _("专项行动")
        ordering = ["-starts_on", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(starts_on__lte=models.F("ends_on")),
                                              name="campaigns_campaign_ends_after_start")]

    def __str__(self):
        return self.name


class Target(models.Model):
    """行动目标: how many matters one area is to find and resolve during a campaign."""

    campaign = models.ForeignKey(Campaign, verbose_name=_("专项行动"), on_delete=models.CASCADE,
                                 related_name="targets")
    area = models.ForeignKey(Area, verbose_name=_("区域"), on_delete=models.PROTECT, related_name="+")
    target = models.PositiveIntegerField(_("目标件数"))

    scope_field = "area__code"
    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("行动目标")
        verbose_name_plural = _("行动目标")
        ordering = ["campaign_id", "area__code"]
        constraints = [models.UniqueConstraint(fields=["campaign", "area"], name="campaigns_target_one_per_area")]

    def __str__(self):
        return f"{self.campaign} · {self.area}"
