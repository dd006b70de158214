"""Pauses such as the outbox's are set as a comma list of durations (``1m,5m,1h,1d``); anything else stops
start-up with the variable named."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured

from civicgrid.core.env import env_durations


def test_seconds_minutes_hours_and_days_are_read_in_order(monkeypatch):
    monkeypatch.setenv("CIVICGRID_TEST_PAUSES", " 30s, 5m,2h ,1d")
    assert env_durations("CIVICGRID_TEST_PAUSES", "1m") == (
        timedelta(seconds=30), timedelta(minutes=5), timedelta(hours=2), timedelta(days=1))


def test_without_the_variable_the_default_is_read_the_same_way(monkeypatch):
    monkeypatch.delenv("CIVICGRID_TEST_PAUSES", raising=False)
    assert env_durations("CIVICGRID_TEST_PAUSES", "1m,4h") == (timedelta(minutes=1), timedelta(hours=4))


@pytest.mark.parametrize("raw", ["", "5", "0m", "-1m", "1w", "1m,,5m", "1.5h", "1 m"])
def test_anything_else_stops_start_up_naming_the_variable(monkeypatch, raw):
    monkeypatch.setenv("CIVICGRID_TEST_PAUSES", raw)
    with pytest.raises(ImproperlyConfigured, match="CIVICGRID_TEST_PAUSES"):
        env_durations("CIVICGRID_TEST_PAUSES", "1m")
