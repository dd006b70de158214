"""Petitions (信访): the side record of a petition case and its visits.

A petition is a case of the one loop (``cases.Case`` of kind ``petition``); the petitioner is the case's
reporter, shown masked like every reporter and never listed, counted or searched for as a person
(docs/design.md, "the line we do not cross"). Everything here is created and changed only inside the
petition's steps (``steps.py``), through the one writer.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicgrid.cases.choices import Light
from civicgrid.cases.models.cases import Deadline
from civicgrid.core.querysets import RestrictedQuerySet

from . import choices as c

TEXT_MAX = 2000
LINE_MAX = 100


class Petition(Deadline):
    """信访事项: the side record of a petition case, one per case.

    Its clock (the inherited deadline fields) is the 办结 stage, 60 days by the 信访工作条例, counted from the
    day the petition came in; the case's own clock follows the loop's stages (派遣, 处置 …) as for any case.
    """

    case = models.OneToOneField("cases.Case", primary_key=True, on_delete=models.CASCADE, related_name="petition",
                                verbose_name=_("案件"))
    matter = models.TextField(_("信访事项"), blank=True)
    leader = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("包案领导"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="petitions_led")
    leader_since = models.DateTimeField(_("包案时间"), null=True, blank=True)
    plan = models.TextField(_("化解方案"), blank=True)
    plan_set_at = models.DateTimeField(_("方案制定时间"), null=True, blank=True)
    next_visit_on = models.DateField(_("下次走访日期"), null=True, blank=True)
    backlog = models.BooleanField(_("积案"), default=False)
    backlog_since = models.DateField(_("列为积案日期"), null=True, blank=True)
    backlog_reason = models.TextField(_("积案原因"), blank=True)
    settled_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    outcome = models.CharField(_("办结结果"), max_length=16, choices=c.Outcome.choices, blank=True)
    account = models.TextField(_("化解情况"), blank=True)
    acknowledged_how = models.CharField(_("认可方式"), max_length=16, choices=c.Acknowledgement.choices, blank=True)
    acknowledged_on = models.DateField(_("认可日期"), null=True, blank=True)
    acknowledged_words = models.TextField(_("信访人意见"), blank=True)

    scope_field = "case__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("信访事项")
        verbose_name_plural = _("信访事项")
        indexes = [models.Index(fields=["leader", "due_at"], name="petitions_leader_due")]

    def __str__(self):
        return str(self.case_id)

    @property
    def acknowledged(self) -> bool:
        return bool(self.acknowledged_how)

    def light(self, now=None) -> str:
        """亮灯 of the 办结 clock: red past the date, yellow past 80 % of the time; none once settled."""
        now = now or timezone.now()
        if self.settled_at is not None or self.due_at is None:
            return Light.NONE
        if self.due_at < now:
            return Light.RED
        return Light.YELLOW if self.warn_at <= now else Light.GREEN


class Visit(models.Model):
    """接访下访记录: one reception at the centre or one visit to the petitioner, with who went and what was said."""

    petition = models.ForeignKey(Petition, verbose_name=_("信访事项"), on_delete=models.CASCADE,
                                 related_name="visits")
    kind = models.CharField(_("方式"), max_length=16, choices=c.VisitKind.choices)
    visited_on = models.DateField(_("日期"))
    visitors = models.CharField(_("接访（走访）人员"), max_length=LINE_MAX)
    place = models.CharField(_("地点"), max_length=LINE_MAX)
    notes = models.TextField(_("情况记录"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("记录人"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(_("记录时间"), default=timezone.now)

    scope_field = "petition__case__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("接访下访记录")
        verbose_name_plural = _("接访下访记录")
        ordering = ["-visited_on", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.visited_on}"
