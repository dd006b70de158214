from django.urls import path

from . import views
from .api import api

app_name = "api"
urlpatterns = [
    path("v1/", api.urls),
    path("tokens/", views.token_list, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.revoke_token, name="revoke_token"),
]
