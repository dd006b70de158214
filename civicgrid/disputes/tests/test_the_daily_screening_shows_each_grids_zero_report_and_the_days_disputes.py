"""日排查 of a day: the disputes found or reported that day, the unresolved ones, and each grid's status —
有纠纷上报, 已零报告 or 未报告 — counted per community for the township and per grid for the community."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.cases.choices import Status
from civicgrid.disputes import choices as c
from civicgrid.disputes import rhythm, zeroreports
from civicgrid.testing import factories

from .rhythm_fixtures import dispute, types


@pytest.fixture
def today(yulin, grid_worker):
    """Community A's three grids: a dispute found today in the first, a zero report in the second, nothing in
    the third; an old dispute still open in the third, an old one resolved and one closed (neither unresolved)."""
    kind, now = types(), timezone.now()
    second, third = factories.area("610802001001002", "鸳鸯湖第2网格"), factories.area("610802001001003", "鸳鸯湖第3网格")
    factories.RoleAssignment.objects.create(staff=grid_worker, role="grid_worker", area=second)
    dispute(yulin["grid_a"], kind["neighbours"], now, source=c.Source.SCREENED)
    dispute(third, kind["family"], now - timedelta(days=10))
    dispute(second, kind["family"], now - timedelta(days=10), resolved=True)
    dispute(third, kind["family"], now - timedelta(days=12), status=Status.CLOSED)
    zeroreports.report(grid_worker, second)
    return {**yulin, "second": second, "third": third}


def test_the_township_counts_its_community_as_one_row(today):
    found = rhythm.daily(today["township_a"], timezone.localdate())
    (row,) = found.rows
    assert row.area == today["community_a"]
    assert (row.found, row.screened, row.unresolved, row.grids, row.reported, row.with_disputes, row.not_yet) == (
        1, 1, 2, 3, 1, 1, 1)
    assert [case.title for case in found.disputes] == ["邻里纠纷纠纷"]


def test_the_community_shows_each_grids_status_and_who_reported(today, grid_worker):
    rows = {row.area.code: row for row in rhythm.daily(today["community_a"], timezone.localdate()).rows}
    assert [str(rows[code].status) for code in sorted(rows)] == ["有纠纷上报", "已零报告", "未报告"]
    assert rows[today["second"].code].reporter == str(grid_worker)
    assert (rows[today["grid_a"].code].unresolved, rows[today["third"].code].unresolved) == (1, 1)


def test_yesterday_had_no_zero_reports_and_no_disputes(today):
    (row,) = rhythm.daily(today["township_a"], timezone.localdate() - timedelta(days=1)).rows
    assert (row.found, row.reported, row.with_disputes, row.not_yet, row.unresolved) == (0, 0, 0, 3, 2)


def test_the_daily_page_shows_the_counts_and_a_day_to_come_is_refused(client, today, township_dispatcher):
    client.force_login(township_dispatcher)
    page = client.get(f"/disputes/daily/{today['township_a'].code}/")
    assert page.status_code == 200 and 'id="not-yet">1<' in page.content.decode()
    tomorrow = timezone.localdate() + timedelta(days=1)
    refused = client.get(f"/disputes/daily/{today['township_a'].code}/", {"day": tomorrow.isoformat()})
    assert refused.status_code == 400 and "日期不能晚于今天" in refused.content.decode()
