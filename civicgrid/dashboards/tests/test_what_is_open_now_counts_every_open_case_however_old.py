"""What is open now (the screen's 在办 and 超期在办) counts every case still open inside the area, whenever it
was filed, read from the tally rows of the open states only."""

from django.utils import timezone

from civicgrid.cases.choices import OPEN_STATUSES
from civicgrid.cases.models import Case
from civicgrid.dashboards import screen
from civicgrid.dashboards.figures import Where, open_now

CITY, TOWNSHIP_A = "610802", "610802001"


def counted(prefix: str) -> dict:
    inside = Case.objects.filter(area_code__startswith=prefix, status__in=OPEN_STATUSES)
    return {"open": inside.count(), "overdue": inside.filter(overdue=True).count()}


def test_open_and_overdue_now_equal_the_open_cases_of_every_year(city):
    assert Case.objects.filter(status__in=OPEN_STATUSES, reported_at__year__lt=timezone.localdate().year).exists()
    for prefix in (CITY, TOWNSHIP_A):
        assert open_now(Where(prefix)) == counted(prefix)
    assert counted(CITY)["overdue"] > 0 and counted(CITY)["open"] < Case.objects.count()


def test_the_screen_shows_what_is_open_now(city):
    figures = screen.refresh(Where(CITY, child_length=9))["figures"]
    assert (figures["open"], figures["overdue"]) == tuple(counted(CITY).values())
