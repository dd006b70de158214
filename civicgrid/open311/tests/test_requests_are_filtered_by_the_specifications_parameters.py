"""``GET requests``: ids (overriding every other filter), service codes, a window of at most 90 days (the last
90 by default), open or closed, pages; matters of unpublished categories are never listed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.open311.services import publish
from civicgrid.testing import factories

from . import schemas
from .support import both


@pytest.fixture
def cases(service, street_litter, intake_clerk, shift_lead):
    """Three litter cases (one voided, one 100 days old), a pothole case, and a dispute nobody published."""
    now = timezone.now()
    pothole = publish(factories.category("01.002", "道路破损"), "pothole")
    dispute = factories.category("02", "矛盾纠纷", kind="dispute")
    made = {
        "fresh": file_case(factories.report(street_litter, extra={"size": "少量"}), now=now - timedelta(days=1)),
        "voided": file_case(factories.report(street_litter, extra={"size": "少量"}), now=now - timedelta(days=2)),
        "old": file_case(factories.report(street_litter, extra={"size": "少量"}), now=now - timedelta(days=100)),
        "pothole": file_case(factories.report(pothole.category), now=now - timedelta(days=3)),
        "dispute": file_case(factories.report(dispute), now=now - timedelta(days=1)),
    }
    transition(made["voided"], "register", intake_clerk)
    transition(made["voided"], "void", shift_lead, note="重复反映")
    return {name: case.number for name, case in made.items()}


def _ids(client, key, **params):
    return [item["service_request_id"] for item in both(client, "requests", schemas.REQUESTS, api_key=key, **params)]


def test_the_default_is_the_last_90_days_of_published_services_newest_first(client, cases, app_key):
    assert _ids(client, app_key) == [cases["fresh"], cases["voided"], cases["pothole"]]


def test_ids_override_every_other_filter(client, cases, app_key):
    asked = f"{cases['old']},{cases['pothole']},{cases['dispute']}"
    assert _ids(client, app_key, service_request_id=asked, status="closed") == [cases["pothole"], cases["old"]]


def test_service_codes_and_status_filter_the_list(client, cases, app_key):
    assert _ids(client, app_key, service_code="pothole") == [cases["pothole"]]
    assert _ids(client, app_key, service_code="litter,pothole", status="closed") == [cases["voided"]]
    assert _ids(client, app_key, status="open,closed") == [cases["fresh"], cases["voided"], cases["pothole"]]


def test_a_window_finds_older_requests(client, cases, app_key):
    start = (timezone.now() - timedelta(days=120)).isoformat()
    end = (timezone.now() - timedelta(days=60)).isoformat()
    assert _ids(client, app_key, start_date=start, end_date=end) == [cases["old"]]
    assert _ids(client, app_key, start_date=start[:10]) == [cases["old"]]


def test_pages_split_the_list(client, cases, app_key):
    assert _ids(client, app_key, page_size="2") == [cases["fresh"], cases["voided"]]
    assert _ids(client, app_key, page_size="2", page="2") == [cases["pothole"]]
    assert _ids(client, app_key, page_size="2", page="3") == []


BAD = {
    "a window over 90 days": {"start_date": "2026-01-01T00:00:00+08:00", "end_date": "2026-05-01T00:00:00+08:00"},
    "an end before the start": {"start_date": "2026-02-01", "end_date": "2026-01-01"},
    "a date that is not ISO 8601": {"start_date": "last tuesday"},
    "an impossible date": {"end_date": "2026-02-30T00:00:00Z"},
    "an unknown status": {"status": "pending"},
    "a page of zero": {"page": "0"},
    "a page size over 1000": {"page_size": "1001"},
    "a page size that is not a number": {"page_size": "ten"},
    "an unknown parameter": {"sort": "asc"},
}


@pytest.mark.parametrize("params", list(BAD.values()), ids=list(BAD))
def test_bad_filters_are_refused(client, cases, app_key, params):
    both(client, "requests", schemas.ERRORS, 400, api_key=app_key, **params)
