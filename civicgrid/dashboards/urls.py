from django.urls import path, re_path

from . import views, views_screen

app_name = "dashboards"
# Area codes are digits only, so the patterns other pages of the app add (the screen's) never read as one.
urlpatterns = [
    path("", views.dashboard, name="index"),
    re_path(r"^(?P<code>\d{2,21})/$", views.dashboard, name="area"),
    re_path(r"^(?P<code>\d{2,21})/export/(?P<chart>[-\w]+)\.xlsx$", views.export, name="export"),
    path("screen/", views_screen.screen_index, name="screen_index"),
    path("screen/<str:code>/", views_screen.screen_page, name="screen"),
    path("screen/<str:code>/refresh/", views_screen.screen_refresh, name="screen_refresh"),
]
