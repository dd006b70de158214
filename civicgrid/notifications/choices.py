from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeKind(models.TextChoices):
    """Kinds of in-app notice (站内通知) a staff member gets."""

    NEW_TASK = "new_task", _("新任务")
    REMINDER = "reminder", _("催办")
    SUPERVISION = "supervision", _("督办")
    APPROVAL = "approval", _("待审批")
    OVERDUE = "overdue", _("超期")
    RESULT = "result", _("办理结果")


class Channel(models.TextChoices):
    """Outbound channels of the outbox (发件箱)."""

    SMS = "sms", _("短信")
    EMAIL = "email", _("电子邮件")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("待发送")
    SENT = "sent", _("已发送")
    FAILED = "failed", _("发送失败")
