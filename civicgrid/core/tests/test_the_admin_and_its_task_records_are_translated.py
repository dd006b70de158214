"""The admin names itself civicgrid's, in the user's language, and the background tasks' records (the
django-tasks-db package, English only) read in Chinese for a Chinese user and in English for an English one."""

import pytest
from django.test import override_settings

from civicgrid.cases.tasks import sweep_deadlines

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued(db):
    with override_settings(TASKS=DATABASE_TASKS):
        return sweep_deadlines.enqueue()


def in_english(admin_client):
    admin_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return admin_client


def test_the_admin_index_carries_civicgrids_titles_in_chinese(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "<title>系统管理 | civicgrid 后台管理</title>" in html
    assert "civicgrid 后台管理</a>" in html and "后台任务" in html and "Django" not in html


def test_the_admin_index_carries_civicgrids_titles_in_english(admin_client):
    html = in_english(admin_client).get("/admin/").content.decode()
    assert "<title>Administration | civicgrid administration</title>" in html
    assert "Background tasks" in html and "Tasks Database Backend" not in html


def test_task_records_read_in_chinese(admin_client, queued):
    html = admin_client.get("/admin/django_tasks_database/dbtaskresult/").content.decode()
    for label in ("后台任务记录", "任务", "状态", "入队时间", "开始时间", "完成时间", "优先级", "队列", "就绪"):
        assert label in html, label
    assert "Enqueued at" not in html and "Task name" not in html
    detail = admin_client.get(f"/admin/django_tasks_database/dbtaskresult/{queued.id}/change/").content.decode()
    assert "错误堆栈" in detail and "最早执行时间" in detail and "Traceback" not in detail


def test_task_records_read_in_english(admin_client, queued):
    html = in_english(admin_client).get("/admin/django_tasks_database/dbtaskresult/").content.decode()
    for label in ("Task Result", "Task", "Status", "Enqueued at", "Queue name", "Ready"):
        assert label in html, label
    detail = admin_client.get(f"/admin/django_tasks_database/dbtaskresult/{queued.id}/change/").content.decode()
    assert "Traceback" in detail and "Run after" in detail
