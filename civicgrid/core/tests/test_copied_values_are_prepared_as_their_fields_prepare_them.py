"""``inserts.insert`` sends each value to ``COPY`` as the field's own ``pre_save`` and ``get_db_prep_save`` would
prepare it (``bulk_create``'s way), though on PostgreSQL it shortens that for the usual types: the same value and
the same type, for text, choices' members, lazy strings, numbers, numbers given as text, flags, aware and naive
times, JSON, empty values and keys of related records saved after they were assigned."""

import warnings
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.utils.translation import gettext_lazy

from civicgrid.cases.choices import Priority, Status
from civicgrid.cases.models import Case, CaseEvent, Category
from civicgrid.core.inserts import _layout
from civicgrid.geo.models import Area

AT = datetime(2026, 3, 10, 16, 30, tzinfo=ZoneInfo("Asia/Shanghai"))


def cases() -> list[Case]:
    """Cases whose values are of every type a field may be given, and whose related records got keys late."""
    area, category = Area(pk=7, code="610802"), Category(pk=3, code="01", name="市容")
    late = Area(code="610803")
    given = [
        {"status": Status.REGISTERED, "priority": Priority.URGENT, "title": "标题", "version": 2, "longitude": 109.7,
         "anonymous": True, "reported_at": AT, "extra": {"楼层": 3}, "area": area, "centre_area": area},
        {"status": "registered", "title": gettext_lazy("标题"), "version": "3", "longitude": 109, "latitude": "38.2",
         "anonymous": 1, "reported_at": datetime(2026, 3, 10, 8, 0), "due_at": None, "extra": None,
         "area": late, "centre_area_id": 7, "category_id": "3"},
        {"title": "", "version": True, "reported_at": AT, "rework_count": 0, "address": None, "area_id": 7,
         "centre_area_id": None, "category": category, "reporter_name": "张\t三\\"},
    ]
    found = [Case(**values) for values in given]
    late.pk = 8  # saved after it was assigned: its key is taken over, as bulk_create takes it over
    return found


def by_django(record) -> list:
    record._prepare_related_fields_for_save(operation_name="bulk_create")
    return [field.get_db_prep_save(field.pre_save(record, True), connection) for field in _fields(record)]


def by_layout(record) -> list:
    return _layout(type(record), connection.vendor).row(record, connection)


def _fields(record) -> list:
    return _layout(type(record), connection.vendor).fields


def comparable(record, values: list) -> list:
    """Each value with its type; JSON by what it wraps, and times set on saving (``auto_now``) left out."""
    return [(type(value), getattr(value, "obj", value)) for field, value in zip(_fields(record), values)
            if not getattr(field, "auto_now", False)]


def prepared(way) -> list:
    return [comparable(record, quietly(way, record)) for record in cases()]


def quietly(way, record) -> list:
    with warnings.catch_warnings(record=True):  # a naive time is made aware with Django's warning, both ways
        warnings.simplefilter("always")
        return way(record)


@pytest.mark.django_db
def test_every_value_is_prepared_as_its_field_prepares_it():
    assert prepared(by_layout) == prepared(by_django)


@pytest.mark.django_db
def test_a_key_given_to_a_related_record_after_it_was_assigned_is_taken_over():
    record = cases()[1]
    row = dict(zip([field.name for field in _fields(record)], quietly(by_layout, record)))
    assert row["area"] == 8 and record.area_id == 8


@pytest.mark.django_db
def test_a_record_pointing_at_one_never_saved_is_refused_as_bulk_create_refuses_it():
    event = CaseEvent(case=Case(), action="report")
    with pytest.raises(ValueError, match="unsaved related object 'case'"):
        by_layout(event)


@pytest.mark.django_db
def test_a_key_changed_after_its_record_was_assigned_is_kept_and_the_record_forgotten():
    twins = []
    for way in (by_layout, by_django):
        record = cases()[0]
        record.area_id = 9
        twins.append((comparable(record, quietly(way, record)), "area" in record._state.fields_cache))
    assert twins[0] == twins[1] and twins[0][1] is False
