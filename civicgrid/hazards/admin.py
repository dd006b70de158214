"""The admin: administrators edit the hazard fields (领域); hazards are read there, changed only by their steps."""

from django.contrib import admin

from .models import Check, Grading, Hazard, HazardField


@admin.register(HazardField)
class HazardFieldAdmin(admin.ModelAdmin):
    list_display = ("name", "order", "active")
    list_editable = ("order", "active")
    search_fields = ("name",)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class GradingInline(ReadOnlyInline):
    model = Grading
    fields = ("grade", "previous", "reason", "graded_by", "graded_at")


class CheckInline(ReadOnlyInline):
    model = Check
    fields = ("kind", "findings", "checked_by", "checked_at")


@admin.register(Hazard)
class HazardAdmin(admin.ModelAdmin):
    """Read only: a hazard changes through its case's steps, which keep the timeline and the history."""

    list_display = ("case", "field", "grade", "place", "due_at", "verified_at", "closed_at")
    list_filter = ("grade", "field")
    search_fields = ("case__number", "place", "responsible_unit")
    exclude = ("responsible_phone",)
    inlines = [GradingInline, CheckInline]

    def get_queryset(self, request):
        return super().get_queryset(request).restrict(request.user).select_related("case", "field")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
