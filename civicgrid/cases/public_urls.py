"""Residents' pages, mounted at the site root: no login, CSRF on every form."""

from django.urls import path

from .views import public

app_name = "public"
urlpatterns = [
    path("report/", public.report, name="report"),
    path("report/done/<str:number>/", public.report_done, name="done"),
    path("report/categories/", public.categories, name="categories"),
    path("report/fields/", public.category_fields, name="category_fields"),
    path("report/outlines/", public.outlines, name="outlines"),
    path("track/", public.track, name="track"),
    path("track/<str:number>/", public.tracked, name="case"),
    path("track/<str:number>/callback/", public.callback, name="callback"),
    path("track/<str:number>/files/<int:pk>/", public.photo, name="photo"),
]
