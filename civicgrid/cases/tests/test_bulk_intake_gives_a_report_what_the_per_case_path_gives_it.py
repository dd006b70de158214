"""``bulk.file_many`` files, registers and dispatches a report exactly as file_case + transition would."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from civicgrid.cases.bulk import file_many
from civicgrid.cases.intake import file_case
from civicgrid.cases.models import RoutingRule
from civicgrid.cases.routing import propose
from civicgrid.cases.services import transition
from civicgrid.notifications.models import Notice, OutboxMessage
from civicgrid.testing import factories

NOW = datetime(2026, 3, 10, 16, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
CASE_FIELDS = ["status", "version", "started_at", "warn_at", "due_at", "limit_unit", "overdue", "category_id", "kind",
               "channel", "priority", "title", "description", "extra", "longitude", "latitude", "address", "area_id",
               "area_code", "centre_area_id", "reporter_name", "reporter_phone", "reporter_id_number", "anonymous",
               "reported_by_id", "reported_at", "closed_at", "suspended_at", "rework_count"]
ASSIGNMENT_FIELDS = ["department_id", "role", "status", "dispatched_at", "accept_due_at", "started_at", "warn_at",
                     "due_at", "limit_unit", "overdue", "suspended_at"]
EVENT_FIELDS = ["action", "from_status", "to_status", "actor_id", "actor_label", "note", "created_at"]


@pytest.fixture
def routed(street_litter, department_handler, second_department_handler):
    """暴露垃圾 in 榆阳区 goes to the first department, with the second as co-department."""
    lead = department_handler.assignments.get().department
    rule = RoutingRule.objects.create(category=street_litter, area_prefix="610802", lead_department=lead)
    rule.co_departments.set([second_department_handler.assignments.get().department])
    return street_litter


def per_case(report, user):
    case = file_case(report, user, now=NOW)
    route = propose(case.category, case.area_code)
    transition(case, "register", user, now=NOW)
    transition(case, "dispatch", user, now=NOW, lead=route.lead.pk, co=[d.pk for d in route.co])
    case.refresh_from_db()
    return case


def values(obj, fields):
    return {name: getattr(obj, name) for name in fields}


def events(case):
    return [values(e, EVENT_FIELDS) | {"data": {k: v for k, v in e.data.items() if k != "assignments"}}
            for e in case.events.order_by("created_at", "pk")]


def without_number(text, case):
    return text.replace(case.number, "<number>")


def test_bulk_filed_reports_get_the_state_clocks_events_assignments_and_messages_of_the_per_case_path(
    routed, township_dispatcher, django_capture_on_commit_callbacks,
):
    kinds = [{"channel": "hotline"}, {"channel": "web", "priority": "urgent", "anonymous": True}]
    with django_capture_on_commit_callbacks(execute=True):
        singles = [per_case(factories.report(routed, **kind), township_dispatcher) for kind in kinds]
    filed = file_many([factories.report(routed, **kind) for kind in kinds], township_dispatcher, now=NOW)
    assert filed.errors == {} and filed.not_dispatched == {}
    assert [case.number[-5:] for case in singles + filed.cases] == ["00001", "00002", "00003", "00004"]
    for one, two in zip(singles, filed.cases):
        two.refresh_from_db()
        assert_same(one, two)
    assert singles[0].due_at != singles[1].due_at  # the urgent case has the shorter limit


def assert_same(one, two):
    assert values(two, CASE_FIELDS) == values(one, CASE_FIELDS)
    assert two.status == "dispatched" and two.due_at is not None and two.assignments.count() == 2
    assert events(two) == events(one)
    dispatch = two.events.get(action="dispatch")
    assert dispatch.data["assignments"] == list(two.assignments.order_by("pk").values_list("pk", flat=True))
    assert [values(a, ASSIGNMENT_FIELDS) for a in two.assignments.order_by("pk")] == \
        [values(a, ASSIGNMENT_FIELDS) for a in one.assignments.order_by("pk")]
    assert notices(two) == notices(one) and len(notices(one)) == 2
    assert sms(two) == sms(one) and len(sms(one)) == 1


def notices(case):
    return sorted((n.recipient_id, n.kind, without_number(n.text, case)) for n in Notice.objects.filter(case=case))


def sms(case):
    return [without_number(m.body, case) for m in OutboxMessage.objects.filter(body__contains=case.number)]
