"""``inserts.insert`` writes more rows than one statement takes in batches (on SQLite, within its limit of values)
and still gives each record the key of its own row, in the order given."""

import pytest

from civicgrid.core.inserts import insert
from civicgrid.core.models import IdempotencyRecord


@pytest.mark.django_db
def test_records_inserted_in_several_batches_each_get_the_key_of_their_own_row():
    records = [IdempotencyRecord(owner="batch", key=f"k{n}", request_hash=f"{n:064d}") for n in range(7)]
    insert(IdempotencyRecord, records, batch_size=3)
    assert [r.pk for r in records] == sorted(r.pk for r in records)
    stored = dict(IdempotencyRecord.objects.filter(owner="batch").values_list("pk", "key"))
    assert stored == {r.pk: r.key for r in records}
