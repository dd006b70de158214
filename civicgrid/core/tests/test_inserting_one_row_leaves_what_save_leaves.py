"""``inserts.insert_one`` leaves the row ``save`` leaves, with the record's key and state as ``save`` sets
them; a record ``save`` must handle itself (its own key, receivers of ``post_save``) is saved by ``save``."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models.signals import post_save
from django.test.utils import CaptureQueriesContext

from civicgrid.core.inserts import insert_one
from civicgrid.core.models import IdempotencyRecord, LoginLockout

from .test_inserting_many_rows_leaves_what_bulk_create_leaves import records, written


def one_by_one(way):
    """``way`` (``insert_one`` or ``save``) as a way of writing a model's records, record by record."""
    return lambda model, objects: [way(record) for record in objects]


@pytest.mark.django_db
def test_insert_one_leaves_the_rows_of_save():
    lifter = get_user_model().objects.create(username="lifter")
    assert written(one_by_one(insert_one), lifter) == written(one_by_one(lambda record: record.save()), lifter)


@pytest.mark.django_db
def test_the_inserted_record_has_its_key_its_state_and_a_related_key_saved_after_it_was_assigned():
    lifter = get_user_model()(username="lifter")
    lockout = records(lifter)[1][2]
    lifter.save()
    assert insert_one(lockout) is lockout
    assert lockout.pk is not None and not lockout._state.adding and lockout._state.db == "default"
    assert LoginLockout.objects.get(pk=lockout.pk).lifted_by == lifter


@pytest.mark.django_db
def test_a_record_with_its_own_key_or_with_receivers_of_post_save_is_saved_by_save():
    heard = []

    def receiver(sender, instance, created, **kwargs):
        heard.append((instance.key, created))

    keyed = IdempotencyRecord(pk=990002, owner="o", key="keyed", request_hash="h")
    insert_one(keyed)
    post_save.connect(receiver, sender=IdempotencyRecord)
    try:
        insert_one(IdempotencyRecord(owner="o", key="heard", request_hash="h"))
    finally:
        post_save.disconnect(receiver, sender=IdempotencyRecord)
    assert IdempotencyRecord.objects.get(pk=990002).key == "keyed"
    assert heard == [("heard", True)]


@pytest.mark.django_db
def test_one_insert_statement_is_sent():
    with CaptureQueriesContext(connection) as queries:
        insert_one(IdempotencyRecord(owner="o", key="one", request_hash="h"))
    assert [q["sql"].split()[0] for q in queries.captured_queries] == ["INSERT"]
