from django.contrib import admin
from django.urls import include, path

from civicgrid.api.api import api

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("civicgrid.core.urls")),
    path("api/v1/", api.urls),
    path("api/", include("civicgrid.api.urls")),
    path("open311/v2/", include("civicgrid.open311.urls")),
    path("", include("civicgrid.orgs.urls")),
    path("areas/", include("civicgrid.geo.urls")),
    path("cases/", include("civicgrid.cases.urls")),
    path("notices/", include("civicgrid.notifications.urls")),
    path("disputes/", include("civicgrid.disputes.urls")),
    path("hazards/", include("civicgrid.hazards.urls")),
    path("petitions/", include("civicgrid.petitions.urls")),
    path("campaigns/", include("civicgrid.campaigns.urls")),
    path("households/", include("civicgrid.households.urls")),
    path("patrols/", include("civicgrid.patrols.urls")),
    path("care/", include("civicgrid.care.urls")),
    path("dashboard/", include("civicgrid.dashboards.urls")),
    path("reports/", include("civicgrid.reports.urls")),
    path("", include("civicgrid.cases.public_urls")),
]

handler404 = "civicgrid.core.views.not_found"
