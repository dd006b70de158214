"""Today's and this month's figures on the screen are the tally's (``figures.sums``), with rates that have
nothing to divide by shown as “—”, never 0 %; the trend has one value for each of the last 30 days."""

from django.utils import timezone

from civicgrid.cases.intake import file_case
from civicgrid.dashboards import screen
from civicgrid.dashboards.figures import Period, Summary, Where, sums
from civicgrid.testing import factories

TOWNSHIP = Where("610802001", child_length=12)


def test_with_no_case_every_count_is_nought_and_every_rate_a_dash(yulin):
    figures = screen.refresh(TOWNSHIP)["figures"]
    assert figures["today"] == {"cases": 0, "open": 0, "overdue": 0, "resolved": 0, "resolution_rate": "—",
                                "on_time_rate": "—", "satisfaction_rate": "—", "average_hours": "—"}
    assert figures["overdue_share"] == "—"
    assert figures["trend"]["cases"] == [0] * 30 and len(figures["trend"]["days"]) == 30


def test_the_figures_are_what_the_tally_sums(yulin, street_litter):
    for _ in range(3):
        file_case(factories.report(street_litter))
    today = timezone.localdate()
    month = Summary.of(sums(TOWNSHIP, Period(today.replace(day=1), today), by=["status"]))
    figures = screen.refresh(TOWNSHIP)["figures"]
    assert figures["month"]["cases"] == month.cases == 3
    assert figures["today"]["open"] == 3 and figures["today"]["resolution_rate"] == "0%"
    assert figures["trend"]["cases"][-1] == 3 and figures["trend"]["days"][-1] == today.strftime("%m-%d")
