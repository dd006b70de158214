from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from .choices import CalendarSource
from .models import CalendarDay, WorkingHours

WEEKDAYS = (_("星期一"), _("星期二"), _("星期三"), _("星期四"), _("星期五"), _("星期六"), _("星期日"))

admin.site.site_header = _("civicgrid 后台管理")
admin.site.site_title = _("civicgrid 后台管理")
admin.site.index_title = _("系统管理")


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


admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin):
    """后台任务 as the package shows them, with the columns it names in plain English strings translated."""

    list_display = ("id", "task", "status", "enqueued_at", "started_at", "finished_at", "priority", "queue_name")

    @admin.display(description=_("任务"))
    def task(self, result: DBTaskResult) -> str:
        return result.task_name

    @admin.display(description=_("错误堆栈"))
    def formatted_traceback(self, result: DBTaskResult) -> str:
        return super().formatted_traceback(result)

    @admin.display(description=_("最早执行时间"))
    def display_run_after(self, result: DBTaskResult):
        return super().display_run_after(result)
