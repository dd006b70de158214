from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Service, ServiceRequest
from .services import forget, set_published


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    """Administrators choose which categories Open311 clients see, and under which codes."""

    list_display = ["service_code", "category", "group", "published", "public", "public_description", "ordering"]
    list_editable = ["published", "public", "public_description", "ordering"]
    list_filter = ["published", "public", "group"]
    search_fields = ["service_code", "category__name", "category__code", "group", "keywords"]
    autocomplete_fields = ["category"]
    actions = ["publish", "withdraw"]

    @admin.action(description=_("发布所选服务"))
    def publish(self, request, queryset):
        set_published(queryset, True)

    @admin.action(description=_("停止发布所选服务"))
    def withdraw(self, request, queryset):
        set_published(queryset, False)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        forget()


@admin.register(ServiceRequest)
class ServiceRequestAdmin(admin.ModelAdmin):
    """Read only: a record of how a case came in, written by the Open311 endpoint alone."""

    list_display = ["case", "application", "created_at"]
    list_filter = ["application"]
    search_fields = ["case__number", "token"]
    readonly_fields = ["case", "application", "token", "media_url", "account_id", "device_id", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
