from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicgrid.core.querysets import RestrictedQuerySet

from .choices import JobStatus, PeriodKind


class Job(models.Model):
    """后台作业: what every piece of long background work shows on its page: its state, its progress (``done``
    of ``total`` steps), what went wrong, and who asked."""

    status = models.CharField(_("状态"), max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED)
    done = models.PositiveIntegerField(_("已完成步骤"), default=0)
    total = models.PositiveIntegerField(_("总步骤"), default=0)
    message = models.CharField(_("说明"), max_length=500, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("申请人"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField(_("申请时间"), null=True, blank=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def percent(self) -> int | None:
        return round(100 * self.done / self.total) if self.total else None


class Report(Job):
    """定期报表: one centre's daily, weekly, monthly or quarterly report of its figures, as xlsx and PDF files.

    One per centre, period kind and start (``reports_one_per_period``): asking twice, even at the same
    moment, names the same report, and generating it again replaces its files.
    """

    centre = models.ForeignKey("orgs.Centre", verbose_name=_("综治中心"), on_delete=models.CASCADE,
                               related_name="reports")
    kind = models.CharField(_("报表周期"), max_length=16, choices=PeriodKind.choices)
    start = models.DateField(_("起始日期"))
    end = models.DateField(_("截止日期"))
    xlsx = models.FileField(_("Excel 文件"), upload_to="reports/", blank=True)
    pdf = models.FileField(_("PDF 文件"), upload_to="reports/", blank=True)
    generated_at = models.DateTimeField(_("生成时间"), null=True, blank=True)

    scope_field = "centre__area__code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("定期报表")
        verbose_name_plural = _("定期报表")
        ordering = ["-start", "centre__area__code", "kind"]
        constraints = [models.UniqueConstraint(fields=["centre", "kind", "start"], name="reports_one_per_period")]

    def __str__(self):
        return f"{self.centre} {self.get_kind_display()} {self.start}"


class Rebuild(Job):
    """统计汇总重建: one rebuild of the figures (``cases.tally.rebuild``) from the case table, with its progress
    in months recounted."""

    rows = models.PositiveIntegerField(_("写入行数"), null=True, blank=True)

    class Meta:
        verbose_name = _("统计汇总重建")
        verbose_name_plural = _("统计汇总重建")
        ordering = ["-requested_at", "-pk"]

    def __str__(self):
        return f"{self.get_status_display()} {self.requested_at:%Y-%m-%d %H:%M}"
