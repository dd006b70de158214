"""Saturday and Sunday are rest days by default (the week of 10 March 2025 has no holidays)."""

import datetime

import pytest

from civicgrid.core import calendar

from .clock import at

pytestmark = pytest.mark.django_db


def test_the_weekend_is_not_a_workday():
    assert calendar.is_workday(datetime.date(2025, 3, 14))
    assert not calendar.is_workday(datetime.date(2025, 3, 15))
    assert not calendar.is_workday(datetime.date(2025, 3, 16))


def test_working_hours_resume_on_monday_morning():
    assert calendar.add(at("2025-03-14 17:00"), 4, "work_hours") == at("2025-03-17 11:30")


def test_friday_morning_plus_three_working_days_is_due_wednesday_evening():
    """The day of receipt does not count: Monday, Tuesday, Wednesday."""
    assert calendar.add(at("2025-03-14 10:00"), 3, "work_days") == at("2025-03-19 18:00")


def test_friday_night_plus_three_working_days_is_due_thursday_evening():
    """Received after hours, the request counts as received on Monday morning."""
    assert calendar.add(at("2025-03-14 19:00"), 3, "work_days") == at("2025-03-20 18:00")


def test_a_saturday_request_counts_from_monday():
    assert calendar.add(at("2025-03-15 10:00"), 1, "work_days") == at("2025-03-18 18:00")


def test_zero_working_days_means_by_the_end_of_the_day_of_receipt():
    assert calendar.add(at("2025-03-14 10:00"), 0, "work_days") == at("2025-03-14 18:00")


def test_the_weekend_adds_no_elapsed_working_time():
    assert calendar.elapsed(at("2025-03-14 17:00"), at("2025-03-17 09:30"), "work_hours") == 2.0


def test_a_request_received_at_closing_time_counts_as_after_hours():
    assert calendar.add(at("2025-03-14 18:00"), 3, "work_days") == at("2025-03-20 18:00")
