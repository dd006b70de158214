"""The admin: campaigns are read and their history kept; they are created on the staff pages, where
``services.create`` checks who may."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Campaign, Target


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    fields = ("area", "target")
    readonly_fields = ("area", "target")
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Campaign)
class CampaignAdmin(SimpleHistoryAdmin):
    list_display = ("name", "area", "starts_on", "ends_on", "created_by")
    search_fields = ("name",)
    readonly_fields = ("name", "area", "starts_on", "ends_on", "kinds", "categories", "created_by", "created_at")
    inlines = [TargetInline]

    def get_queryset(self, request):
        return super().get_queryset(request).restrict(request.user)

    def has_add_permission(self, request):
        return False
