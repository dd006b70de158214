"""A campaign counts, per target area, the matters of its kinds (or categories) filed during it there, and
those resolved; matters before it, of other kinds or elsewhere are not counted. Hand-computed on fixture data."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from civicgrid.campaigns.services import create, progress, tagged, targets_seen
from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.testing import factories

from .conftest import draft

GRID_B_POINT = (109.73, 38.29)


@pytest.fixture
def county_drive(yulin, administrator):
    return create(administrator, draft(yulin, area=yulin["county"], kinds=["dispute", "hazard"],
                                       targets={yulin["township_a"]: 4, yulin["township_b"]: 2}))


def _file(category, days_ago=1, point=None):
    moment = timezone.now() - timedelta(days=days_ago)
    report = factories.report(category, **({"point": point} if point else {}))
    return file_case(report, now=moment)


def _self_resolved(case, worker):
    transition(case, "self_resolve", worker, note="当场化解", files=[factories.jpeg()])


def test_found_and_resolved_per_area(client, yulin, county_drive, neighbours, fire_exit, street_litter, grid_worker,
                                     administrator):
    resolved = _file(neighbours)
    _file(neighbours, days_ago=3)
    _file(fire_exit)
    _file(neighbours, point=GRID_B_POINT)
    _file(neighbours, days_ago=40)  # before the campaign
    _file(street_litter)  # a kind the campaign does not count
    _self_resolved(resolved, grid_worker)
    rows = {row.target.area.code: (row.found, row.resolved, row.percent)
            for row in progress(county_drive, targets_seen(county_drive, administrator))}
    assert rows == {yulin["township_a"].code: (3, 1, 25), yulin["township_b"].code: (1, 0, 0)}
    client.force_login(administrator)
    page = client.get(reverse("campaigns:detail", args=[county_drive.pk])).content.decode()
    assert 'value="25"' in page and resolved.number in page


def test_a_category_branch_narrows_it(yulin, administrator, neighbours, fire_exit):
    drive = create(administrator, draft(yulin, kinds=[], categories=[neighbours.parent]))
    _file(neighbours)
    _file(fire_exit)
    assert [case.category for case in tagged(drive, targets_seen(drive, administrator))] == [neighbours]


def test_township_staff_see_only_their_own_area(client, yulin, county_drive, township_dispatcher, outsider):
    assert [t.area for t in targets_seen(county_drive, township_dispatcher)] == [yulin["township_a"]]
    client.force_login(township_dispatcher)
    page = client.get(reverse("campaigns:detail", args=[county_drive.pk])).content.decode()
    assert yulin["township_a"].name in page and yulin["township_b"].name not in page


def test_a_campaign_with_no_area_of_theirs_is_not_found(client, yulin, township_dispatcher, outsider):
    drive = create(township_dispatcher, draft(yulin))
    client.force_login(outsider)
    assert client.get(reverse("campaigns:detail", args=[drive.pk])).status_code == 404
    assert drive.name not in client.get(reverse("campaigns:index")).content.decode()
