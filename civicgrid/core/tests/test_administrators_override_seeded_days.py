"""Administrators correct the calendar in the admin; their days survive the next seeding."""

import datetime
import io

import pytest
from django.core.management import call_command

from civicgrid.core import calendar
from civicgrid.core.models import CalendarDay

from .clock import at

FEBRUARY_16 = datetime.date(2026, 2, 16)


@pytest.fixture(autouse=True)
def seeded_2026(db):
    call_command("seed_calendar", "2026", stdout=io.StringIO())


def edit_in_admin(client, day: CalendarDay, **fields):
    data = {"date": day.date.isoformat(), "name": day.name, **fields}
    return client.post(f"/admin/core/calendarday/{day.pk}/change/", data)


def test_an_administrators_workday_outlasts_reseeding(admin_client):
    day = CalendarDay.objects.get(date=FEBRUARY_16)
    assert not calendar.is_workday(FEBRUARY_16)
    response = edit_in_admin(admin_client, day, is_workday="on", name="春节（本市上班）")
    assert response.status_code == 302
    out = io.StringIO()
    call_command("seed_calendar", "2026", stdout=out)
    day.refresh_from_db()
    assert (day.is_workday, day.name, day.source) == (True, "春节（本市上班）", "admin")
    assert "保留管理员修改的 1 天" in out.getvalue()
    assert calendar.is_workday(FEBRUARY_16)


def test_an_override_moves_deadlines_at_once(admin_client):
    """Received Friday 13th: make-up Saturday 14th is day 1, the now-working Monday 16th day 2."""
    assert calendar.add(at("2026-02-13 10:00"), 2, "work_days") == at("2026-02-24 18:00")
    edit_in_admin(admin_client, CalendarDay.objects.get(date=FEBRUARY_16), is_workday="on")
    assert calendar.add(at("2026-02-13 10:00"), 2, "work_days") == at("2026-02-16 18:00")


def test_an_administrator_adds_a_local_rest_day(admin_client):
    response = admin_client.post("/admin/core/calendarday/add/", {"date": "2025-03-11", "name": "本地停工"})
    assert response.status_code == 302
    day = CalendarDay.objects.get(date=datetime.date(2025, 3, 11))
    assert (day.is_workday, day.source) == (False, "admin")
    assert calendar.add(at("2025-03-10 17:00"), 2, "work_hours") == at("2025-03-12 09:30")


def test_deleting_an_override_restores_the_default_week(admin_client):
    day = CalendarDay.objects.create(date=datetime.date(2025, 3, 11), is_workday=False, name="本地停工")
    assert not calendar.is_workday(day.date)
    admin_client.post(f"/admin/core/calendarday/{day.pk}/delete/", {"post": "yes"})
    assert calendar.is_workday(datetime.date(2025, 3, 11))
