"""Every kind of bad input to ``POST requests`` gets a 400 (or 413) in the specification's error format,
in both formats, and nothing is written."""

import pytest

from civicgrid.cases.models import Case, CaseCounter, CaseEvent
from civicgrid.open311.models import ServiceRequest

from . import schemas
from .support import checked, post

OUTSIDE = {"lat": "39.50", "long": "110.50"}  # inside no grid of the small city

BAD = {
    "an unknown parameter": ({"colour": "red"}, "colour"),
    "no service code": ({"service_code": ""}, "service_code"),
    "an unknown service code": ({"service_code": "nope"}, "nope"),
    "a latitude without a longitude": ({"long": ""}, "lat"),
    "a latitude that is not a number": ({"lat": "north"}, "lat"),
    "a latitude beyond the pole": ({"lat": "91"}, "lat"),
    "an infinite longitude": ({"long": "inf"}, "long"),
    "no location at all": ({"lat": "", "long": ""}, "lat/long/address_string"),
    "coordinates outside the city": (OUTSIDE, "lat/long/address_string"),
    "a missing required attribute": ({"attribute[size]": ""}, "attribute[size]"),
    "a value not in the list": ({"attribute[size]": "很多"}, "很多"),
    "a multiple value not in the list": ({"attribute[kinds][]": ["生活垃圾", "核废料"]}, "核废料"),
    "several values for a single choice": ({"attribute[size][]": ["大量", "少量"]}, "attribute[size]"),
    "an attribute the service does not have": ({"attribute[colour]": "red"}, "attribute[colour]"),
    "a number that is not a number": ({"attribute[bags]": "many"}, "attribute[bags]"),
    "a date that is not a date": ({"attribute[since]": "yesterday"}, "attribute[since]"),
    "a text over its limit": ({"attribute[spot]": "路" * 51}, "attribute[spot]"),
    "no description": ({"description": ""}, "description"),
    "a description over the category limit": ({"description": "脏" * 2001}, "description"),
    "a description over 4,000 characters": ({"description": "脏" * 4001}, "4000"),
    "a bad phone number": ({"phone": "12345"}, "phone"),
    "a bad e-mail address": ({"email": "not-an-address"}, "email"),
    "a media url that is not a url": ({"media_url": "javascript:alert(1)"}, "media_url"),
    "an over-long account id": ({"account_id": "x" * 101}, "account_id"),
    "a NUL character": ({"description": "垃圾\x00"}, "description"),
}


def _count():
    return Case.objects.count(), CaseEvent.objects.count(), ServiceRequest.objects.count(), \
        list(CaseCounter.objects.values_list("last", flat=True))


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize("change", list(BAD.values()), ids=list(BAD))
def test_bad_input_is_refused_with_a_clear_message_and_nothing_written(client, filing, change, fmt):
    before = _count()
    values, named = change
    errors = checked(post(client, "requests", {**filing, **values}, fmt=fmt), schemas.ERRORS, 400)
    assert any(named in error["description"] for error in errors), errors
    assert all(error["code"] == "400" for error in errors)
    assert _count() == before


def test_several_problems_are_told_at_once(client, filing):
    errors = checked(post(client, "requests", {**filing, "attribute[size]": "", "attribute[bags]": "x"}),
                     schemas.ERRORS, 400)
    assert {"attribute[size]", "attribute[bags]"} <= {e["description"].split(":")[0] for e in errors}


BODIES = {
    "a JSON body": ('{"service_code": "litter"}', "application/json"),
    "a multipart body": ("--x\r\n\r\n--x--", "multipart/form-data; boundary=x"),
    "an XML body": ("<request/>", "text/xml"),
    "bytes that are not UTF-8": (b"service_code=%ff%fe&description=\xff", "application/x-www-form-urlencoded"),
    "a field without a value sign": ("service_code", "application/x-www-form-urlencoded"),
}


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize(("payload", "content_type"), list(BODIES.values()), ids=list(BODIES))
def test_a_body_that_is_not_a_good_form_is_refused(client, filing, payload, content_type, fmt):
    before = _count()
    checked(post(client, "requests", payload, fmt=fmt, content_type=content_type), schemas.ERRORS, 400)
    assert _count() == before


def test_a_repeated_parameter_is_refused(client, filing):
    before = _count()
    errors = checked(post(client, "requests", {**filing, "service_code": ["litter", "litter"]}), schemas.ERRORS, 400)
    assert "service_code" in errors[0]["description"] and _count() == before


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_huge_body_is_refused_before_it_is_read(client, filing, settings, fmt):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    before = _count()
    checked(post(client, "requests", {**filing, "description": "脏" * 10_000}, fmt=fmt), schemas.ERRORS, 413)
    assert _count() == before


def test_too_many_fields_are_refused(client, filing, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 20
    before = _count()
    data = {**filing, **{f"attribute[x{n}]": "1" for n in range(30)}}
    checked(post(client, "requests", data), schemas.ERRORS, 400)
    assert _count() == before
