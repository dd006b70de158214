"""Working hours count only 08:30–12:00 and 14:00–18:00 of a workday (the defaults, with no WorkingHours rows).

The week of Monday 10 March 2025 has no holidays.
"""

import pytest

from civicgrid.core import calendar

from .clock import at

pytestmark = pytest.mark.django_db


def test_the_lunch_break_does_not_count():
    assert calendar.add(at("2025-03-10 11:00"), 2, "work_hours") == at("2025-03-10 15:00")


def test_the_night_does_not_count():
    assert calendar.add(at("2025-03-10 17:00"), 2, "work_hours") == at("2025-03-11 09:30")


def test_a_request_received_at_lunch_starts_at_two():
    assert calendar.add(at("2025-03-10 12:30"), 1, "work_hours") == at("2025-03-10 15:00")


def test_a_request_received_at_night_starts_next_morning():
    assert calendar.add(at("2025-03-10 20:00"), 1, "work_hours") == at("2025-03-11 09:30")


def test_a_limit_that_runs_out_at_closing_time_is_due_at_closing_time():
    assert calendar.add(at("2025-03-10 16:00"), 2, "work_hours") == at("2025-03-10 18:00")


def test_half_an_hour_straddles_lunch():
    assert calendar.add(at("2025-03-10 11:45"), 0.5, "work_hours") == at("2025-03-10 14:15")


def test_elapsed_working_hours_leave_out_lunch_and_night():
    assert calendar.elapsed(at("2025-03-10 11:00"), at("2025-03-11 09:30"), "work_hours") == 6.0


def test_a_full_working_day_is_seven_and_a_half_hours():
    assert calendar.elapsed(at("2025-03-10 08:30"), at("2025-03-10 18:00"), "work_days") == 1.0
    assert calendar.elapsed(at("2025-03-10 00:00"), at("2025-03-11 00:00"), "work_hours") == 7.5
