"""挂账: while a case is suspended its clock stops (the week of 10 March 2025 has no holidays)."""

import pytest

from civicgrid.core import calendar

from .clock import at

pytestmark = pytest.mark.django_db

RECEIVED = at("2025-03-10 09:00")
NOW = at("2025-03-11 16:00")


def test_without_suspension_the_whole_working_time_counts():
    """Monday 09–12 and 14–18, Tuesday 08:30–12 and 14–16."""
    assert calendar.elapsed(RECEIVED, NOW, "work_hours") == 12.5


def test_suspended_working_time_is_subtracted():
    """Suspended Monday 14:00 to Tuesday 14:00: 4 h on Monday and 3.5 h on Tuesday morning do not count."""
    suspended = [(at("2025-03-10 14:00"), at("2025-03-11 14:00"))]
    assert calendar.elapsed(RECEIVED, NOW, "work_hours", excluding=suspended) == 5.0


def test_overlapping_suspensions_are_not_subtracted_twice():
    suspended = [(at("2025-03-10 14:00"), at("2025-03-11 10:00")), (at("2025-03-11 09:00"), at("2025-03-11 14:00"))]
    assert calendar.elapsed(RECEIVED, NOW, "work_hours", excluding=suspended) == 5.0


def test_a_suspension_still_open_runs_to_now():
    suspended = [(at("2025-03-10 14:00"), None)]
    assert calendar.elapsed(RECEIVED, NOW, "work_hours", excluding=suspended) == 3.0


def test_only_the_part_of_a_suspension_inside_the_span_counts():
    suspended = [(at("2025-03-10 08:00"), at("2025-03-10 10:00"))]
    assert calendar.elapsed(RECEIVED, NOW, "work_hours", excluding=suspended) == 11.5


def test_suspension_stops_natural_days_too():
    suspended = [(at("2025-03-11 09:00"), at("2025-03-12 09:00"))]
    assert calendar.elapsed(RECEIVED, at("2025-03-13 09:00"), "natural_days", excluding=suspended) == 2.0


def test_a_suspended_case_stays_green_past_its_original_due_time():
    due = calendar.add(RECEIVED, 8, "work_hours")
    assert due == at("2025-03-11 09:30")
    assert calendar.traffic_light(RECEIVED, due, at("2025-03-11 11:00")) == "red"
    suspended = [(at("2025-03-10 14:00"), at("2025-03-11 14:00"))]
    assert calendar.traffic_light(RECEIVED, due, at("2025-03-11 11:00"), suspended=suspended) == "green"
