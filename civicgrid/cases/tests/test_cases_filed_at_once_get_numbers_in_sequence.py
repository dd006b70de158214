"""Many reports filed at the same moment, each in its own connection: every case a number, none twice."""

import threading

import pytest
from django.db import connection

from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Case
from civicgrid.testing import factories

FILERS = 6


@pytest.mark.django_db(transaction=True)
def test_six_reports_filed_at_once_get_six_consecutive_numbers(yulin, street_litter):
    barrier, numbers = threading.Barrier(FILERS), []

    def file_one():
        barrier.wait()
        try:
            numbers.append(file_case(factories.report(street_litter)).number)
        finally:
            connection.close()

    threads = [threading.Thread(target=file_one) for _ in range(FILERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    sequences = sorted(int(number.rsplit("-", 1)[1]) for number in numbers)
    assert sequences == list(range(1, FILERS + 1))
    assert Case.objects.count() == FILERS


@pytest.mark.django_db
def test_the_count_starts_again_each_day(yulin, street_litter):
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.now()
    first = file_case(factories.report(street_litter), now=today)
    second = file_case(factories.report(street_litter), now=today)
    tomorrow = file_case(factories.report(street_litter), now=today + timedelta(days=1))
    assert [first.number[-5:], second.number[-5:], tomorrow.number[-5:]] == ["00001", "00002", "00001"]
