from django.urls import path

from . import views_screen

app_name = "dashboards"
urlpatterns = [
    path("screen/", views_screen.screen_index, name="screen_index"),
    path("screen/<str:code>/", views_screen.screen_page, name="screen"),
    path("screen/<str:code>/refresh/", views_screen.screen_refresh, name="screen_refresh"),
]
