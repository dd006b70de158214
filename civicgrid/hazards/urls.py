from django.urls import path

from . import views

app_name = "hazards"
urlpatterns = [
    path("", views.index, name="index"),
    path("register/<str:code>/", views.register_page, name="register"),
    path("register/<str:code>/export/", views.export, name="export"),
]
