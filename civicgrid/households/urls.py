from django.urls import path

from . import views

app_name = "households"
urlpatterns = [
    path("", views.index, name="index"),
    path("area/<str:code>/", views.area, name="area"),
    path("area/<str:code>/new/", views.new_household, name="new"),
    path("area/<str:code>/visit/", views.visit_unit, name="visit_unit"),
    path("<int:pk>/", views.household, name="household"),
    path("<int:pk>/visit/", views.visit_household, name="visit"),
    path("<int:pk>/reveal/", views.reveal, name="reveal"),
]
