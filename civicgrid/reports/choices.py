from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodKind(models.TextChoices):
    """报表周期: a day, a week (Monday to Sunday), a month or a quarter."""

    DAY = "day", _("日报")
    WEEK = "week", _("周报")
    MONTH = "month", _("月报")
    QUARTER = "quarter", _("季报")


class JobStatus(models.TextChoices):
    """Where a piece of background work stands: a report's generation or a rebuild of the figures."""

    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("生成中")
    READY = "ready", _("已完成")
    FAILED = "failed", _("失败")


BUSY = frozenset({JobStatus.QUEUED, JobStatus.RUNNING})
