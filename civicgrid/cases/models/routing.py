from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from civicgrid.geo.codes import CodeError, significant


class RoutingRule(models.Model):
    """派遣规则: category (or a branch of the tree) + area prefix → lead and co-departments.

    The most specific rule wins: the deepest category first, then the longest area prefix, then the
    lower position. A rule without a category matches every category; without a prefix, every area.
    Every change is kept in the rule's history, so a past dispatch can be explained.
    """

    category = models.ForeignKey("cases.Category", verbose_name=_("事项分类"), null=True, blank=True,
                                 on_delete=models.CASCADE, related_name="routing_rules",
                                 help_text=_("空：所有分类。规则也适用于下级分类。"))
    area_prefix = models.CharField(_("区域编码前缀"), max_length=21, blank=True,
                                   help_text=_("空：全市。如 610802 为榆阳区。"))
    lead_department = models.ForeignKey("orgs.Department", verbose_name=_("主办部门"), on_delete=models.PROTECT,
                                        related_name="lead_rules")
    co_departments = models.ManyToManyField("orgs.Department", verbose_name=_("协办部门"), blank=True,
                                            related_name="co_rules")
    position = models.PositiveIntegerField(_("顺序"), default=100, help_text=_("同样具体的规则，顺序小的优先。"))
    is_active = models.BooleanField(_("启用"), default=True)
    note = models.CharField(_("备注"), max_length=200, blank=True)

    history = HistoricalRecords(m2m_fields=[co_departments])

    class Meta:
        verbose_name = _("派遣规则")
        verbose_name_plural = _("派遣规则")
        ordering = ["position", "pk"]

    def __str__(self):
        category = self.category.name if self.category_id else _("所有分类")
        return f"{category} · {self.area_prefix or _('全市')} → {self.lead_department}"

    def clean(self):
        if not self.area_prefix:
            return
        try:
            valid = significant(self.area_prefix) == self.area_prefix
        except CodeError as error:
            raise ValidationError({"area_prefix": str(error)}) from None
        if not valid:
            raise ValidationError({"area_prefix": _("区域编码前缀应为区划编码的有效位，如 6108、610802、610802001。")})

    def specificity(self) -> tuple:
        depth = len(self.category.code) if self.category_id else -1
        return (depth, len(self.area_prefix), -self.position)
