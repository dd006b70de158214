"""``inserts.insert`` (a ``COPY`` on PostgreSQL) leaves the rows ``bulk_create`` leaves: every column, keys set
on the objects in order, defaults and ``auto_now_add`` filled in, JSON, empty values and keys of related
records saved after they were assigned."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civicgrid.core.choices import LockoutKind
from civicgrid.core.inserts import insert
from civicgrid.core.models import IdempotencyRecord, LoginLockout

AT = datetime(2026, 3, 10, 16, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
RESPONSE = {"number": "610802-20260310-00001", "奇怪": ["引号\"与\\反斜杠", "tab\tand\nnewline", None, 1.5]}


def records(lifter) -> list:
    answers = [IdempotencyRecord(owner="app", key=f"k{n}", request_hash="h" * 64, response=RESPONSE if n else None)
               for n in range(3)]
    lockouts = [LoginLockout(kind=LockoutKind.ACCOUNT, value=f"\\用户{n}", failures=n, locked_at=AT,
                             until=AT + timedelta(minutes=n), lifted_by=lifter if n else None) for n in range(3)]
    return [answers, lockouts]


def written(way, lifter) -> list[list[dict]]:
    """The rows ``way`` leaves (their own keys and creation times aside), removed again."""
    found = []
    for objects in records(lifter):
        model = type(objects[0])
        way(model, objects)
        found.append([{k: v for k, v in row.items() if k not in {"id", "created_at"}}
                      for row in model.objects.order_by("pk").values()])
        model.objects.all().delete()
    return found


def bulk_create(model, objects) -> list:
    return model.objects.bulk_create(objects)


@pytest.mark.django_db
def test_insert_leaves_the_rows_of_bulk_create():
    lifter = get_user_model().objects.create(username="lifter")
    assert written(insert, lifter) == written(bulk_create, lifter)


@pytest.mark.django_db
def test_inserted_objects_have_their_keys_in_order_and_related_keys_saved_after_they_were_assigned():
    lifter = get_user_model()(username="lifter")
    answers, lockouts = records(lifter)
    lifter.save()  # after it was assigned: its key is taken over as bulk_create takes it over
    inserted = insert(IdempotencyRecord, answers) + insert(LoginLockout, lockouts)
    assert [r.pk for r in answers] == sorted(r.pk for r in answers) and None not in [r.pk for r in inserted]
    assert all(not r._state.adding for r in inserted) and all(r.created_at is not None for r in answers)
    assert IdempotencyRecord.objects.get(pk=answers[1].pk).response == RESPONSE
    assert LoginLockout.objects.get(pk=lockouts[2].pk).lifted_by == lifter


@pytest.mark.django_db
def test_rows_that_carry_their_own_key_or_none_at_all_go_the_bulk_create_way():
    assert insert(IdempotencyRecord, []) == []
    keyed = IdempotencyRecord(pk=990001, owner="o", key="k", request_hash="h")
    with CaptureQueriesContext(connection) as queries:
        insert(IdempotencyRecord, [keyed])
    assert "INSERT" in queries.captured_queries[-1]["sql"]
    assert IdempotencyRecord.objects.get(pk=990001).owner == "o"
