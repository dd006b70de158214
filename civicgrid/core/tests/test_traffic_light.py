"""亮灯: green while at most 80 % of the allowed working time is used, yellow up to 100 %, red after.

Received Monday 10 March 2025 08:30 with 10 working hours: due Tuesday 11:00
(7.5 h on Monday, 2.5 h on Tuesday); 80 % (8 h) is reached Tuesday 09:00.
"""

import pytest

from civicgrid.core import calendar

from .clock import at

pytestmark = pytest.mark.django_db

RECEIVED = at("2025-03-10 08:30")


@pytest.fixture
def due():
    due = calendar.add(RECEIVED, 10, "work_hours")
    assert due == at("2025-03-11 11:00")
    return due


@pytest.mark.parametrize(
    ("now", "light"),
    [
        ("2025-03-10 10:00", "green"),
        ("2025-03-10 20:00", "green"),
        ("2025-03-11 09:00", "green"),
        ("2025-03-11 09:01", "yellow"),
        ("2025-03-11 11:00", "yellow"),
        ("2025-03-11 11:01", "red"),
    ],
)
def test_light_by_share_of_working_time_used(due, now, light):
    assert calendar.traffic_light(RECEIVED, due, at(now)) == light


def test_a_case_due_at_closing_time_is_red_that_evening():
    """One working day from Monday morning is due Tuesday 18:00; no working time passes after it, yet it is late."""
    due = calendar.add(RECEIVED, 1, "work_days")
    assert due == at("2025-03-11 18:00")
    assert calendar.traffic_light(RECEIVED, due, at("2025-03-11 18:00")) == "yellow"
    assert calendar.traffic_light(RECEIVED, due, at("2025-03-11 20:00")) == "red"


def test_working_days_turn_yellow_at_eighty_percent_of_their_working_hours():
    """15 working hours allowed; 12 h (80 %) are used at Tuesday 15:00."""
    due = calendar.add(RECEIVED, 1, "work_days")
    assert calendar.traffic_light(RECEIVED, due, at("2025-03-11 15:00")) == "green"
    assert calendar.traffic_light(RECEIVED, due, at("2025-03-11 15:30")) == "yellow"


def test_natural_day_limits_can_count_every_hour():
    """10 natural days from Monday 10:00; 80 % is 8 days later, Tuesday 18 March 10:00."""
    received = at("2025-03-10 10:00")
    due = calendar.add(received, 10, "natural_days")
    light = calendar.traffic_light(received, due, at("2025-03-18 10:00"), unit="natural_days")
    assert light == "green"
    assert calendar.traffic_light(received, due, at("2025-03-18 10:01"), unit="natural_days") == "yellow"
