"""Shared fixtures and helpers of the residents' pages tests (test_public_*); no tests of its own.

Import the fixtures a test file uses by name, e.g. ``from .test_public_support import fresh_cache``.
"""

from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.urls import reverse

from civicgrid.cases.services import transition
from civicgrid.testing import factories

PHONE = "13800138000"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Lookup throttling counts failures in the cache, which outlives a test; every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded photos go to a temporary folder, not the checkout's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


def report_data(chosen, **overrides) -> dict:
    """What the report form posts for a resident in the middle of grid A; a None value leaves a field out."""
    lon, lat = factories.GRID_A_POINT
    data = {"category": str(chosen.pk), "title": "小区门口垃圾堆积", "description": "垃圾三天没人清运，气味很大。",
            "longitude": str(lon), "latitude": str(lat), "address": "", "reporter_name": "李四",
            "reporter_phone": PHONE}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def look_up(client, number: str, phone: str = PHONE, **meta):
    return client.post(reverse("public:track"), {"number": number, "phone": phone}, **meta)


def dispatch_to(case, clerk, dispatcher, *handlers):
    """Register and dispatch to the handlers' departments (the first leads)."""
    transition(case, "register", clerk)
    departments = [h.assignments.get().department for h in handlers]
    transition(case, "dispatch", dispatcher, lead=departments[0].pk, co=[d.pk for d in departments[1:]])


def handle_all(case, note: str = "垃圾已清运完毕", files=()):
    """Every department accepts and reports its result, each as its own handler."""
    for assignment in case.assignments.filter(status__in=["dispatched", "accepted"]):
        handler = assignment.department.assignments.get().staff
        if assignment.status == "dispatched":
            transition(case, "accept", handler, assignment=assignment)
        transition(case, "handle", handler, assignment=assignment, note=note, files=list(files))


def close(case, clerk, dispatcher, handler, verifier, shift_lead):
    """The loop up to 待回访, with a photo on the result."""
    dispatch_to(case, clerk, dispatcher, handler)
    handle_all(case, files=[factories.jpeg("result.jpg")])
    transition(case, "verify", verifier)
    transition(case, "close", shift_lead)
    case.refresh_from_db()
    return case


class _Collector(HTMLParser):
    """The text inside the element with one id, nested elements included."""

    VOID = {"input", "br", "img", "meta", "link", "hr", "source", "area", "col", "wbr"}

    def __init__(self, element_id: str):
        super().__init__()
        self.element_id, self.depth, self.parts, self.found = element_id, 0, [], False

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        if self.depth:
            self.depth += 1
        elif dict(attrs).get("id") == self.element_id:
            self.depth, self.found = 1, True

    def handle_endtag(self, tag):
        if self.depth and tag not in self.VOID:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def text_of(html: str, element_id: str) -> str:
    """What the element with ``element_id`` says; fails the test when there is no such element."""
    collector = _Collector(element_id)
    collector.feed(html)
    assert collector.found, f"no element #{element_id}"
    return " ".join(" ".join(collector.parts).split())
