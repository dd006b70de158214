from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Centre, Department, RoleAssignment, Staff


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    raw_id_fields = ("area", "precinct", "department")
    extra = 0


@admin.register(Staff)
class StaffAdmin(UserAdmin):
    list_display = ("username", "display_name", "is_active")
    fieldsets = UserAdmin.fieldsets + ((None, {"fields": ("display_name", "phone")}),)
    inlines = [RoleAssignmentInline]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "area")
    search_fields = ("code", "name")
    raw_id_fields = ("area",)
    filter_horizontal = ("served_areas",)


@admin.register(Centre)
class CentreAdmin(admin.ModelAdmin):
    list_display = ("name", "area")
    raw_id_fields = ("area",)
