"""Asking for a report of a period that has not ended (it would reach into the future) or of a malformed day is
answered on the list with the reason (400) and makes no report; a centre outside the user's scope is a 404."""

import pytest
from django.utils import timezone

from civicgrid.reports.models import Report


@pytest.fixture
def signed_in(client, township_dispatcher, centres):
    client.force_login(township_dispatcher)
    return client


def ask(client, **fields):
    return client.post("/reports/ask/", {"centre": "610802001", "kind": "month", "day": "2025-03-10", **fields})


def test_this_months_report_is_refused_as_not_yet_ended(signed_in):
    page = ask(signed_in, day=timezone.localdate().isoformat())
    assert page.status_code == 400 and "尚未结束" in page.content.decode()
    assert not Report.objects.exists()


def test_a_day_that_is_no_date_is_refused_naming_the_field(signed_in):
    page = ask(signed_in, day="2025-13-45")
    assert page.status_code == 400 and "报表期内任一日期" in page.content.decode()
    assert not Report.objects.exists()


def test_an_unknown_period_kind_is_refused(signed_in):
    assert ask(signed_in, kind="decade").status_code == 400 and not Report.objects.exists()


def test_another_townships_centre_is_not_found(signed_in):
    assert ask(signed_in, centre="610802002").status_code == 404 and not Report.objects.exists()


def test_a_past_month_is_queued_for_the_dispatchers_own_centre(signed_in, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        answer = ask(signed_in)
    assert answer.status_code == 302 and len(queued) == 1
    report = Report.objects.get()
    assert (report.centre.area.code, report.kind, str(report.start), str(report.end)) == (
        "610802001", "month", "2025-03-01", "2025-03-31")
