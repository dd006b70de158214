"""seed_calendar stores what chinese-calendar says where it departs from the default week, and only once."""

import datetime
import io

import chinese_calendar
import pytest
from django.core.management import CommandError, call_command

from civicgrid.core.models import CalendarDay

pytestmark = pytest.mark.django_db


def seed(*years: str) -> str:
    out = io.StringIO()
    call_command("seed_calendar", *years, stdout=out)
    return out.getvalue()


def snapshot() -> list[tuple]:
    return list(CalendarDay.objects.values_list("date", "is_workday", "name", "source", "updated_at"))


def test_holidays_on_weekdays_and_make_up_saturdays_are_stored():
    seed("2026")
    monday = CalendarDay.objects.get(date=datetime.date(2026, 2, 16))
    saturday = CalendarDay.objects.get(date=datetime.date(2026, 2, 14))
    assert (monday.is_workday, monday.name, monday.source) == (False, "春节", "seed")
    assert (saturday.is_workday, saturday.name, saturday.source) == (True, "春节", "seed")


def test_days_that_follow_the_default_week_are_not_stored():
    seed("2026")
    sunday_in_the_holiday = datetime.date(2026, 2, 15)
    assert not chinese_calendar.is_workday(sunday_in_the_holiday)
    assert not CalendarDay.objects.filter(date=sunday_in_the_holiday).exists()
    assert not CalendarDay.objects.filter(date=datetime.date(2026, 3, 10)).exists()


def test_a_second_run_changes_nothing_and_says_so():
    first = seed("2026")
    before = snapshot()
    second = seed("2026")
    assert "新建" in first
    assert "没有变化" in second
    assert snapshot() == before


def test_without_years_every_year_the_package_knows_from_2024_is_seeded():
    seed()
    seeded = set(CalendarDay.objects.values_list("date__year", flat=True).distinct())
    known = {day.year for day in chinese_calendar.holidays if day.year >= 2024}
    assert seeded == known
    assert {2024, 2025, 2026} <= seeded


def test_a_seeded_day_the_package_no_longer_lists_is_removed_and_a_changed_one_corrected():
    CalendarDay.objects.create(date=datetime.date(2026, 3, 10), is_workday=False, name="旧数据", source="seed")
    CalendarDay.objects.create(date=datetime.date(2026, 2, 16), is_workday=True, name="旧数据", source="seed")
    output = seed("2026")
    assert not CalendarDay.objects.filter(date=datetime.date(2026, 3, 10)).exists()
    assert CalendarDay.objects.get(date=datetime.date(2026, 2, 16)).is_workday is False
    assert "更新 1 天，删除 1 天" in output


def test_a_year_the_package_does_not_know_is_refused():
    with pytest.raises(CommandError, match="2099"):
        seed("2099")
    assert not CalendarDay.objects.exists()
