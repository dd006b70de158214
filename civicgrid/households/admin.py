from django.contrib import admin

from .models import VisitPeriod


@admin.register(VisitPeriod)
class VisitPeriodAdmin(admin.ModelAdmin):
    """The administrator sets how often each head visits (走访周期); a role without a row keeps the default."""

    list_display = ("role", "days")
    list_editable = ("days",)
