"""今日零报告 is a task of each grid worker and grid head of the grid, due at midnight and linking to the grid's
daily screening, until it is made; a grid where a dispute was reported today has nothing to report as zero."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from civicgrid.core import worklist
from civicgrid.disputes import zeroreports
from civicgrid.testing import factories

from .rhythm_fixtures import dispute, types


def zero_reports(user):
    return [task for task in worklist.tasks_for(user, user.scope.roles, timezone.now()) if task.kind == "零报告"]


def test_the_grid_worker_has_todays_zero_report_due_at_midnight(yulin, grid_worker):
    [task] = zero_reports(grid_worker)
    midnight = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), time()))
    assert (task.title, task.url, task.due_at, task.place) == (
        "今日零报告", f"/disputes/daily/{yulin['grid_a'].code}/", midnight, "鸳鸯湖第1网格")


def test_once_made_by_anyone_of_the_grid_it_leaves_every_list_of_the_grid(yulin, grid_worker):
    grid_head = factories.staff_with_role("grid_head", area=yulin["grid_a"], username="grid_head")
    assert len(zero_reports(grid_head)) == 1
    zeroreports.report(grid_worker, yulin["grid_a"])
    assert zero_reports(grid_worker) == [] and zero_reports(grid_head) == []


def test_a_grid_with_a_dispute_reported_today_has_no_zero_report_to_make(yulin, grid_worker):
    dispute(yulin["grid_a"], types()["neighbours"], timezone.now())
    assert zero_reports(grid_worker) == []


def test_staff_above_the_grid_and_heads_have_none(yulin, township_dispatcher):
    building_head = factories.staff_with_role("building_head", area=factories.area("610802001001001001"),
                                              username="building_head")
    assert zero_reports(township_dispatcher) == [] and zero_reports(building_head) == []
