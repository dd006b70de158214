"""周化解: the unresolved disputes reported more than a week ago, by mediator (a dispute with two mediators
counts for both; none is 未指派) and by committee, with how many are past their 化解 deadline."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.cases.choices import Status
from civicgrid.disputes import rhythm

from .rhythm_fixtures import committee, dispute, mediator, types


@pytest.fixture
def week(yulin):
    kind, now = types(), timezone.now()
    village = committee(yulin["community_a"], "鸳鸯湖社区人民调解委员会", "鸳鸯湖")
    wang, li = mediator(village, "王调解"), mediator(village, "李调解")
    grid = yulin["grid_a"]
    dispute(grid, kind["family"], now - timedelta(days=10), due_at=now - timedelta(days=1), committee=village,
            mediators=[wang, li])
    dispute(grid, kind["family"], now - timedelta(days=8), due_at=now + timedelta(days=2), committee=village,
            mediators=[wang])
    dispute(grid, kind["neighbours"], now - timedelta(days=9), record=False)
    dispute(grid, kind["neighbours"], now - timedelta(days=3), committee=village, mediators=[li])
    dispute(grid, kind["neighbours"], now - timedelta(days=20), resolved=True, committee=village, mediators=[li])
    dispute(grid, kind["neighbours"], now - timedelta(days=20), status=Status.CLOSED, mediators=[li])
    dispute(yulin["grid_b"], kind["family"], now - timedelta(days=10))
    return yulin


def test_the_township_has_three_disputes_open_over_a_week_one_late(week):
    found = rhythm.weekly(week["township_a"], timezone.now())
    assert (found.total, found.overdue) == (3, 1)
    assert [(load.label, load.count, load.overdue) for load in found.by_mediator] == [
        ("王调解", 2, 1), ("李调解", 1, 1), ("（未指派调解员）", 1, 0)]
    assert [(load.label, load.count, load.overdue) for load in found.by_committee] == [
        ("鸳鸯湖社区人民调解委员会", 2, 1), ("（未确定调解组织）", 1, 0)]


def test_the_list_starts_with_the_nearest_deadline(week):
    listed = rhythm.weekly(week["township_a"], timezone.now()).disputes
    assert [rhythm.mediators_of(case) for case in listed] == ["李调解、王调解", "王调解", ""]


def test_the_weekly_page_shows_them(client, week, township_dispatcher):
    client.force_login(township_dispatcher)
    page = client.get(f"/disputes/weekly/{week['township_a'].code}/").content.decode()
    assert "李调解、王调解" in page and "<strong>3</strong>" in page
