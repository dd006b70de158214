"""The administrator marks a township staff member's role as the township's programme officer (关爱帮扶专干).
Support records are not in the admin at all: they open only on their own pages, to those who need to know
them, and each opening is logged there."""

from django.contrib import admin

from .models import ProgrammeOfficer


@admin.register(ProgrammeOfficer)
class ProgrammeOfficerAdmin(admin.ModelAdmin):
    list_display = ("assignment", "designated_at")
    raw_id_fields = ("assignment",)
    search_fields = ("assignment__staff__username", "assignment__staff__display_name", "^assignment__area__code")

    def get_queryset(self, request):
        """An administrator sees the officers of the townships in their scope."""
        return super().get_queryset(request).select_related("assignment__staff", "assignment__area").restrict(
            request.user)
