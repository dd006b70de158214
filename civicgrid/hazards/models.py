"""Hazards (隐患) and the four-colour risk register: the side record of a hazard case and what hangs off it.

A hazard is a case of the one loop (``cases.Case`` of kind ``hazard``): found and reported like any matter,
registered, dispatched to the department that supervises its field. Its record says what and where the
hazard is, who answers for it, its grade and the rectification ordered; its gradings and on-site checks are
kept row by row. Everything here is created and changed only inside the hazard's steps (``steps.py``),
through the one writer; the fields (领域) are administrators' to edit.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicgrid.cases.models.cases import Deadline
from civicgrid.core.querysets import RestrictedQuerySet
from civicgrid.core.validators import mask_phone, validate_mainland_phone

from .choices import CheckKind, Grade


class HazardField(models.Model):
    """隐患领域: 道路交通, 城镇燃气, 消防 …; seeded by a migration, edited by administrators in the admin.

    A list the whole city shares, not a record of any area: it has no scope (like the categories)."""

    name = models.CharField(_("名称"), max_length=50, unique=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    active = models.BooleanField(_("在用"), default=True)

    class Meta:
        verbose_name = _("隐患领域")
        verbose_name_plural = _("隐患领域")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Hazard(Deadline):
    """隐患: the side record of a hazard case, one per case.

    The inherited clock is the rectification's (整改期限): started when rectification is ordered, due at the
    deadline the order set (or the 整改 stage's limit), so the register filters overdue rectifications in SQL.
    ``grade`` is the current grade; every grading, the first included, is a ``Grading`` row with its reason.
    """

    case = models.OneToOneField("cases.Case", primary_key=True, on_delete=models.CASCADE, related_name="hazard",
                                verbose_name=_("案件"))
    field = models.ForeignKey(HazardField, verbose_name=_("隐患领域"), on_delete=models.PROTECT,
                              related_name="hazards", null=True)
    place = models.CharField(_("隐患部位或单位"), max_length=100, blank=True)
    responsible_unit = models.CharField(_("责任单位"), max_length=100, blank=True)
    responsible_person = models.CharField(_("责任人"), max_length=50, blank=True)
    responsible_phone = models.CharField(_("责任人电话"), max_length=11, blank=True,
                                         validators=[validate_mainland_phone])
    grade = models.CharField(_("风险等级"), max_length=8, choices=Grade.choices, blank=True)
    grade_reason = models.TextField(_("定级理由"), blank=True)
    graded_at = models.DateTimeField(_("定级时间"), null=True, blank=True)
    measures = models.TextField(_("整改措施"), blank=True)
    verified_at = models.DateTimeField(_("验收时间"), null=True, blank=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("验收人"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    closed_at = models.DateTimeField(_("销号时间"), null=True, blank=True)

    scope_field = "case__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("隐患")
        verbose_name_plural = _("隐患")
        indexes = [
            # The register groups live hazards by grade and field, and lists overdue rectifications first.
            models.Index(fields=["grade", "field"], name="hazards_grade_field"),
            models.Index(fields=["verified_at", "due_at"], name="hazards_rectification_due"),
        ]

    def __str__(self):
        return f"{self.case.number} {self.place}"

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.responsible_phone)


class Grading(models.Model):
    """定级记录: one grading of a hazard (the first or a change), with its reason; the grade's history."""

    hazard = models.ForeignKey(Hazard, verbose_name=_("隐患"), on_delete=models.CASCADE, related_name="gradings")
    grade = models.CharField(_("风险等级"), max_length=8, choices=Grade.choices)
    previous = models.CharField(_("原等级"), max_length=8, choices=Grade.choices, blank=True)
    reason = models.TextField(_("定级理由"))
    graded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("定级人"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    graded_at = models.DateTimeField(_("定级时间"))

    scope_field = "hazard__case__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("定级记录")
        verbose_name_plural = _("定级记录")
        ordering = ["hazard_id", "graded_at", "pk"]

    def __str__(self):
        return f"{self.hazard_id} {self.get_grade_display()}"


class Check(models.Model):
    """检查记录: who checked the hazard on site, when, and what they found; the photos are the step's files
    (the event whose ``data`` names this check). An acceptance (整改验收) passed or failed is a check too."""

    hazard = models.ForeignKey(Hazard, verbose_name=_("隐患"), on_delete=models.CASCADE, related_name="checks")
    kind = models.CharField(_("类型"), max_length=8, choices=CheckKind.choices, default=CheckKind.CHECK)
    findings = models.TextField(_("检查情况"))
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("检查人"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    checked_at = models.DateTimeField(_("检查时间"))

    scope_field = "hazard__case__area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("检查记录")
        verbose_name_plural = _("检查记录")
        ordering = ["hazard_id", "checked_at", "pk"]

    def __str__(self):
        return f"{self.hazard_id} {self.get_kind_display()}"
