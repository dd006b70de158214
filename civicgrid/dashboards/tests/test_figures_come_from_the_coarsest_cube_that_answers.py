from datetime import date, timedelta

import pytest
from django.utils import timezone

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.cases.workflow import InvalidInput
from civicgrid.dashboards.figures import AREA, Period, Summary, Where, pick, sums
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


def test_a_period_ending_before_it_starts_or_starting_tomorrow_is_refused():
    today = timezone.localdate()
    with pytest.raises(InvalidInput):
        Period(today, today - timedelta(days=1))
    with pytest.raises(InvalidInput):
        Period(today + timedelta(days=1), today + timedelta(days=2))


def test_the_same_month_a_year_before_is_a_whole_month():
    assert Period(date(2026, 2, 1), date(2026, 2, 28)).shifted(12) == Period(date(2025, 2, 1), date(2025, 2, 28))
    assert Period(date(2026, 3, 1), date(2026, 3, 31)).shifted(1) == Period(date(2026, 2, 1), date(2026, 2, 28))


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
