from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicgrid.core.querysets import RestrictedQuerySet
from civicgrid.core.wording import listing
from civicgrid.geo.models import Area

from .choices import grant_choices

KEY_PREFIX_LENGTH = 12


class ClientApplication(models.Model):
    """客户端应用: a system that talks to civicgrid with an API key: a 12345 hotline system, a department's
    back office, a neighbouring city's platform, a mobile app or any Open311 client.

    Only the key's SHA-256 is kept; the key itself is shown once, when it is made. ``area_code`` bounds
    everything the application sees and files; ``grants`` lists what it may do. Case steps also need
    ``staff``, the account it acts as, and then the loop's own rules apply to that account too.
    """

    name = models.CharField(_("名称"), max_length=100, unique=True)
    key_prefix = models.CharField(_("密钥前缀"), max_length=KEY_PREFIX_LENGTH, editable=False)
    key_hash = models.CharField(_("密钥摘要"), max_length=64, unique=True, editable=False)
    area_code = models.CharField(_("区域代码前缀"), max_length=21,
                                 help_text=_("只能查看和上报这一区域代码开头的案件。"))
    grants = models.JSONField(_("权限"), default=list, blank=True,
                              help_text=_("read 查询、file 上报、file_sensitive 登记紧急案件和身份证号、"
                                          "comment 补充说明、subscribe 订阅推送，以及案件步骤如 accept、handle。"))
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("代理账号"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="client_applications",
                              help_text=_("办理案件步骤时以这一账号的身份和权限进行。"))
    rate_per_minute = models.PositiveIntegerField(_("每分钟请求上限"), null=True, blank=True,
                                                  help_text=_("留空则用系统默认值。"))
    contact = models.CharField(_("联系人"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("最近使用"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("吊销时间"), null=True, blank=True)

    scope_field = "area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("客户端应用")
        verbose_name_plural = _("客户端应用")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def may(self, grant: str) -> bool:
        return grant in self.grants

    def grant_label(self, grant: str) -> str:
        return str(dict(grant_choices()).get(grant, grant))

    def clean(self):
        errors = {}
        unknown = sorted(set(self.grants or []) - {value for value, _label in grant_choices()})
        if unknown:
            errors["grants"] = _("不认识的权限：%(grants)s。") % {"grants": listing(unknown)}
        if not Area.objects.filter(code=self.area_code).exists():
            errors["area_code"] = _("没有代码为 %(code)s 的区域。") % {"code": self.area_code}
        if errors:
            raise ValidationError(errors)


class PersonalToken(models.Model):
    """个人令牌: a staff member's own key for scripts and tools; it sees and does exactly what its owner may."""

    staff = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("人员"), on_delete=models.CASCADE,
                              related_name="api_tokens")
    name = models.CharField(_("用途"), max_length=100)
    key_prefix = models.CharField(_("令牌前缀"), max_length=KEY_PREFIX_LENGTH, editable=False)
    key_hash = models.CharField(_("令牌摘要"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    expires_at = models.DateTimeField(_("到期时间"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("最近使用"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("吊销时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("个人令牌")
        verbose_name_plural = _("个人令牌")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.staff} · {self.name}"


class WebhookSubscription(models.Model):
    """推送订阅: a client application's address that is told of case events in its area, signed with ``secret``."""

    application = models.ForeignKey(ClientApplication, verbose_name=_("客户端应用"), on_delete=models.CASCADE,
                                    related_name="subscriptions")
    url = models.URLField(_("接收地址"), max_length=500)
    secret = models.CharField(_("签名密钥"), max_length=100)
    area_code = models.CharField(_("区域代码前缀"), max_length=21)
    actions = models.JSONField(_("事件"), default=list, blank=True, help_text=_("留空表示全部案件事件。"))
    is_active = models.BooleanField(_("启用"), default=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    scope_field = "area_code"
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("推送订阅")
        verbose_name_plural = _("推送订阅")
        ordering = ["application", "pk"]

    def __str__(self):
        return f"{self.application} → {self.url}"


class WebhookDelivery(models.Model):
    """推送记录: one case event on its way to one subscription, written with the event, so none is lost.

    Its tries are an outbox message (发件箱消息) of the ``webhook`` channel, claimed, retried and given up like
    every other delivery; this record links it to the subscription and the event. Its id is the delivery id
    receivers see (``X-Civicgrid-Delivery``).
    """

    message = models.OneToOneField("notifications.OutboxMessage", verbose_name=_("发件箱消息"),
                                   on_delete=models.CASCADE, related_name="webhook")
    subscription = models.ForeignKey(WebhookSubscription, verbose_name=_("订阅"), on_delete=models.CASCADE,
                                     related_name="deliveries")
    event = models.ForeignKey("cases.CaseEvent", verbose_name=_("案件事件"), on_delete=models.CASCADE,
                              related_name="webhook_deliveries")

    class Meta:
        verbose_name = _("推送记录")
        verbose_name_plural = _("推送记录")
        ordering = ["-message__next_attempt_at"]

    def __str__(self):
        return f"{self.subscription} · {self.event_id}"
