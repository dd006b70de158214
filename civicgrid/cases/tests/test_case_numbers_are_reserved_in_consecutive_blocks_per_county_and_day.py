"""``intake.reserve_numbers`` hands out each county's numbers of a day in consecutive blocks, counting afresh on
each new day and leaving other counties and days as they were."""

from datetime import date

import pytest
from django.db import transaction
from django.db.transaction import TransactionManagementError
from django.utils import timezone

from civicgrid.cases.batch import Batch
from civicgrid.cases.intake import reserve_numbers
from civicgrid.cases.models import CaseCounter
from civicgrid.testing import factories

DAY, NEXT_DAY = date(2026, 3, 10), date(2026, 3, 11)


@pytest.mark.django_db
def test_blocks_follow_each_other_and_each_county_and_day_counts_on_its_own():
    assert reserve_numbers("610802", DAY, 3) == 1
    assert reserve_numbers("610802", DAY, 2) == 4
    assert reserve_numbers("610802", DAY) == 6
    assert reserve_numbers("610802", NEXT_DAY, 4) == 1
    assert reserve_numbers("610803", DAY) == 1
    counters = CaseCounter.objects.order_by("prefix", "day").values_list("prefix", "day", "last")
    assert list(counters) == [("610802", DAY, 6), ("610802", NEXT_DAY, 4), ("610803", DAY, 1)]


@pytest.mark.django_db
def test_a_batch_reserves_only_the_days_it_numbers(yulin, street_litter, township_dispatcher):
    CaseCounter.objects.create(prefix="610802", day=DAY, last=7)
    batch = Batch()
    numbers = [batch.file(factories.report(street_litter, channel="hotline"), township_dispatcher, timezone.now())
               for _ in range(3)]
    batch.write()
    assert [case.number[-5:] for case in numbers] == ["00001", "00002", "00003"]
    assert CaseCounter.objects.get(day=DAY).last == 7
    assert CaseCounter.objects.get(day=timezone.localdate()).last == 3


@pytest.mark.django_db(transaction=True)
def test_a_batch_outside_a_transaction_is_refused_before_it_takes_a_number(yulin, street_litter,
                                                                           township_dispatcher):
    with pytest.raises(TransactionManagementError):
        Batch().file(factories.report(street_litter, channel="hotline"), township_dispatcher, timezone.now())
    assert not CaseCounter.objects.exists()
    with transaction.atomic():
        assert Batch().file(factories.report(street_litter, channel="hotline"), township_dispatcher,
                            timezone.now()).number.endswith("-00001")
