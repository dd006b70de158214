from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from . import keys
from .choices import GRANT_CHOICES
from .models import ClientApplication, PersonalToken, WebhookDelivery, WebhookSubscription


class ClientApplicationForm(forms.ModelForm):
    grants = forms.MultipleChoiceField(label=_("权限"), choices=GRANT_CHOICES, required=False,
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
    list_display = ["application", "url", "area_code", "is_active", "created_at"]
    list_filter = ["is_active"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    """推送记录: administrators see what reached each receiver, what is waiting and why."""

    list_display = ["event", "subscription", "status", "attempts", "response_code", "next_attempt_at",
                    "delivered_at", "last_error"]
    list_filter = ["status", "subscription__application"]
    list_select_related = ["subscription__application", "event"]
    readonly_fields = [field.name for field in WebhookDelivery._meta.fields]

    def has_add_permission(self, request):
        return False
