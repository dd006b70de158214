"""The admin: administrators lay patrols out (zones drawn as GeoJSON, lines, points, teams, members, shifts) in
their scope; check-ins, routes and findings are read there, never changed by hand."""

import json

import shapely
from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import circles, services
from .models import CheckIn, Incident, Line, Member, Point, PostSpeed, Route, Shift, Team, Zone


class ScopedAdmin(admin.ModelAdmin):
    def get_queryset(self, request):
        return super().get_queryset(request).restrict(request.user)


class OutlineForm(forms.ModelForm):
    """An outline typed or pasted as GeoJSON (a geometry or a Feature), checked as area outlines are."""

    geojson = forms.CharField(label=_("几何（GeoJSON，WGS84）"), widget=forms.Textarea(attrs={"rows": 6}))
    parse = staticmethod(services.parse_polygon)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.wkb:
            self.initial["geojson"] = shapely.to_geojson(self.instance.geometry)

    def clean_geojson(self):
        geometry = self.parse(self.cleaned_data["geojson"])
        self.instance.geometry = geometry
        return self.cleaned_data["geojson"]


class ZoneForm(OutlineForm):
    class Meta:
        model = Zone
        fields = ["area", "name"]


def parse_line(text: str):
    try:
        geometry = shapely.geometry.shape(json.loads(text))
    except (ValueError, TypeError, AttributeError, KeyError, shapely.errors.GEOSException):
        raise forms.ValidationError(_("不是有效的 GeoJSON 线。")) from None
    if geometry.geom_type not in ("LineString", "MultiLineString"):
        raise forms.ValidationError(_("巡逻路线应为 LineString 或 MultiLineString。"))
    return geometry


class LineForm(OutlineForm):
    parse = staticmethod(parse_line)

    class Meta:
        model = Line
        fields = ["zone", "name"]


@admin.register(Zone)
class ZoneAdmin(ScopedAdmin):
    form = ZoneForm
    list_display = ("name", "area", "area_code")
    search_fields = ("name", "area_code")
    autocomplete_fields = ("area",)


@admin.register(Line)
class LineAdmin(ScopedAdmin):
    form = LineForm
    list_display = ("name", "zone")


@admin.register(Point)
class PointAdmin(ScopedAdmin):
    list_display = ("name", "kind", "zone", "longitude", "latitude")
    list_filter = ("kind",)
    search_fields = ("name",)


class MemberInline(admin.TabularInline):
    model = Member
    extra = 1
    autocomplete_fields = ("staff",)


@admin.register(Team)
class TeamAdmin(ScopedAdmin):
    list_display = ("name", "kind", "area")
    list_filter = ("kind",)
    search_fields = ("name",)
    autocomplete_fields = ("area",)
    inlines = [MemberInline]


@admin.register(Shift)
class ShiftAdmin(ScopedAdmin):
    list_display = ("team", "zone", "starts_at", "ends_at")
    list_filter = ("team__kind",)
    filter_horizontal = ("members", "points")
    date_hierarchy = "starts_at"


class ReadOnlyAdmin(ScopedAdmin):
    """Written by the members' own actions; the admin reads them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CheckIn)
class CheckInAdmin(ReadOnlyAdmin):
    list_display = ("point", "member", "method", "at", "distance_m")
    list_filter = ("method",)
    date_hierarchy = "at"


@admin.register(Route)
class RouteAdmin(ReadOnlyAdmin):
    list_display = ("member", "shift", "started_at", "stopped_at")


@admin.register(Incident)
class IncidentAdmin(ReadOnlyAdmin):
    list_display = ("case", "shift", "member", "found_at")


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
