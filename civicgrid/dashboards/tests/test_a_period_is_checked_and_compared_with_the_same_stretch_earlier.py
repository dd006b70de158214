from datetime import date, timedelta

import pytest
from django.utils import timezone

from civicgrid.cases.workflow import InvalidInput
from civicgrid.dashboards.figures import Period


def test_a_period_ending_before_it_starts_or_starting_tomorrow_is_refused():
    today = timezone.localdate()
    with pytest.raises(InvalidInput):
        Period(today, today - timedelta(days=1))
    with pytest.raises(InvalidInput):
        Period(today + timedelta(days=1), today + timedelta(days=2))


def test_an_earlier_period_is_whole_months_for_whole_months_and_the_same_days_for_a_month_to_date():
    assert Period(date(2024, 2, 1), date(2024, 2, 29)).shifted(12) == Period(date(2023, 2, 1), date(2023, 2, 28))
    assert Period(date(2026, 3, 1), date(2026, 3, 31)).shifted(1) == Period(date(2026, 2, 1), date(2026, 2, 28))
    assert Period(date(2026, 1, 15), date(2026, 2, 14)).shifted(1) == Period(date(2025, 12, 15), date(2026, 1, 14))
    today = timezone.localdate()
    to_date = Period(today.replace(day=1), today).shifted(12)
    a_year_before = date(today.year - 1, 2, 28) if (today.month, today.day) == (2, 29) else \
        today.replace(year=today.year - 1)
    assert (to_date.start, to_date.end) == (today.replace(day=1, year=today.year - 1), a_year_before)
