"""自然日 limits run straight through weekends and holidays: N × 24 hours."""

import io

import pytest
from django.core.management import call_command

from civicgrid.core import calendar

from .clock import at

pytestmark = pytest.mark.django_db


def test_natural_days_run_through_the_spring_festival():
    call_command("seed_calendar", "2026", stdout=io.StringIO())
    assert calendar.add(at("2026-02-13 10:00"), 7, "natural_days") == at("2026-02-20 10:00")


def test_a_request_received_at_night_is_due_at_night():
    assert calendar.add(at("2025-03-14 23:10"), 1, "natural_days") == at("2025-03-15 23:10")


def test_fractions_of_a_natural_day_are_hours():
    assert calendar.add(at("2025-03-10 09:00"), 1.5, "natural_days") == at("2025-03-11 21:00")


def test_elapsed_natural_days_include_the_weekend():
    assert calendar.elapsed(at("2025-03-14 12:00"), at("2025-03-17 00:00"), "natural_days") == 2.5
