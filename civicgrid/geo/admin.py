from django.contrib import admin

from .models import Area, Boundary, Generation, Precinct


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "unit_kind", "households")
    list_filter = ("level", "unit_kind")
    search_fields = ("code", "name")
    raw_id_fields = ("parent",)


@admin.register(Precinct)
class PrecinctAdmin(admin.ModelAdmin):
    list_display = ("name", "township")
    raw_id_fields = ("township",)
    filter_horizontal = ("communities",)


@admin.register(Generation)
class GenerationAdmin(admin.ModelAdmin):
    list_display = ("id", "created_at", "note")


@admin.register(Boundary)
class BoundaryAdmin(admin.ModelAdmin):
    list_display = ("area", "valid_from", "replaced_in")
    raw_id_fields = ("area",)
    exclude = ("wkb",)
