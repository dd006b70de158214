from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import channels, texts
from .choices import DeliveryStatus, NoticeKind


class Notice(models.Model):
    """站内通知: a message to one staff member in civicgrid itself (new task, reminder, approval waiting).

    What it says is a registered wording's ``code`` and its ``params``, put into words in the reader's language
    when shown (``message``); ``text`` keeps the words in the site's language, which is all a notice written
    before codes has (``texts``).
    """

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("接收人"), on_delete=models.CASCADE,
                                  related_name="notices")
    kind = models.CharField(_("类型"), max_length=16, choices=NoticeKind.choices)
    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), null=True, blank=True, on_delete=models.CASCADE,
                             related_name="notices")
    text = models.CharField(_("内容"), max_length=500)
    code = models.CharField(_("内容代码"), max_length=64, blank=True)
    params = models.JSONField(_("内容参数"), default=dict, blank=True)
    created_at = models.DateTimeField(_("时间"), default=timezone.now)
    read_at = models.DateTimeField(_("已读时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("站内通知")
        verbose_name_plural = _("站内通知")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at", "-created_at"], name="notices_inbox")]

    def __str__(self):
        return self.message

    @property
    def message(self) -> str:
        """What the notice says, in the active language."""
        return texts.render(self.code, self.params, self.text)


class OutboxMessage(models.Model):
    """发件箱消息: one delivery of any channel (SMS, e-mail, a webhook's POST, …), tried by one worker at a time
    and retried with growing pauses until it is sent or given up (``outbox``).

    Every channel's deliveries are rows of this one table, so claims, retries, the failed list and the
    administrator's retry are one mechanism. A channel that must link a delivery to rows of its own app
    keeps those links in a one-to-one record there (``api.WebhookDelivery``), never here.
    """

    channel = models.CharField(_("渠道"), max_length=16, choices=channels.choices)
    recipient = models.CharField(_("接收地址"), max_length=500)
    subject = models.CharField(_("主题"), max_length=200, blank=True)
    body = models.TextField(_("内容"), blank=True)
    status = models.CharField(_("状态"), max_length=16, choices=DeliveryStatus.choices,
                              default=DeliveryStatus.PENDING)
    attempts = models.PositiveIntegerField(_("尝试次数"), default=0)
    next_attempt_at = models.DateTimeField(_("下次尝试"), default=timezone.now)
    claimed_until = models.DateTimeField(_("处理中至"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("最近尝试"), null=True, blank=True)
    response_code = models.PositiveSmallIntegerField(_("响应码"), null=True, blank=True)
    last_error = models.TextField(_("最近错误"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("发件箱消息")
        verbose_name_plural = _("发件箱消息")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]

    def __str__(self):
        return f"{self.get_channel_display()} → {self.masked_recipient}"

    @property
    def masked_recipient(self) -> str:
        """A resident's phone number is masked wherever a message is listed or named."""
        return channels.shown(self.channel, self.recipient)
