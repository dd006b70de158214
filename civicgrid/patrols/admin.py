from django.contrib import admin

from . import circles
from .models import PostSpeed


@admin.register(PostSpeed)
class PostSpeedAdmin(admin.ModelAdmin):
    """The administrator sets each kind of post's speed here; the circles are measured again on saving."""

    list_display = ("kind", "speed_kmh", "updated_at")
    readonly_fields = ("updated_at",)

    def has_delete_permission(self, request, obj=None):
        return False  # a kind without a row falls back to its default silently: change the speed instead

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        circles.refresh()
