"""Administrators keep the area tree, precincts and boundaries.

Every field that points at an area (66,390 of them with the demo's divisions) is an autocomplete searching
by code prefix or name, never a select or a picker listing the whole table.
"""

from django.contrib import admin

from .models import Area, Boundary, Generation, Precinct


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "unit_kind", "households")
    list_filter = ("level", "unit_kind")
    search_fields = ("^code", "name")
    autocomplete_fields = ("parent",)


@admin.register(Precinct)
class PrecinctAdmin(admin.ModelAdmin):
    list_display = ("name", "township")
    search_fields = ("name", "township__name", "^township__code")
    autocomplete_fields = ("township", "communities")


@admin.register(Generation)
class GenerationAdmin(admin.ModelAdmin):
    list_display = ("id", "created_at", "note")


@admin.register(Boundary)
class BoundaryAdmin(admin.ModelAdmin):
    list_display = ("area", "valid_from", "replaced_in")
    autocomplete_fields = ("area",)
    exclude = ("wkb",)
