from django.urls import path, re_path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("ask/", views.ask, name="ask"),
    path("<int:pk>/again/", views.again, name="again"),
    path("<int:pk>/progress/", views.report_progress, name="progress"),
    re_path(r"^(?P<pk>[0-9]+)/(?P<extension>xlsx|pdf)/$", views.download, name="download"),
    path("brief/", views.brief, name="brief"),
    path("rebuild/", views.rebuild, name="rebuild"),
    path("rebuild/<int:pk>/progress/", views.rebuild_progress, name="rebuild_progress"),
]
