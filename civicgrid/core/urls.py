from django.urls import path

from . import views

urlpatterns = [
    path("healthz", views.health, name="health"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("audit/access/", views.access_log, name="access_log"),
    path("audit/access/export.csv", views.access_log_csv, name="access_log_csv"),
]
