from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import OPEN_STATUSES


class Tally(models.Model):
    """案件统计汇总: the figures of the cases filed on one day (or in one month) in one area, by what a cube keeps.

    A row belongs to one cube of ``tally.CUBES``: its ``period`` is a day or a month's first day, its
    ``area_code`` the cases' area code cut to the cube's length, and of the other key columns those the cube
    does not keep hold "" or 0. The measures are counts of the cases on the row and the sums their rates need.
    The one writer keeps every cube equal to a count over the case table (``tally.count``); ``rebuild_tally``
    recounts them. Category and department are plain numbers, not keys, so that old figures outlive them.
    """

    cube = models.CharField(_("汇总口径"), max_length=16)
    period = models.DateField(_("日期"))
    area_code = models.CharField(_("区域编码"), max_length=21)
    category_id = models.IntegerField(_("事项分类"), default=0)
    kind = models.CharField(_("事项类型"), max_length=16, blank=True)
    channel = models.CharField(_("来源渠道"), max_length=16, blank=True)
    status = models.CharField(_("状态"), max_length=16, blank=True)
    facet = models.CharField(_("分项"), max_length=16, blank=True)
    department_id = models.IntegerField(_("主办部门"), default=0)

    cases = models.IntegerField(_("案件数"), default=0)
    open = models.IntegerField(_("在办数"), default=0)
    overdue = models.IntegerField(_("超期在办数"), default=0)
    late = models.IntegerField(_("曾超期数"), default=0)
    reworked = models.IntegerField(_("返工案件数"), default=0)
    returned = models.IntegerField(_("回退案件数"), default=0)
    satisfied = models.IntegerField(_("满意数"), default=0)
    supervised = models.IntegerField(_("督办数"), default=0)
    timed = models.IntegerField(_("计时办结数"), default=0)
    minutes = models.BigIntegerField(_("办理用时（工作分钟）"), default=0)

    class Meta:
        verbose_name = _("案件统计汇总")
        verbose_name_plural = _("案件统计汇总")
        constraints = [
            models.UniqueConstraint(fields=["cube", "period", "area_code", "category_id", "kind", "channel", "status",
                                            "facet", "department_id"], name="cases_tally_key"),
        ]
        # An area's figures (``area_code LIKE 'prefix%'``) read its own rows, not the whole city's for the period:
        # the pattern operator class lets a prefix match use the index whatever the database's collation.
        indexes = [models.Index(fields=["cube", "area_code", "period"], name="cases_tally_area",
                                opclasses=["varchar_ops", "varchar_pattern_ops", "date_ops"]),
                   # What is open now, whenever filed, reads only the rows of the open states. The condition is on
                   # a key column, which no update changes: one on a measure (open > 0) would make every update
                   # of a row write all its indexes anew (no HOT update), and every filing updates six rows.
                   models.Index(fields=["cube", "area_code"], name="cases_tally_open_states",
                                condition=models.Q(status__in=sorted(OPEN_STATUSES)),
                                opclasses=["varchar_ops", "varchar_pattern_ops"])]

    def __str__(self):
        return f"{self.cube} {self.period} {self.area_code} {self.cases}"
