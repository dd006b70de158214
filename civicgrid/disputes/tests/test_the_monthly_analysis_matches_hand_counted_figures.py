"""月研判 of a month: counts by type, source, method and area, 调处成功率 (resolved ÷ mediated), 按期化解率,
agreements performed, month on month and year on year, as counted by hand from the disputes below."""

from datetime import date

import pytest

from civicgrid.cases.choices import Status
from civicgrid.disputes import choices as c
from civicgrid.disputes import rhythm

from .rhythm_fixtures import at, committee, dispute, types


@pytest.fixture
def march(yulin):
    """Township A: five disputes in March 2025, two in February, none a year before; township B: one."""
    kind = types()
    village = committee(yulin["community_a"], "鸳鸯湖社区人民调解委员会", "鸳鸯湖")
    other = committee(yulin["community_b"], "青山路社区人民调解委员会", "青山路")
    accepted = {"accepted_at": at(date(2025, 3, 3)), "committee": village}
    grid_a, grid_b, day = yulin["grid_a"], yulin["grid_b"], at(date(2025, 3, 2))
    dispute(grid_a, kind["neighbours"], day, source=c.Source.SCREENED, resolved=True, resolved_in_time=True,
            agreement=True, performance=c.Performance.FULL, **accepted)
    dispute(grid_a, kind["neighbours"], day, resolved=True, resolved_in_time=False, agreement=True,
            performance=c.Performance.PARTIAL, **accepted)
    dispute(grid_a, kind["family"], day, resolved=False, status=Status.CLOSED, **accepted)
    dispute(grid_a, kind["family"], day, source=c.Source.REFERRED, method=c.Method.ADMINISTRATIVE,
            outcome=c.Outcome.DECLINED)
    dispute(grid_a, kind["neighbours"], at(date(2025, 3, 31), 23), record=False)
    dispute(grid_b, kind["family"], day, resolved=True, resolved_in_time=True, agreement=True,
            performance=c.Performance.FULL, accepted_at=day, committee=other)
    february = at(date(2025, 2, 10))
    dispute(grid_a, kind["family"], february, resolved=True, **accepted)
    dispute(grid_a, kind["family"], february, **accepted)
    dispute(grid_a, kind["family"], at(date(2025, 4, 1), 0))  # the next month, from its first minute
    return yulin


def test_the_months_rates_are_resolved_over_mediated_and_in_time_over_resolved(march):
    found = rhythm.monthly(march["township_a"], rhythm.month(2025, 3))
    f = found.figures
    assert (f.total, f.mediated, f.resolved, f.in_time, f.agreements, f.performed) == (5, 3, 2, 1, 2, 1)
    assert f.rates == {"success": "66.7%", "in_time": "50.0%", "performed": "50.0%"}


def test_month_on_month_and_year_on_year_compare_counts_and_rates(march):
    month_on_month, year_on_year = rhythm.monthly(march["township_a"], rhythm.month(2025, 3)).changes
    assert month_on_month.figures.total == 2 and month_on_month.figures.rates["success"] == "50.0%"
    assert (month_on_month.total_change, month_on_month.rate_change) == ("+150.0%", "+16.7 个百分点")
    assert year_on_year.figures.total == 0
    assert (year_on_year.total_change, year_on_year.rate_change) == ("—", "—")


def test_counts_by_type_source_and_method_name_disputes_without_a_record_as_not_recorded(march):
    found = rhythm.monthly(march["township_a"], rhythm.month(2025, 3))
    assert [(row.label, row.figures.total) for row in found.by_type] == [("邻里纠纷", 3), ("婚姻家庭", 2)]
    assert {row.label: row.figures.total for row in found.by_source} == {
        "当事人申请": 2, "主动排查": 1, "移交委托": 1, "未登记": 1}
    assert {row.label: row.figures.total for row in found.by_method} == {"人民调解": 3, "行政调解": 1, "未登记": 1}


def test_the_county_is_counted_by_township_with_its_hot_spots(march):
    found = rhythm.monthly(march["county"], rhythm.month(2025, 3))
    assert [(area.name, figures.total, figures.rates["success"]) for area, figures in found.by_area] == [
        ("鼓楼街道", 5, "66.7%"), ("青山路街道", 1, "100.0%")]
    assert found.figures.rates["success"] == "75.0%"
    assert [(spot["area__name"], spot["n"]) for spot in found.hot_spots] == [("鸳鸯湖第1网格", 5), ("青山路第1网格", 1)]


def test_a_month_with_nothing_mediated_shows_a_dash_for_its_rates(march):
    found = rhythm.monthly(march["township_b"], rhythm.month(2025, 2))
    assert found.figures.total == 0 and found.figures.rates == {"success": "—", "in_time": "—", "performed": "—"}


def test_the_monthly_page_shows_the_same_figures(client, march, township_dispatcher):
    client.force_login(township_dispatcher)
    page = client.get(f"/disputes/monthly/{march['township_a'].code}/", {"month": "2025-03"}).content.decode()
    assert "66.7%" in page and "+150.0%" in page and "邻里纠纷" in page and 'id="hotspot-map"' in page
