"""Administrators keep staff, their roles, departments and centres. Fields pointing at areas, precincts and
departments are autocompletes: a select of every area was 5.9 MB of HTML on the demo city."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Centre, Department, RoleAssignment, Staff


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    autocomplete_fields = ("area", "precinct", "department")
    extra = 0


@admin.register(Staff)
class StaffAdmin(UserAdmin):
    list_display = ("username", "display_name", "is_active")
    search_fields = ("username", "display_name", "first_name", "last_name", "email")
    fieldsets = UserAdmin.fieldsets + ((None, {"fields": ("display_name", "phone")}),)
    inlines = [RoleAssignmentInline]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "area")
    search_fields = ("code", "name")
    autocomplete_fields = ("area", "served_areas")


@admin.register(Centre)
class CentreAdmin(admin.ModelAdmin):
    list_display = ("name", "area")
    search_fields = ("name", "^area__code")
    autocomplete_fields = ("area",)
