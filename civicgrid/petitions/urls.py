from django.urls import path

from civicgrid.cases import converters  # noqa: F401  (registers <case:…>)

from . import views

app_name = "petitions"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("<case:number>/", views.detail, name="detail"),
]
