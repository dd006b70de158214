from django.db import models


class Inspection(models.Model):
    """安全检查记录: the side record of a safety inspection, one per case, written only by its steps."""

    case = models.OneToOneField("cases.Case", primary_key=True, on_delete=models.CASCADE,
                                related_name="inspection", verbose_name="案件")
    grade = models.PositiveSmallIntegerField("风险等级", null=True, blank=True)
    assessed_at = models.DateTimeField("评定时间", null=True, blank=True)

    class Meta:
        verbose_name = "安全检查记录"
        verbose_name_plural = "安全检查记录"
