"""Inputs must be aware datetimes; results come back in Asia/Shanghai whatever zone came in."""

import datetime

import pytest

from civicgrid.core import calendar

from .clock import SHANGHAI, at

pytestmark = pytest.mark.django_db


def test_an_instant_given_in_utc_is_reckoned_in_beijing_time():
    received = datetime.datetime(2025, 3, 10, 1, 0, tzinfo=datetime.UTC)  # 09:00 in Beijing
    due = calendar.add(received, 1, "work_hours")
    assert due == at("2025-03-10 10:00")
    assert due.tzinfo == SHANGHAI


def test_a_utc_instant_late_on_friday_is_a_beijing_saturday():
    assert not calendar.is_workday(datetime.datetime(2025, 3, 14, 17, 0, tzinfo=datetime.UTC))


def test_a_naive_datetime_is_refused():
    with pytest.raises(ValueError, match="aware"):
        calendar.add(datetime.datetime(2025, 3, 10, 9, 0), 1, "work_hours")


def test_a_negative_or_fractional_day_limit_is_refused():
    with pytest.raises(ValueError):
        calendar.add(at("2025-03-10 09:00"), -1, "work_hours")
    with pytest.raises(ValueError):
        calendar.add(at("2025-03-10 09:00"), 1.5, "work_days")


def test_an_unknown_unit_is_refused():
    with pytest.raises(ValueError):
        calendar.add(at("2025-03-10 09:00"), 1, "fortnights")
