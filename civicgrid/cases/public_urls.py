"""Residents' pages, mounted at the site root: no login, CSRF on every form."""

from django.urls import path

from . import converters  # noqa: F401  (registers <case:…>)
from .views import public

app_name = "public"
urlpatterns = [
    path("report/", public.report, name="report"),
    path("report/done/<case:number>/", public.report_done, name="done"),
    path("report/categories/", public.categories, name="categories"),
    path("report/fields/", public.category_fields, name="category_fields"),
    path("report/outlines/", public.outlines, name="outlines"),
    path("track/", public.track, name="track"),
    path("track/<case:number>/", public.tracked, name="case"),
    path("track/<case:number>/callback/", public.callback, name="callback"),
    path("track/<case:number>/files/<int:pk>/", public.photo, name="photo"),
]
