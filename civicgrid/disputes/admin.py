"""Administrators keep the committees (调解组织) and the mediator pool (调解员库); disputes themselves change
only through their steps, so they are not edited here."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import choices as c
from .models import Committee, Mediator


class ScopedAdmin(admin.ModelAdmin):
    """An administrator sees the committees and mediators of their own scope."""

    def get_queryset(self, request):
        return super().get_queryset(request).restrict(request.user)


@admin.register(Committee)
class CommitteeAdmin(ScopedAdmin):
    list_display = ("name", "kind", "area", "abbreviation", "active")
    list_filter = ("kind", "active")
    search_fields = ("name", "abbreviation", "area__name")
    autocomplete_fields = ("area",)


class MediatorForm(forms.ModelForm):
    specialities = forms.MultipleChoiceField(label=_("专长"), choices=c.Speciality.choices, required=False,
                                             widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Mediator
        fields = ["name", "committee", "staff", "kind", "elder_background", "specialities", "phone", "active"]


@admin.register(Mediator)
class MediatorAdmin(ScopedAdmin):
    form = MediatorForm
    list_display = ("name", "committee", "kind", "active")
    list_filter = ("kind", "active")
    search_fields = ("name", "committee__name")
    autocomplete_fields = ("committee", "staff")
