"""A month or quarter still to come, or one that is no month at all, is answered with the reason next to the
field (400) and no figures; the month and quarter in progress are fine."""

import pytest
from django.utils import timezone

from civicgrid.cases.workflow import InvalidInput
from civicgrid.disputes import rhythm


def test_next_month_and_next_quarter_are_refused():
    today = timezone.localdate()
    ahead = today.replace(day=28) + timezone.timedelta(days=5)
    with pytest.raises(InvalidInput, match="还没有到") as refused:
        rhythm.parse_month(f"{ahead:%Y-%m}", today)
    assert "month" in refused.value.errors
    with pytest.raises(InvalidInput, match="还没有到"):
        rhythm.parse_quarter(f"{today.year + 1}-Q1", today)
    assert rhythm.parse_month(f"{today:%Y-%m}", today).start == today.replace(day=1)


@pytest.mark.parametrize("value", ["2025-13", "March", "2025-00", "2025-3-1"])
def test_a_malformed_month_names_the_format(value):
    with pytest.raises(InvalidInput, match="2026-05 的格式"):
        rhythm.parse_month(value, timezone.localdate())


@pytest.mark.parametrize("value", ["2025-Q5", "2025Q1", "Q1"])
def test_a_malformed_quarter_names_the_format(value):
    with pytest.raises(InvalidInput, match="2026-Q2 的格式"):
        rhythm.parse_quarter(value, timezone.localdate())


def test_the_monthly_page_answers_a_future_month_with_its_reason(client, yulin, township_dispatcher):
    client.force_login(township_dispatcher)
    answer = client.get(f"/disputes/monthly/{yulin['township_a'].code}/", {"month": f"{timezone.localdate().year + 1}-01"})
    page = answer.content.decode()
    assert answer.status_code == 400 and "还没有到，请选择本月或以前的月份" in page and 'id="monthly-overall"' not in page
