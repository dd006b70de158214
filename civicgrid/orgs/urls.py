from django.contrib.auth import views as auth_views
from django.urls import path

from civicgrid.core.forms import LoginForm

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("tasks/", views.tasks, name="tasks"),
    path("login/", auth_views.LoginView.as_view(template_name="orgs/login.html", authentication_form=LoginForm), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
