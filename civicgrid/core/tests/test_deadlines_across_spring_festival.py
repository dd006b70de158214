"""The 2026 Spring Festival, as chinese-calendar publishes it: 15–23 February off,
Saturdays 14 and 28 February worked in lieu (调休上班)."""

import datetime
import io

import chinese_calendar
import pytest
from django.core.management import call_command

from civicgrid.core import calendar

from .clock import at


@pytest.fixture(autouse=True)
def seeded_2026(db):
    call_command("seed_calendar", "2026", stdout=io.StringIO())


def days(first: datetime.date, count: int) -> list[datetime.date]:
    return [first + datetime.timedelta(days=n) for n in range(count)]


def test_the_package_has_the_schedule_these_tests_assume():
    assert chinese_calendar.is_workday(datetime.date(2026, 2, 14))
    assert chinese_calendar.is_workday(datetime.date(2026, 2, 28))
    assert not any(chinese_calendar.is_workday(day) for day in days(datetime.date(2026, 2, 15), 9))
    assert chinese_calendar.is_workday(datetime.date(2026, 2, 24))


def test_the_calendar_agrees_with_the_package_day_by_day():
    for day in days(datetime.date(2026, 1, 1), 365):
        assert calendar.is_workday(day) == chinese_calendar.is_workday(day), day


def test_three_working_days_from_the_eve_land_after_the_holiday():
    """Received Friday 13th: day 1 is make-up Saturday 14th, days 2 and 3 are Tuesday 24th and Wednesday 25th."""
    assert calendar.add(at("2026-02-13 10:00"), 3, "work_days") == at("2026-02-25 18:00")


def test_working_hours_run_through_the_make_up_saturday_then_wait_for_the_holiday_to_end():
    assert calendar.add(at("2026-02-13 17:00"), 9.5, "work_hours") == at("2026-02-24 09:30")


def test_the_make_up_saturday_after_the_holiday_is_a_working_day():
    assert calendar.add(at("2026-02-26 10:00"), 2, "work_days") == at("2026-02-28 18:00")


def test_a_request_received_on_a_make_up_saturday_counts_from_that_day():
    assert calendar.add(at("2026-02-28 10:00"), 1, "work_days") == at("2026-03-02 18:00")


def test_a_request_received_during_the_holiday_counts_from_the_first_day_back():
    assert calendar.add(at("2026-02-18 10:00"), 1, "work_days") == at("2026-02-25 18:00")


def test_the_holiday_adds_no_elapsed_working_time():
    """Friday 17–18 (1 h), all of Saturday 14th (7.5 h), Tuesday 24th 08:30–09:30 (1 h)."""
    assert calendar.elapsed(at("2026-02-13 17:00"), at("2026-02-24 09:30"), "work_hours") == 9.5
