"""The month trend gives each month's cases with 环比 (against the month before) and 同比 (against the same
month a year before), and the key figure of 本月 compares the same way; nothing before is “—”."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from civicgrid.cases.intake import file_case
from civicgrid.dashboards.board import Board
from civicgrid.dashboards.figures import Period
from civicgrid.dashboards.forms import PeriodForm
from civicgrid.dashboards.periods import months_before
from civicgrid.dashboards.services import viewpoint
from civicgrid.testing import factories


def noon(day):
    return timezone.make_aware(datetime.combine(day, time(12)))


def file_on(category, day, n: int) -> None:
    for _ in range(n):
        file_case(factories.report(category), now=noon(day))


def test_this_month_against_last_month_and_last_year(people, street_litter):
    this_month = timezone.localdate().replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    file_on(street_litter, this_month.replace(year=this_month.year - 1), 2)
    file_on(street_litter, last_month, 1)
    file_on(street_litter, this_month, 3)

    board = Board(viewpoint(people["leader"], None), PeriodForm({"span": "month"}).chosen())
    months = board.chart("months").lines
    assert len(months) == 13 and months[-1].label == f"{this_month:%Y-%m}"
    assert [cell.value for cell in months[-1].cells] == [3, 200.0, 50.0]
    assert [cell.value for cell in months[-2].cells] == [1, None, None]
    cases = board.stats()[0]
    assert (cases.cell.value, cases.month_on_month, cases.year_on_year) == (3, 200.0, 50.0)


def test_a_running_month_is_compared_with_as_many_days_of_the_one_before():
    today = timezone.localdate()
    running = Period(today.replace(day=1), today)
    last_day = today.replace(day=1) - timedelta(days=1)
    before = months_before(running, 1)
    assert before.start == last_day.replace(day=1) and before.days == min(running.days, last_day.day)
    assert months_before(Period(date(2026, 3, 1), date(2026, 3, 31)), 1) == Period(date(2026, 2, 1), date(2026, 2, 28))
