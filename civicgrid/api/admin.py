from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import keys, webhooks
from .choices import FROM_OUTBOX, IN_OUTBOX, DeliveryStatus, grant_choices
from .models import (
    ClientApplication,
    PersonalToken,
    WebhookDelivery,
    WebhookSubscription,
)


class ClientApplicationForm(forms.ModelForm):
    grants = forms.MultipleChoiceField(label=_("权限"), choices=grant_choices, required=False,
                                       widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = ClientApplication
        fields = ["name", "area_code", "grants", "staff", "rate_per_minute", "contact", "revoked_at"]


@admin.register(ClientApplication)
class ClientApplicationAdmin(admin.ModelAdmin):
    form = ClientApplicationForm
    list_display = ["name", "key_prefix", "area_code", "staff", "last_used_at", "revoked_at"]
    search_fields = ["name", "key_prefix", "area_code"]
    readonly_fields = ["key_prefix", "created_at", "last_used_at"]
    autocomplete_fields = ["staff"]

    def save_model(self, request, obj, form, change):
        if not change:
            raw = keys.set_key(obj, keys.new_key(keys.APPLICATION_MARK))
            messages.warning(request, _("API 密钥（只显示这一次，请立即交给对方）：%(key)s") % {"key": raw})
        super().save_model(request, obj, form, change)
        keys.RECENT.forget(("app", obj.key_hash))  # a revocation or a narrower grant holds at once here


@admin.register(PersonalToken)
class PersonalTokenAdmin(admin.ModelAdmin):
    list_display = ["staff", "name", "key_prefix", "created_at", "expires_at", "last_used_at", "revoked_at"]
    search_fields = ["staff__username", "name", "key_prefix"]
    readonly_fields = ["staff", "name", "key_prefix", "created_at", "last_used_at"]
    fields = ["staff", "name", "key_prefix", "created_at", "expires_at", "last_used_at", "revoked_at"]

    def has_add_permission(self, request):
        return False  # staff make their own tokens, so that only they ever see them


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(admin.ModelAdmin):
    """推送订阅: applications usually subscribe through the API; the secret is made here too, never typed."""

    list_display = ["application", "url", "area_code", "actions", "is_active", "created_at"]
    list_filter = ["is_active", "application"]
    list_select_related = ["application"]
    search_fields = ["url", "area_code", "application__name"]
    fields = ["application", "url", "area_code", "actions", "is_active", "created_at"]
    readonly_fields = ["created_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.secret = webhooks.new_secret()
            messages.warning(request, _("签名密钥（只显示这一次，请立即交给对方）：%(secret)s") % {"secret": obj.secret})
        super().save_model(request, obj, form, change)


class DeliveryStatusFilter(admin.SimpleListFilter):
    """By the status 推送记录 has always shown (待推送, 已送达, 已放弃): its outbox message's."""

    title = _("状态")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return DeliveryStatus.choices

    def queryset(self, request, queryset):
        if self.value() in IN_OUTBOX:
            return queryset.filter(message__status=IN_OUTBOX[self.value()])
        return queryset


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    """推送记录: administrators see what reached each receiver, what is waiting and why, and can retry.

    The same deliveries are in the outbox (发件箱消息) with every other channel's; this list adds their case,
    event and application.
    """

    list_display = ["pk", "case_number", "action", "application", "status", "message__attempts",
                    "message__response_code", "message__last_attempt_at", "message__next_attempt_at", "delivered_at",
                    "message__last_error"]
    list_filter = [DeliveryStatusFilter, "subscription__application", "event__action"]
    list_select_related = ["message", "subscription__application", "event__case"]
    search_fields = ["=event__case__number", "subscription__url"]
    readonly_fields = [*(field.name for field in WebhookDelivery._meta.fields), "status", "delivered_at"]
    actions = ["retry"]

    @admin.display(description=_("案件"), ordering="event__case__number")
    def case_number(self, delivery: WebhookDelivery) -> str:
        return delivery.event.case.number

    @admin.display(description=_("事件"), ordering="event__action")
    def action(self, delivery: WebhookDelivery) -> str:
        return delivery.event.action

    @admin.display(description=_("客户端应用"), ordering="subscription__application__name")
    def application(self, delivery: WebhookDelivery) -> str:
        return delivery.subscription.application.name

    @admin.display(description=_("状态"), ordering="message__status")
    def status(self, delivery: WebhookDelivery) -> str:
        return DeliveryStatus(FROM_OUTBOX[delivery.message.status]).label

    @admin.display(description=_("送达时间"), ordering="message__sent_at")
    def delivered_at(self, delivery: WebhookDelivery):
        return delivery.message.sent_at

    @admin.action(description=_("立即重试所选推送"), permissions=["retry"])
    def retry(self, request, queryset):
        count = webhooks.retry_now(queryset)
        self.message_user(request, ngettext("已安排 %(count)d 条推送立即重试。", "已安排 %(count)d 条推送立即重试。",
                                            count) % {"count": count})

    def has_retry_permission(self, request) -> bool:
        return request.user.has_perm("api.change_webhookdelivery")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # a delivery edited by hand would no longer say what was sent
