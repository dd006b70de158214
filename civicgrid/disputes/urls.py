from django.urls import path

from civicgrid.cases import converters  # noqa: F401  (registers <case:…>)

from . import views

app_name = "disputes"
urlpatterns = [
    path("", views.dispute_list, name="list"),
    path("mediators/", views.pool, name="pool"),
    path("<case:number>/agreement.pdf", views.agreement_pdf, name="agreement"),
    path("<case:number>/parties/<int:pk>/", views.party, name="party"),
]
