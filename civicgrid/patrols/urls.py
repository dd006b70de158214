from django.urls import path

from . import views, views_circles

app_name = "patrols"
urlpatterns = [
    path("", views.index, name="index"),
    path("today/<str:code>/", views.today, name="today"),
    path("mine/", views.mine, name="mine"),
    path("shifts/<int:pk>/", views.shift_detail, name="shift"),
    path("shifts/<int:pk>/check-in/", views.check_in, name="check_in"),
    path("shifts/<int:pk>/route/", views.route_start, name="route_start"),
    path("shifts/<int:pk>/incident/", views.incident, name="incident"),
    path("routes/<int:pk>/", views.route_detail, name="route"),
    path("routes/<int:pk>/stop/", views.route_stop, name="route_stop"),
    path("points/<int:pk>/qr.svg", views.point_qr, name="point_qr"),
    path("scan/<str:token>/", views.scan, name="scan"),
    path("circles/", views_circles.index, name="circles_index"),
    path("circles/<str:code>/", views_circles.circles_page, name="circles"),
    path("circles/<str:code>/map.json", views_circles.circles_map, name="circles_map"),
    path("circles/<str:code>/try/", views_circles.try_post, name="circles_try"),
    path("circles/<str:code>/posts/", views_circles.add_post, name="post_add"),
    path("posts/<int:pk>/remove/", views_circles.remove_post, name="post_remove"),
]
