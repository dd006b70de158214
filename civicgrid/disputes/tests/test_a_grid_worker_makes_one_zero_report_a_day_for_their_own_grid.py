"""零报告: the grid's own worker confirms nothing new was found today; once a day, not for a grid where a
dispute was reported today, not for someone else's grid; the refusals say why and write nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.cases.workflow import InvalidInput, NotAllowed
from civicgrid.disputes import zeroreports
from civicgrid.disputes.models import ZeroReport
from civicgrid.testing import factories

from .rhythm_fixtures import dispute, types


def test_the_grid_worker_reports_their_grid_from_the_daily_page(client, yulin, grid_worker):
    client.force_login(grid_worker)
    answer = client.post(f"/disputes/daily/{yulin['grid_a'].code}/zero-report/", follow=True)
    report = ZeroReport.objects.get()
    assert (report.grid, report.day, report.staff) == (yulin["grid_a"], timezone.localdate(), grid_worker)
    assert "今日零报告已提交" in answer.content.decode()


def test_a_second_report_the_same_day_is_refused_naming_the_first(yulin, grid_worker):
    zeroreports.report(grid_worker, yulin["grid_a"])
    with pytest.raises(InvalidInput, match="今天已由"):
        zeroreports.report(grid_worker, yulin["grid_a"])
    assert ZeroReport.objects.count() == 1


def test_tomorrow_is_a_new_day(yulin, grid_worker):
    zeroreports.report(grid_worker, yulin["grid_a"])
    zeroreports.report(grid_worker, yulin["grid_a"], now=timezone.now() + timedelta(days=1))
    assert ZeroReport.objects.count() == 2


def test_a_grid_with_a_dispute_reported_today_has_something_to_report(yulin, grid_worker):
    dispute(yulin["grid_a"], types()["neighbours"], timezone.now())
    with pytest.raises(InvalidInput, match="今天已上报 1 件矛盾纠纷"):
        zeroreports.report(grid_worker, yulin["grid_a"])
    assert not ZeroReport.objects.exists()


def test_only_grid_staff_of_that_grid_may_report(yulin, grid_worker, township_dispatcher):
    other_grid = factories.area("610802001001002", "鸳鸯湖第2网格")
    with pytest.raises(NotAllowed):
        zeroreports.report(grid_worker, other_grid)
    with pytest.raises(NotAllowed):
        zeroreports.report(township_dispatcher, yulin["grid_a"])
    with pytest.raises(NotAllowed):
        zeroreports.report(grid_worker, yulin["community_a"])
    assert not ZeroReport.objects.exists()


def test_a_grid_outside_the_scope_is_not_found_and_nothing_is_written(client, yulin, grid_worker):
    client.force_login(grid_worker)
    assert client.post(f"/disputes/daily/{yulin['grid_b'].code}/zero-report/").status_code == 404
    assert not ZeroReport.objects.exists()


def test_the_home_page_offers_the_grid_workers_zero_report(client, yulin, grid_worker):
    client.force_login(grid_worker)
    page = client.get("/").content.decode()
    assert 'id="zero-report-panel"' in page and "今日零报告" in page
    zeroreports.report(grid_worker, yulin["grid_a"])
    assert "已零报告" in client.get("/").content.decode()
