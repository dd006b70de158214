from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from civicgrid.core import worklist
from civicgrid.core.worklist import Task

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def sources(monkeypatch):
    monkeypatch.setattr(worklist, "SOURCES", {})
    asked = []

    def visits(user, now):
        asked.append("visits")
        return [Task("走访", "3号楼", "/v/3", due_at=now + timedelta(days=2)),
                Task("走访", "1号楼", "/v/1", due_at=now - timedelta(days=1))]

    def cases(user, now):
        asked.append("cases")
        return [Task("待核查", "路灯不亮", "/c/1", due_at=now + timedelta(hours=3)),
                Task("零报告", "今日零报告", "/z")]

    worklist.register_source("visits", visits, roles={"building_head"})
    worklist.register_source("cases", cases, roles={"grid_worker"})
    return asked


def test_overdue_tasks_come_first_then_the_soonest_due_then_those_without_a_deadline(sources):
    user = SimpleNamespace(is_superuser=False)
    found = worklist.tasks_for(user, {"building_head", "grid_worker"}, NOW)
    assert [t.url for t in found] == ["/v/1", "/c/1", "/v/3", "/z"]
    assert [t.overdue(NOW) for t in found] == [True, False, False, False]


def test_a_source_is_asked_only_for_users_holding_one_of_its_roles(sources):
    user = SimpleNamespace(is_superuser=False)
    found = worklist.tasks_for(user, {"grid_worker"}, NOW)
    assert sources == ["cases"]
    assert {t.kind for t in found} == {"待核查", "零报告"}
