from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .choices import Action, CalendarSource
from .models import AccessLog, CalendarDay, WorkingHours

WEEKDAYS = (_("星期一"), _("星期二"), _("星期三"), _("星期四"), _("星期五"), _("星期六"), _("星期日"))


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ("date", "weekday", "is_workday", "name", "source")
    list_filter = ("is_workday", "source")
    date_hierarchy = "date"
    search_fields = ("name",)
    readonly_fields = ("source", "updated_at")

    @admin.display(description=_("星期"))
    def weekday(self, day: CalendarDay) -> str:
        return WEEKDAYS[day.date.weekday()]

    def save_model(self, request, obj, form, change):
        # An administrator's word outlasts the next seeding: to cancel a seeded
        # holiday, edit it into a workday rather than deleting it.
        obj.source = CalendarSource.ADMIN
        super().save_model(request, obj, form, change)


@admin.register(WorkingHours)
class WorkingHoursAdmin(admin.ModelAdmin):
    list_display = ("start", "end")
    readonly_fields = ("updated_at",)


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    """访问日志, to read only: nobody adds, changes or deletes an entry here, superusers included."""

    list_display = ("at", "username", "client", "action", "field", "record_key", "reason", "via", "address")
    list_filter = ("action", "field", "via")
    search_fields = ("=record_key", "=username")
    date_hierarchy = "at"
    show_full_result_count = False

    def get_queryset(self, request):
        return super().get_queryset(request).restrict(request.user, Action.AUDIT)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
