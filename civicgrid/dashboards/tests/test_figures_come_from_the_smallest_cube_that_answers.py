from datetime import timedelta

from django.utils import timezone

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.dashboards.figures import AREA, PERIOD, Period, Summary, Where, pick, sums
from civicgrid.testing import factories


def test_the_smallest_cube_that_keeps_what_is_asked_answers():
    today = timezone.localdate()
    month = Period(today.replace(day=1), today)
    assert pick({"status"}, 6, month).code == "month_county"
    assert pick({"status", "facet"}, 4, month).code == "month_county"
    assert pick({"category", "status"}, 6, month).code == "month_category"
    assert pick({"status", "channel"}, 9, month).code == "month"
    assert pick({"category"}, 9, month).code == "day"
    assert pick(set(), 15, month).code == "month_grid"
    assert pick({"kind"}, 6, month).code == "day_county"
    assert pick({"status"}, 6, Period(today - timedelta(days=6), today)).code == "day"
    assert pick({"status"}, 6, month, daily=True).code == "day"


def test_a_daily_question_over_whole_months_is_answered_day_by_day(yulin, street_litter):
    today = timezone.localdate()
    file_case(factories.report(street_litter))
    month = Period(today.replace(day=1), today)
    by = ["status", PERIOD]
    assert [row["period"] for row in sums(Where("6108"), month, by=by)] == [today.replace(day=1)]
    assert [row["period"] for row in sums(Where("6108"), month, by=by, daily=True)] == [today]


def test_a_rate_with_nothing_to_divide_by_is_none_not_nought():
    summary = Summary.of([])
    assert summary.resolution_rate is None and summary.satisfaction_rate is None and summary.on_time_rate is None


def test_sums_count_the_cases_of_the_area_by_state_and_by_child_area(yulin, street_litter, intake_clerk):
    cases = [file_case(factories.report(street_litter)) for _ in range(3)]
    transition(cases[0], "register", intake_clerk)
    today = timezone.localdate()
    period = Period(today.replace(day=1), today)
    summary = Summary.of(sums(Where("6108"), period, by=["status"]))
    assert (summary.cases, summary.open, summary.resolution_rate) == (3, 3, 0.0)
    by_area = sums(Where("6108", child_length=9), period, by=[AREA])
    assert [(row["area"], row["cases"]) for row in by_area] == [("610802001", 3)]
    assert sums(Where("6109"), period, by=["status"]) == []
