from datetime import timedelta

from django.utils import timezone

from civicgrid.core import worklist


def test_the_members_shift_is_a_task_due_at_its_end_with_its_progress(patrol, grid_worker):
    tasks = [task for task in worklist.tasks_for(grid_worker, {"grid_worker"}, timezone.now())
             if task.kind == "巡逻班次"]
    assert len(tasks) == 1
    assert tasks[0].due_at == patrol.shift.ends_at and tasks[0].url == f"/patrols/shifts/{patrol.shift.pk}/"
    assert "鼓楼步行街巡逻区" in tasks[0].title and "已巡 0/3" in tasks[0].title


def test_a_shift_that_has_ended_is_no_longer_a_task(patrol, grid_worker):
    later = patrol.shift.ends_at + timedelta(minutes=1)
    assert not [task for task in worklist.tasks_for(grid_worker, set(), later) if task.kind == "巡逻班次"]


def test_someone_not_on_the_shift_has_no_patrol_task(patrol, township_dispatcher):
    assert not [task for task in worklist.tasks_for(township_dispatcher, {"dispatcher"}, timezone.now())
                if task.kind == "巡逻班次"]
