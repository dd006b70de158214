from django.urls import path

from . import views_circles

app_name = "patrols"
urlpatterns = [
    path("circles/", views_circles.index, name="circles_index"),
    path("circles/<str:code>/", views_circles.circles_page, name="circles"),
    path("circles/<str:code>/map.json", views_circles.circles_map, name="circles_map"),
    path("circles/<str:code>/try/", views_circles.try_post, name="circles_try"),
    path("circles/<str:code>/posts/", views_circles.add_post, name="post_add"),
    path("posts/<int:pk>/remove/", views_circles.remove_post, name="post_remove"),
]
