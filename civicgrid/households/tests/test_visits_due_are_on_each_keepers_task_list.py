"""我的任务: each keeper's task list has one entry per area below their node with households not visited within
their period, due when the first of them fell due; households of other units never appear."""

from datetime import timedelta

from django.utils import timezone

from civicgrid.core import worklist
from civicgrid.households.models import VisitPeriod
from civicgrid.testing.households import household


def tasks(user, now):
    return [task for task in worklist.tasks_for(user, user.scope.roles, now) if task.kind == "包户走访"]


def test_a_grid_worker_has_one_task_per_building_with_households_due(grid_worker, units):
    now = timezone.now()
    household(units["floor"], "101", visited_days_ago=40)
    household(units["upper"], "201", visited_days_ago=35)
    household(units["neighbour"], "2-1", visited_days_ago=2)
    household(units["other_grid"], "B1", visited_days_ago=90)
    [task] = tasks(grid_worker, now)
    assert task.title == "走访1号楼：2 户到期未走访"
    assert task.url == f"/households/area/{units['building'].code}/?due=1"
    assert task.overdue(now)
    assert abs(task.due_at - (now - timedelta(days=10))) < timedelta(seconds=5)


def test_a_floor_head_has_their_floor_only_and_by_their_own_period(heads, units):
    VisitPeriod.objects.update_or_create(role="floor_head", defaults={"days": 7})
    household(units["floor"], "101", visited_days_ago=8)
    household(units["upper"], "201", visited_days_ago=40)
    [task] = tasks(heads["floor_head"], timezone.now())
    assert task.title == "走访1层：1 户到期未走访"


def test_a_household_never_visited_falls_due_a_period_after_it_was_registered(heads, units):
    household(units["floor"], "101")
    now = timezone.now()
    [task] = tasks(heads["floor_head"], now)
    assert not task.overdue(now)
    assert task.due_at.date() == (now + timedelta(days=30)).date()


def test_a_community_head_has_one_task_per_grid(heads, units, yulin):
    household(units["floor"], "101", visited_days_ago=100)
    [task] = tasks(heads["community_head"], timezone.now())
    assert task.title == "走访鸳鸯湖第1网格：1 户到期未走访"


def test_staff_who_keep_no_households_have_no_visit_tasks(township_dispatcher, units):
    household(units["floor"], "101", visited_days_ago=100)
    assert tasks(township_dispatcher, timezone.now()) == []
