from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from . import logins
from .choices import Action, CalendarSource
from .forms import AdminLoginForm
from .models import AccessLog, CalendarDay, LoginLockout, WorkingHours

# The admin's own sign-in is throttled like the staff login page.
admin.site.login_form = AdminLoginForm

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


class InForceFilter(admin.SimpleListFilter):
    title = _("状态")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("locked", _("锁定中")), ("over", _("已结束"))]

    def queryset(self, request, queryset):
        in_force = logins.active()
        if self.value() == "locked":
            return queryset.filter(pk__in=in_force)
        if self.value() == "over":
            return queryset.exclude(pk__in=in_force)
        return queryset


@admin.register(LoginLockout)
class LoginLockoutAdmin(admin.ModelAdmin):
    """Who is locked out of signing in, and why; the one action is 解锁. Lockouts are written by the sign-in
    forms only, and kept after they end (when, how many failures, who lifted it)."""

    list_display = ("value", "kind", "failures", "last_address", "locked_at", "until", "state", "lifted_by")
    list_filter = (InForceFilter, "kind")
    list_select_related = ("lifted_by",)
    search_fields = ("value", "last_address")
    fields = ("kind", "value", "failures", "last_address", "locked_at", "until", "lifted_at", "lifted_by")
    readonly_fields = fields
    actions = ["lift"]

    @admin.display(description=_("状态"))
    def state(self, lockout: LoginLockout) -> str:
        if lockout.lifted_at:
            return _("已解锁")
        return _("锁定中") if lockout.until > timezone.now() else _("已到期")

    @admin.action(description=_("解锁所选账号或地址"), permissions=["lift"])
    def lift(self, request, queryset):
        count = logins.lift(queryset, request.user)
        self.message_user(request, ngettext("已解锁 %(count)d 项，可以立即重新登录。", "已解锁 %(count)d 项，可以立即重新登录。",
                                            count) % {"count": count})

    def has_lift_permission(self, request) -> bool:
        return request.user.has_perm("core.change_loginlockout")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
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
