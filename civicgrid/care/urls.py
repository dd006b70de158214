from django.urls import path

from . import views

app_name = "care"
urlpatterns = [
    path("", views.caseload, name="list"),
    path("new/", views.enrol, name="enrol"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/visit/", views.visit, name="visit"),
    path("<int:pk>/leave/", views.leave, name="leave"),
    path("<int:pk>/reveal/", views.reveal, name="reveal"),
    path("figures/", views.figures_index, name="figures_index"),
    path("figures/<str:code>/", views.figures, name="figures"),
]
