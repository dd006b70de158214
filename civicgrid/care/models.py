"""The support caseload (关爱帮扶台账): enrolments with the consent they rest on, visits, the needs found on them
(each a request case) and who at the township is the programme officer.

What is recorded is the service given, never a judgement of the person: there is no risk score, rating,
grade or flag on anyone (docs/design.md, "the line we do not cross"; a test holds every model to it).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civicgrid.core.querysets import RestrictedQuerySet
from civicgrid.core.validators import validate_mainland_phone
from civicgrid.geo.choices import AreaLevel

from .choices import ConsentBy, ConsentMethod, Frequency, LeaveReason, Programme

NAME_MAX = 50
NOTE_MAX = 2000


class ProgrammeOfficer(models.Model):
    """关爱帮扶专干: the township's programme officer, one of the township's staff marked as such.

    The mark is on a role assignment held at a township (乡镇街道): the officer sees the township's whole
    caseload as long as they hold that assignment (removing it removes the mark). The administrator sets it
    in the admin site; nothing else grants the caseload beyond the responsible worker and their grid head."""

    assignment = models.OneToOneField("orgs.RoleAssignment", verbose_name=_("乡镇街道工作人员的角色"),
                                      on_delete=models.CASCADE, related_name="programme_officer")
    designated_at = models.DateTimeField(_("指定时间"), auto_now_add=True)

    scope_field = "assignment__area__code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("关爱帮扶专干")
        verbose_name_plural = _("关爱帮扶专干")

    def __str__(self):
        return str(self.assignment)

    def clean(self):
        area = self.assignment.area if self.assignment_id else None
        if area is None or area.level != AreaLevel.TOWNSHIP:
            raise ValidationError({"assignment": _("关爱帮扶专干须是乡镇街道工作人员：请选择在乡镇街道的角色分配。")})


class Enrolment(models.Model):
    """帮扶对象: one resident in one programme, on the consent of the resident or their guardian, in the care
    of one responsible worker who visits at the agreed frequency; leaving keeps the record with the reason."""

    programme = models.CharField(_("帮扶项目"), max_length=32, choices=Programme.choices)
    resident_name = models.CharField(_("姓名"), max_length=NAME_MAX)
    resident_phone = models.CharField(_("联系电话"), max_length=11, blank=True,
                                      validators=[validate_mainland_phone])
    area = models.ForeignKey("geo.Area", verbose_name=_("所在网格或责任单元"), on_delete=models.PROTECT,
                             related_name="+")
    area_code = models.CharField(_("区域编码"), max_length=21, editable=False)
    consent_by = models.CharField(_("同意人身份"), max_length=16, choices=ConsentBy.choices)
    consent_name = models.CharField(_("同意人姓名"), max_length=NAME_MAX)
    consented_at = models.DateTimeField(_("同意时间"))
    consent_method = models.CharField(_("同意方式"), max_length=16, choices=ConsentMethod.choices)
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("责任人"), on_delete=models.PROTECT,
                               related_name="care_enrolments")
    frequency = models.PositiveSmallIntegerField(_("走访频次"), choices=Frequency.choices)
    enrolled_at = models.DateTimeField(_("登记时间"))
    enrolled_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("登记人"), on_delete=models.PROTECT,
                                    related_name="+")
    last_visited_at = models.DateTimeField(_("最近走访"), null=True, blank=True)
    next_visit_on = models.DateField(_("下次走访日期"), null=True, blank=True)
    left_at = models.DateTimeField(_("退出时间"), null=True, blank=True)
    leave_reason = models.CharField(_("退出原因"), max_length=32, choices=LeaveReason.choices, blank=True)
    leave_note = models.CharField(_("退出说明"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("帮扶对象")
        verbose_name_plural = _("帮扶对象")
        ordering = ["-enrolled_at", "-pk"]
        indexes = [
            models.Index(fields=["area_code"], name="care_enrolment_area_like", opclasses=["varchar_pattern_ops"]),
            models.Index(fields=["worker", "next_visit_on"], name="care_enrolment_worker_due",
                         condition=Q(left_at__isnull=True)),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(programme__in=Programme.values), name="care_programme_on_the_list"),
            models.CheckConstraint(condition=~Q(consent_name=""), name="care_enrolment_has_consent"),
            models.CheckConstraint(condition=Q(left_at__isnull=True, leave_reason="")
                                   | Q(left_at__isnull=False) & ~Q(leave_reason=""), name="care_leaving_has_reason"),
            models.UniqueConstraint(fields=["programme", "area", "resident_name", "resident_phone"],
                                    condition=Q(left_at__isnull=True), name="care_enrolled_once"),
        ]

    def __str__(self):
        return f"{self.get_programme_display()} · {self.pk}"

    @property
    def key(self) -> str:
        """How the access log names this record."""
        return f"care-{self.pk}"

    @property
    def active(self) -> bool:
        return self.left_at is None

    @property
    def place(self) -> str:
        """Where the resident lives as a worker says it: a floor with its building (read ``area__parent``)."""
        area = self.area
        return f"{area.parent.name} {area.name}" if area.level == AreaLevel.SUBUNIT else area.name


class Visit(models.Model):
    """帮扶走访: one visit to an enrolled resident: who, when, what was done and seen."""

    enrolment = models.ForeignKey(Enrolment, verbose_name=_("帮扶对象"), on_delete=models.PROTECT,
                                  related_name="visits")
    visited_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("走访人"), on_delete=models.PROTECT,
                                   related_name="+")
    visited_at = models.DateTimeField(_("走访时间"))
    notes = models.TextField(_("走访记录"), max_length=NOTE_MAX)
    recorded_at = models.DateTimeField(_("录入时间"))

    class Meta:
        verbose_name = _("帮扶走访")
        verbose_name_plural = _("帮扶走访")
        ordering = ["-visited_at", "-pk"]

    def __str__(self):
        return f"{self.enrolment_id} · {self.visited_at:%Y-%m-%d}"


class Need(models.Model):
    """帮扶需求: a need found on a visit, filed as a request case for the department the routing rules name."""

    visit = models.ForeignKey(Visit, verbose_name=_("走访"), on_delete=models.PROTECT, related_name="needs")
    description = models.CharField(_("需求"), max_length=500)
    case = models.OneToOneField("cases.Case", verbose_name=_("诉求案件"), on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("帮扶需求")
        verbose_name_plural = _("帮扶需求")
        ordering = ["pk"]

    def __str__(self):
        return self.description
