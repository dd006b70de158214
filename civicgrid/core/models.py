from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import AccessAction, CalendarSource, LockoutKind, PersonalField, Via
from .querysets import RestrictedQuerySet


class CalendarDay(models.Model):
    """工作日历: a day that departs from the default week (Monday–Friday work, Saturday and Sunday rest).

    Public holidays (法定节假日) and make-up workdays (调休上班) are seeded from the
    chinese-calendar package; administrators add or correct days here, since each
    year's schedule is published late in the year before. A day an administrator
    saved keeps ``source = admin`` and is never overwritten by the seeder.
    """

    date = models.DateField(_("日期"), unique=True)
    is_workday = models.BooleanField(
        _("上班"), help_text=_("勾选：这一天上班（如周末调休上班）；不勾选：这一天休息（如法定节假日）。")
    )
    name = models.CharField(_("名称"), max_length=100, blank=True, help_text=_("如“春节”“国庆节”。"))
    source = models.CharField(_("来源"), max_length=8, choices=CalendarSource.choices, default=CalendarSource.ADMIN)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("工作日历")
        verbose_name_plural = _("工作日历")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}".strip()


class WorkingHours(models.Model):
    """工作时间: one period of a working day, such as 08:30–12:00.

    Periods are ordered by start and may not overlap; while the table is empty the
    default 08:30–12:00 and 14:00–18:00 apply (civicgrid.core.calendar.DEFAULT_PERIODS).
    """

    start = models.TimeField(_("开始时间"))
    end = models.TimeField(_("结束时间"))
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("工作时间")
        verbose_name_plural = _("工作时间")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")),
                name="core_workinghours_end_after_start",
                violation_error_message=_("结束时间必须晚于开始时间（不支持跨午夜的时段）。"),
            )
        ]

    def __str__(self):
        return f"{self.start:%H:%M}–{self.end:%H:%M}"

    def clean(self):
        if self.start is None or self.end is None:
            return
        overlapping = WorkingHours.objects.exclude(pk=self.pk).filter(start__lt=self.end, end__gt=self.start).first()
        if overlapping:
            raise ValidationError(_("与已有的工作时间 %(period)s 重叠。"), params={"period": overlapping})


class IdempotencyRecord(models.Model):
    """幂等记录: the answer given to a create request with an ``Idempotency-Key``, replayed on a retry.

    ``owner`` names who asked (an application or a staff member), so two clients' keys never collide;
    ``request_hash`` tells a true retry from a different body sent under the same key.
    """

    owner = models.CharField(_("请求方"), max_length=40)
    key = models.CharField(_("幂等键"), max_length=255)
    request_hash = models.CharField(_("请求摘要"), max_length=64)
    status_code = models.PositiveSmallIntegerField(_("状态码"), default=0)
    response = models.JSONField(_("响应"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("幂等记录")
        verbose_name_plural = _("幂等记录")
        # Its first home was the api app; moving it moved no rows, so the table and constraint keep their names.
        db_table = "api_idempotencyrecord"
        constraints = [models.UniqueConstraint(fields=["owner", "key"], name="api_idempotency_unique_key")]

    def __str__(self):
        return f"{self.owner} · {self.key}"


class LoginLockout(models.Model):
    """登录锁定: sign-ins stopped for an account name or a client address after too many failed ones.

    Failures are counted in the shared cache (``civicgrid.core.logins``); a lockout is written here when a
    count reaches its limit, so that administrators see every lockout, lift one early (``lifted_at``, with
    who did), and keep the record. The account is the name as typed, whether or not such a user exists.
    """

    kind = models.CharField(_("类型"), max_length=8, choices=LockoutKind.choices)
    value = models.CharField(_("账号或地址"), max_length=150)
    failures = models.PositiveIntegerField(_("失败次数"))
    last_address = models.CharField(_("最后一次尝试的地址"), max_length=45, blank=True)
    locked_at = models.DateTimeField(_("锁定时间"))
    until = models.DateTimeField(_("锁定至"))
    lifted_at = models.DateTimeField(_("解锁时间"), null=True, blank=True)
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("解锁人"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("登录锁定")
        verbose_name_plural = _("登录锁定")
        ordering = ["-locked_at"]
        indexes = [models.Index(fields=["kind", "value", "until"], name="core_lockout_lookup")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.value}"
class AppendOnly(Exception):
    """An access log entry was to be changed or removed: the log only grows."""


NEVER_CHANGED = "The access log is append-only: entries are never changed."
NEVER_DELETED = "The access log is append-only: entries are never deleted."


class AccessLogQuerySet(RestrictedQuerySet):
    """Rows are added, never changed or removed, not even in bulk."""

    def update(self, **kwargs):
        raise AppendOnly(NEVER_CHANGED)

    def delete(self):
        raise AppendOnly(NEVER_DELETED)


class AccessLog(models.Model):
    """访问日志: one look at a person's record, or one personal number shown in full, with who, when, what,
    why and from where (DESIGN.md, "Personal data").

    Append-only: a row is written once and never changed or deleted, here, in bulk or in the admin. It is
    seen by area like the record it names (``area_code``): auditors and administrators read their scope's.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("人员"), on_delete=models.PROTECT,
                             related_name="+")
    # Kept as text too: the log names who it was even if the account is later renamed.
    username = models.CharField(_("用户名"), max_length=150)
    client = models.CharField(_("客户端应用"), max_length=100, blank=True)
    at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)
    action = models.CharField(_("操作"), max_length=16, choices=AccessAction.choices)
    record_type = models.CharField(_("记录类型"), max_length=100)
    record_key = models.CharField(_("记录"), max_length=100, db_index=True)
    field = models.CharField(_("字段"), max_length=16, choices=PersonalField.choices, blank=True)
    reason = models.TextField(_("理由"), blank=True)
    area_code = models.CharField(_("区域代码"), max_length=21, db_index=True)
    via = models.CharField(_("来源"), max_length=8, choices=Via.choices)
    address = models.GenericIPAddressField(_("客户端地址"), null=True, blank=True)
    user_agent = models.CharField(_("浏览器标识"), max_length=300, blank=True)

    scope_field = "area_code"
    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("访问日志")
        verbose_name_plural = _("访问日志")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.username} · {self.get_action_display()} · {self.record_key}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly(NEVER_CHANGED)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly(NEVER_DELETED)
