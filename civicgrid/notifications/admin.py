"""Administrators look at notices and the outbox; only the system writes them.

Both are view-only: a notice or a message edited by hand would no longer say what was sent. The outbox
lists every channel's deliveries (SMS, e-mail, webhooks, …); the one operator action is "retry now", for
after a gateway's or a receiver's outage has been fixed.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import outbox
from .models import Notice, OutboxMessage


class ViewOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ViewOnlyAdmin):
    list_display = ("created_at", "channel", "masked_recipient", "short_body", "status", "attempts",
                    "next_attempt_at", "sent_at")
    list_filter = ("status", "channel")
    # Exact match only: finding what was sent to one number is an inquiry, browsing numbers is not.
    search_fields = ("=recipient",)
    fields = ("channel", "masked_recipient", "subject", "body", "status", "attempts", "next_attempt_at",
              "claimed_until", "last_attempt_at", "response_code", "last_error", "created_at", "sent_at")
    readonly_fields = fields
    actions = ["retry"]

    @admin.display(description=_("接收地址"))
    def masked_recipient(self, message: OutboxMessage) -> str:
        return message.masked_recipient

    @admin.display(description=_("内容"))
    def short_body(self, message: OutboxMessage) -> str:
        return message.body if len(message.body) <= 40 else message.body[:40] + "…"

    @admin.action(description=_("立即重试所选消息"), permissions=["retry"])
    def retry(self, request, queryset):
        count = outbox.retry_now(queryset)
        self.message_user(request, ngettext("已安排 %(count)d 条消息立即重新发送。", "已安排 %(count)d 条消息立即重新发送。",
                                            count) % {"count": count})

    def has_retry_permission(self, request) -> bool:
        return request.user.has_perm("notifications.change_outboxmessage")


class ReadFilter(admin.SimpleListFilter):
    title = _("是否已读")
    parameter_name = "read"

    def lookups(self, request, model_admin):
        return [("yes", _("已读")), ("no", _("未读"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(read_at__isnull=self.value() == "no")
        return queryset


@admin.register(Notice)
class NoticeAdmin(ViewOnlyAdmin):
    list_display = ("created_at", "recipient", "kind", "case", "message", "read_at")
    list_filter = ("kind", ReadFilter)
    list_select_related = ("recipient", "case")
    search_fields = ("recipient__username", "recipient__display_name", "=case__number")
    fields = ("recipient", "kind", "case", "message", "code", "params", "created_at", "read_at")
    readonly_fields = ("message",)

    @admin.display(description=_("内容"))
    def message(self, notice: Notice) -> str:
        return notice.message
