"""The bulk loaders (the demo's, the bench's) write households and visits all or none by the pages' rules, and
leave each household's last visit as its visits say."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.cases.workflow import InvalidInput
from civicgrid.households import bulk
from civicgrid.households.models import Household, Visit
from civicgrid.households.services import HouseholdDraft


def drafts(unit, n: int) -> list[HouseholdDraft]:
    return [HouseholdDraft(unit=unit, door=f"{n}0{i}", head_name=f"住户{i}") for i in range(n)]


def test_households_and_visits_load_with_each_last_visit(grid_worker, units):
    assert len(bulk.add_households(drafts(units["floor"], 3), synthetic=True)) == 3
    first, second, third = Household.objects.order_by("door")
    now = timezone.now()
    visits = [bulk.visit(first, grid_worker.pk, now - timedelta(days=d)) for d in (20, 3, 9)]
    visits.append(bulk.visit(second, grid_worker.pk, now - timedelta(days=50)))
    assert bulk.add_visits(visits, now) == 4
    latest = dict(Household.objects.values_list("door", "last_visited_at"))
    assert latest == {first.door: now - timedelta(days=3), second.door: now - timedelta(days=50), third.door: None}
    assert all(Household.objects.values_list("synthetic", flat=True))


def test_a_household_on_an_area_that_is_no_unit_refuses_the_whole_batch(yulin, units):
    with pytest.raises(InvalidInput) as refused:
        bulk.add_households([*drafts(units["floor"], 2), *drafts(yulin["grid_a"], 1)])
    assert "第 3 户不在楼栋、楼层等责任单元下" in refused.value.message
    assert not Household.objects.exists()


def test_a_visit_in_the_future_refuses_the_whole_batch(grid_worker, units):
    bulk.add_households(drafts(units["floor"], 1))
    found, now = Household.objects.get(), timezone.now()
    with pytest.raises(InvalidInput) as refused:
        bulk.add_visits([bulk.visit(found, grid_worker.pk, now), bulk.visit(found, grid_worker.pk, now + timedelta(1))],
                        now)
    assert "第 2 条走访的时间晚于现在" in refused.value.message
    assert not Visit.objects.exists()


def test_refreshing_every_household_reads_their_visits_again(grid_worker, units):
    bulk.add_households(drafts(units["floor"], 1))
    found, now = Household.objects.get(), timezone.now()
    bulk.add_visits([bulk.visit(found, grid_worker.pk, now - timedelta(days=4))], now)
    Household.objects.update(last_visited_at=None)
    bulk.refresh_last_visits()
    assert Household.objects.get().last_visited_at == now - timedelta(days=4)
