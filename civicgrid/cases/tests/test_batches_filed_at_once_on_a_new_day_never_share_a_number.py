"""Two batches filed at the same moment, each in its own connection, on a day no case has been numbered yet: the
first batch's first number locks the day's counter, so the second waits and numbers after it."""

import threading

import pytest
from django.db import connection, transaction
from django.utils import timezone

from civicgrid.cases.batch import Batch
from civicgrid.cases.bulk import file_many
from civicgrid.cases.models import Case, CaseCounter
from civicgrid.testing import factories

PER_BATCH = 3


def in_batch(reports, user, now) -> list[str]:
    batch = Batch()
    cases = [batch.file(report, user, now) for report in reports]
    batch.write()
    return [case.number for case in cases]


def in_bulk(reports, user, now) -> list[str]:
    return [case.number for case in file_many(reports, user, dispatch=False, now=now).cases]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", [in_batch, in_bulk])
def test_two_batches_on_a_new_day_get_distinct_consecutive_numbers(yulin, street_litter, township_dispatcher, path):
    now, barrier, numbered = timezone.now(), threading.Barrier(2), []

    def file_batch():
        reports = [factories.report(street_litter, channel="hotline") for _ in range(PER_BATCH)]
        barrier.wait()
        try:
            with transaction.atomic():
                numbered.append(path(reports, township_dispatcher, now))
        finally:
            connection.close()

    threads = [threading.Thread(target=file_batch) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    sequences = sorted(int(number.rsplit("-", 1)[1]) for numbers in numbered for number in numbers)
    assert len(numbered) == 2 and sequences == list(range(1, 2 * PER_BATCH + 1))
    assert Case.objects.count() == 2 * PER_BATCH
    assert CaseCounter.objects.get(day=timezone.localdate(now)).last == 2 * PER_BATCH
