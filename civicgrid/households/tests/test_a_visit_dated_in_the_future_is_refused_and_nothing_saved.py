"""A visit dated in the future (or more than a year back, or with no time) is refused with a clear message; no
visit, no case and no change to the household's last visit are saved."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.cases.models import Case
from civicgrid.cases.workflow import InvalidInput
from civicgrid.households.models import Visit
from civicgrid.households.services import VisitDraft, record_visit
from civicgrid.testing.households import household


def test_a_visit_tomorrow_is_refused_and_nothing_is_saved(grid_worker, units, finding_categories):
    found = household(units["floor"], "101", visited_days_ago=10)
    before = found.last_visited_at
    tomorrow = timezone.now() + timedelta(days=1)
    with pytest.raises(InvalidInput) as refused:
        record_visit(grid_worker, VisitDraft(household=found, visited_at=tomorrow, found="楼道堆物",
                                             file_as=finding_categories["request"]))
    assert "晚于现在，不能登记还没有发生的走访" in refused.value.errors["visited_at"]
    found.refresh_from_db()
    assert (Visit.objects.count(), Case.objects.count(), found.last_visited_at) == (0, 0, before)


@pytest.mark.parametrize(("visited_at", "message"), [
    (None, "请填写走访时间。"),
    (timezone.now() - timedelta(days=400), "早于一年前，请核对日期"),
])
def test_a_visit_without_a_time_or_over_a_year_back_is_refused(grid_worker, units, visited_at, message):
    found = household(units["floor"], "101")
    with pytest.raises(InvalidInput) as refused:
        record_visit(grid_worker, VisitDraft(household=found, visited_at=visited_at))
    assert message in refused.value.errors["visited_at"]
    assert not Visit.objects.exists()


def test_the_page_shows_the_refusal_and_saves_nothing(client, grid_worker, units):
    found = household(units["floor"], "101")
    client.force_login(grid_worker)
    tomorrow = timezone.localtime() + timedelta(days=1)
    response = client.post(f"/households/{found.pk}/visit/", {"visited_at": tomorrow.strftime("%Y-%m-%dT%H:%M"),
                                                              "found": "一切正常"})
    assert response.status_code == 200
    assert "不能登记还没有发生的走访" in response.content.decode()
    assert not Visit.objects.exists()
