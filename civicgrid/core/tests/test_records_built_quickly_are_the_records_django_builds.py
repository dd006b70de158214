"""``records.new(Model, **values)`` builds the very record ``Model(**values)`` builds: every value, the related
records it remembers and its state, for related records given by name or by key, saved or not, or none; and
wherever ``new`` cannot be sure, Django builds it, with Django's own errors."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db.models.signals import pre_init

from civicgrid.cases.models import Assignment, Case, CaseEvent, Category
from civicgrid.core.records import new
from civicgrid.geo.models import Area
from civicgrid.notifications.models import Notice, OutboxMessage
from civicgrid.orgs.models import Department, Staff

AT = datetime(2026, 3, 10, 16, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
AREA, CATEGORY = Area(pk=7, code="610802"), Category(pk=3, code="01", name="市容", kind="request")
STAFF, DEPARTMENT = Staff(pk=5, username="clerk"), Department(pk=9, code="d", name="城管局")


def state(record) -> tuple:
    """Everything an instance holds: its values, the related records it remembers, and its state."""
    values = {key: value for key, value in record.__dict__.items() if key != "_state"}
    return type(record), values, record._state.adding, record._state.db, dict(record._state.fields_cache)


def case(**values) -> dict:
    return {"category": CATEGORY, "kind": "request", "channel": "hotline", "title": "占道经营", "description": "门口",
            "area": AREA, "area_code": AREA.code, "centre_area": AREA, "unit": None, "parent": None,
            "reported_by": STAFF, "reported_at": AT, **values}


UNSAVED = Case(title="未写入的案件")
GIVEN = [
    (Case, case()),
    (Case, case(category=None, area_id=7, reported_by=None, extra={"楼层": 3}, status="registered", version=2)),
    (Case, {"title": "只有标题", "reported_at": AT}),  # times by default are now: a moment later in the second
    (Case, {"category": CATEGORY, "category_id": 3, "reported_at": AT}),
    (CaseEvent, {"case": UNSAVED, "assignment": None, "action": "register", "actor": STAFF, "actor_role": "dispatcher",
                 "note": "", "data": {"lead": 9}, "created_at": AT}),
    (Assignment, {"case": UNSAVED, "department": DEPARTMENT, "role": "lead", "dispatched_at": AT, "suspended_at": None}),
    (Notice, {"recipient_id": 5, "kind": "new_task", "text": "新任务", "code": "cases.new_task", "params": {"n": 1},
              "case": UNSAVED, "created_at": AT}),
    (OutboxMessage, {"channel": "sms", "recipient": "13912345678", "body": "已受理", "next_attempt_at": AT,
                     "created_at": AT}),
]


@pytest.mark.parametrize(("model", "values"), GIVEN)
def test_a_record_built_quickly_is_the_record_django_builds(model, values):
    assert state(new(model, **values)) == state(model(**values))


def test_the_related_records_given_are_the_ones_remembered():
    built = new(Case, **case())

    assert built.category is CATEGORY and built.area is AREA and built.centre_area is AREA
    assert (built.category_id, built.area_id, built.reported_by_id, built.unit_id) == (3, 7, 5, None)


def test_a_related_record_of_the_wrong_kind_is_refused_as_django_refuses_it():
    with pytest.raises(ValueError, match="must be a \"Category\" instance"):
        new(Case, **case(category=AREA))


def test_values_that_are_not_fields_are_left_to_django_and_its_errors():
    with pytest.raises(TypeError, match="unexpected keyword arguments: 'no_such_field'"):
        new(Case, title="标题", no_such_field=1)


def test_receivers_of_pre_init_hear_the_values_as_django_sends_them():
    heard = []

    def receiver(sender, args, kwargs, **extra):
        heard.append((args, dict(kwargs)))

    pre_init.connect(receiver, sender=OutboxMessage)
    try:
        new(OutboxMessage, channel="sms", recipient="13912345678")
    finally:
        pre_init.disconnect(receiver, sender=OutboxMessage)

    assert heard == [((), {"channel": "sms", "recipient": "13912345678"})]
