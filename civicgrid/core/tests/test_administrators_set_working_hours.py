"""Administrators set the working periods; until they do, 08:30–12:00 and 14:00–18:00 apply."""

import datetime

import pytest

from civicgrid.core import calendar
from civicgrid.core.models import WorkingHours

from .clock import at

pytestmark = pytest.mark.django_db


def test_the_default_periods_apply_while_none_are_set():
    assert calendar.current().periods == calendar.DEFAULT_PERIODS
    assert calendar.elapsed(at("2025-03-10 00:00"), at("2025-03-11 00:00"), "work_hours") == 7.5


def test_new_periods_apply_at_once(admin_client):
    assert calendar.add(at("2025-03-10 16:00"), 2, "work_hours") == at("2025-03-10 18:00")
    response = admin_client.post("/admin/core/workinghours/add/", {"start": "09:00", "end": "17:00"})
    assert response.status_code == 302
    assert calendar.add(at("2025-03-10 16:00"), 2, "work_hours") == at("2025-03-11 10:00")
    assert calendar.elapsed(at("2025-03-10 08:00"), at("2025-03-10 20:00"), "work_days") == 1.0


def test_overlapping_periods_are_refused(admin_client):
    WorkingHours.objects.create(start=datetime.time(8, 0), end=datetime.time(12, 0))
    response = admin_client.post("/admin/core/workinghours/add/", {"start": "11:00", "end": "13:00"})
    assert response.status_code == 200
    assert "与已有的工作时间 08:00–12:00 重叠" in response.content.decode()
    assert WorkingHours.objects.count() == 1


def test_a_period_must_end_after_it_starts(admin_client):
    response = admin_client.post("/admin/core/workinghours/add/", {"start": "14:00", "end": "13:00"})
    assert "结束时间必须晚于开始时间" in response.content.decode()
    assert not WorkingHours.objects.exists()
