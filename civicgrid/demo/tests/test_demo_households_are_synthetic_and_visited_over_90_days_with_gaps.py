"""The demo's households: every building of 鸳鸯湖社区 holds as many as its household count says, all marked as
synthetic, visited over the last 90 days with gaps (buildings nobody visited, households never visited), so the
heads' pages show households due; a second load adds none."""

from datetime import timedelta

import pytest
from django.db.models import Max, Min, Sum
from django.test import Client
from django.utils import timezone

from civicgrid.demo import households as demo
from civicgrid.demo.people import COMMUNITY, GRID
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.models import Area
from civicgrid.households.models import Household, Visit

pytestmark = pytest.mark.django_db


def test_the_demo_households_fill_the_communitys_buildings_and_are_visited_with_gaps(demo_city):
    expected = Area.objects.filter(code__startswith=COMMUNITY, level=AreaLevel.UNIT).aggregate(n=Sum("households"))
    assert Household.objects.filter(unit_code__startswith=COMMUNITY).count() == expected["n"]
    assert not Household.objects.filter(synthetic=False).exists()
    span = Visit.objects.aggregate(first=Min("visited_at"), last=Max("visited_at"))
    assert timezone.now() - timedelta(days=91) < span["first"] and span["last"] <= timezone.now()
    assert Household.objects.filter(last_visited_at__isnull=True).exists()
    visited = set(Visit.objects.values_list("unit_code", flat=True))
    assert {code[:18] for code in Household.objects.values_list("unit_code", flat=True)} - {c[:18] for c in visited}
    assert demo.load_households() == (0, 0)


def test_the_building_head_opens_on_their_building_with_households_due(demo_city):
    client = Client()
    assert client.login(username="loudongzhang", password="civicgrid-demo")
    response = client.get("/households/", follow=True)
    assert response.context["area"].code == f"{GRID}001"
    assert 0 < response.context["total"].visited < response.context["total"].households
    assert "演示" in response.content.decode()
