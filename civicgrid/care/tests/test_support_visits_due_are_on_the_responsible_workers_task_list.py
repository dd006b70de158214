"""我的任务: a support visit due within a week is on the responsible worker's task list with the resident's name
masked, overdue first; the grid head, the officer and anyone else get none, and a resident who left is off it."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.urls import reverse

from civicgrid.care.models import Enrolment
from civicgrid.core import worklist

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 3, 9, 0, tzinfo=SHANGHAI)


def due(enrolment, day: date) -> None:
    Enrolment.objects.filter(pk=enrolment.pk).update(next_visit_on=day)


def tasks(user):
    return [task for task in worklist.tasks_for(user, user.scope.roles, NOW) if task.kind == "关爱走访"]


def test_a_visit_due_is_the_workers_task_with_a_masked_name(grid_worker, enrolment):
    due(enrolment, date(2026, 12, 5))
    [task] = tasks(grid_worker)
    assert task.title == "关爱走访：王**（独居老人关爱）" and task.url == reverse("care:detail", args=[enrolment.pk])
    assert task.place == "1号楼" and task.due_at == datetime(2026, 12, 6, tzinfo=SHANGHAI)
    assert not task.overdue(NOW)


def test_overdue_visits_come_first_and_later_ones_wait(grid_worker, grid_head, building, enrolment):
    from civicgrid.care import services

    from .conftest import enrolment_input

    second = services.enrol(grid_head, enrolment_input(building, grid_worker, resident_name="刘大爷"))
    third = services.enrol(grid_head, enrolment_input(building, grid_worker, resident_name="陈奶奶"))
    due(enrolment, date(2026, 12, 9))
    due(second, date(2026, 11, 30))
    due(third, date(2026, 12, 20))  # beyond the week ahead
    found = tasks(grid_worker)
    assert [task.title[:6] for task in found] == ["关爱走访：刘", "关爱走访：王"]
    assert found[0].overdue(NOW) and not found[1].overdue(NOW)


def test_no_one_else_is_asked_and_leaving_ends_it(grid_worker, grid_head, officer, other_worker, enrolment):
    due(enrolment, date(2026, 12, 1))
    assert all(tasks(person) == [] for person in (grid_head, officer, other_worker))
    Enrolment.objects.filter(pk=enrolment.pk).update(left_at=NOW, leave_reason="moved")
    assert tasks(grid_worker) == []
