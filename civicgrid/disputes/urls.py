from django.urls import path

from civicgrid.cases import converters  # noqa: F401  (registers <case:…>)

from . import rhythm_views, views

app_name = "disputes"
urlpatterns = [
    path("", views.dispute_list, name="list"),
    path("mediators/", views.pool, name="pool"),
    path("<case:number>/agreement.pdf", views.agreement_pdf, name="agreement"),
    path("<case:number>/parties/<int:pk>/", views.party, name="party"),
    # The rhythm's pages (日排查、周化解、月研判、季通报), the grids' 零报告 and the 群众说事日.
    path("daily/", rhythm_views.index, {"page": "daily"}, name="daily_index"),
    path("daily/<str:code>/", rhythm_views.daily, name="daily"),
    path("daily/<str:code>/zero-report/", rhythm_views.zero_report, name="zero_report"),
    path("weekly/", rhythm_views.index, {"page": "weekly"}, name="weekly_index"),
    path("weekly/<str:code>/", rhythm_views.weekly, name="weekly"),
    path("monthly/", rhythm_views.index, {"page": "monthly"}, name="monthly_index"),
    path("monthly/<str:code>/", rhythm_views.monthly, name="monthly"),
    path("quarterly/", rhythm_views.index, {"page": "quarterly"}, name="quarterly_index"),
    path("quarterly/<str:code>/", rhythm_views.quarterly, name="quarterly"),
    path("talk-days/", rhythm_views.talk_days, name="talk_days"),
    path("talk-days/<int:pk>/", rhythm_views.talk_day, name="talk_day"),
]
