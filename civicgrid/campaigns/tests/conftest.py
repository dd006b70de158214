"""A dispute and a hazard category, and drafts of campaigns at township A."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicgrid.campaigns.services import Draft
from civicgrid.testing import factories


@pytest.fixture
def neighbours(db):
    factories.category("02", "矛盾纠纷", kind="dispute")
    return factories.category("02.001", "邻里纠纷", kind="dispute")


@pytest.fixture
def fire_exit(db):
    factories.category("09", "安全隐患", kind="hazard")
    return factories.category("09.001", "消防通道堵塞", kind="hazard")


def draft(yulin, **values) -> Draft:
    today = timezone.localdate()
    fields = {"name": "矛盾纠纷大排查大化解", "area": yulin["township_a"], "starts_on": today - timedelta(days=10),
              "ends_on": today + timedelta(days=20), "kinds": ["dispute", "hazard"],
              "targets": {yulin["community_a"]: 4}, **values}
    return Draft(**fields)
