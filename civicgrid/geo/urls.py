from django.urls import path

from . import views

app_name = "geo"
urlpatterns = [
    path("", views.area_index, name="index"),
    path("<str:code>/", views.area_detail, name="area"),
    path("<str:code>/tree/", views.area_tree, name="area_tree"),
    path("<str:code>/map.geojson", views.area_geojson, name="area_geojson"),
]
