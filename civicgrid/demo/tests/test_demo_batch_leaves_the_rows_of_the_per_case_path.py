"""The demo's cases and hazards go through the one writer's batch path; step by step through ``transition`` they
leave the same rows: cases, events, assignments, requests, followers, files, notices, number counters and the
hazards' records, gradings and checks."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction

from civicgrid.cases.models import Approval, Assignment, Attachment, Case, CaseCounter, CaseEvent, CaseFollower
from civicgrid.demo.cases import load_cases
from civicgrid.demo.hazards import load_hazards
from civicgrid.hazards.models import Check, Grading, Hazard
from civicgrid.notifications.models import Notice, OutboxMessage
from civicgrid.orgs.models import Department, Staff

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 16, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
COUNT = 120
HAZARDS = 30
# Written by the clock of the machine, or named by chance (a stored file's path): no path can match them.
UNMATCHED = {"id", "updated_at", "file"}
COMPARED = [Case, CaseEvent, Assignment, Approval, CaseFollower, Attachment, Notice, CaseCounter, OutboxMessage,
            Hazard, Grading, Check]


def test_the_demo_batch_leaves_the_rows_the_per_case_path_leaves(demo_city, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with transaction.atomic():
        per_case = load_cases(COUNT, password="demo-pw", now=NOW, per_case=True)
        load_hazards(password="demo-pw", now=NOW, count=HAZARDS, per_case=True)
        step_by_step = snapshot()
        transaction.set_rollback(True)

    batch = load_cases(COUNT, password="demo-pw", now=NOW)
    load_hazards(password="demo-pw", now=NOW, count=HAZARDS)
    in_batch = snapshot()

    assert per_case.refused == batch.refused == []
    assert len(in_batch[CaseEvent]) > 8 * COUNT  # the stories ran their course, sweeps and side paths too
    assert in_batch[Approval] and in_batch[CaseFollower] and in_batch[Attachment] and in_batch[Notice]
    for model in COMPARED:
        assert in_batch[model] == step_by_step[model], model.__name__
    assert {event["action"] for event in in_batch[CaseEvent]} >= {
        "report", "register", "dispatch", "accept", "handle", "verify", "close", "callback", "merge", "return",
        "extend", "suspend", "resume", "overdue", "remind", "refuse", "self_resolve", "void", "hazard_grade",
        "hazard_order", "hazard_accept", "hazard_close"}
    assert in_batch[Hazard] and in_batch[Grading] and in_batch[Check]


def snapshot() -> dict:
    """Every row of the compared tables, its own ids and those of other rows written in the run replaced by
    what names the row in both runs (a case's number, a user's name …), sorted."""
    keys = _keys()  # the staff and county departments the demo creates are written in each run
    return {model: sorted((_row(obj, keys) for obj in model.objects.all()), key=repr) for model in COMPARED}


def _keys() -> dict:
    cases = dict(Case.objects.values_list("pk", "number"))
    departments = dict(Department.objects.values_list("pk", "code"))
    assignments = {a.pk: (cases[a.case_id], departments[a.department_id], a.role, a.dispatched_at)
                   for a in Assignment.objects.all()}
    approvals = {a.pk: (cases[a.case_id], a.kind, a.requested_at) for a in Approval.objects.all()}
    events = {e.pk: (cases[e.case_id], e.action, e.created_at, e.note) for e in CaseEvent.objects.all()}
    checks = {c.pk: (cases[c.hazard_id], c.kind, c.checked_at) for c in Check.objects.all()}
    return {Case: cases, Assignment: assignments, Approval: approvals, CaseEvent: events,
            Staff: dict(Staff.objects.values_list("pk", "username")),
            Department: departments, Hazard: cases, Check: checks}  # a hazard's key is its case's


def _row(obj, keys: dict) -> dict:
    row = {}
    for field in obj._meta.concrete_fields:
        if field.name in UNMATCHED:
            continue
        value = getattr(obj, field.attname)
        if field.is_relation and value is not None and field.related_model in keys:
            value = keys[field.related_model][value]
        row[field.name] = value
    if isinstance(obj, CaseEvent):
        row["data"] = _named(row["data"], keys)
    return row


def _named(data: dict, keys: dict) -> dict:
    """An event's data names the requests and assignments it made by id."""
    named = dict(data)
    if "approval" in named:
        named["approval"] = keys[Approval][named["approval"]]
    if "assignments" in named:
        named["assignments"] = [keys[Assignment][pk] for pk in named["assignments"]]
    if "check" in named:
        named["check"] = keys[Check][named["check"]]
    return named
