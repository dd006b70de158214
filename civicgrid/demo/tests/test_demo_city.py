import pytest
from django.core.management import call_command
from django.test import Client

from civicgrid.demo.people import DEMO_USERS
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.models import Area, Boundary

pytestmark = pytest.mark.django_db


def count(level, prefix="6108"):
    return Area.objects.filter(code__startswith=prefix, level=level).count()


def test_the_demo_city_is_yulin_with_its_real_divisions_outlines_grids_and_logins(demo_city, capsys):
    # demo_city is load_demo on an empty database without cases: the demo cases have a test of their own
    # (test_demo_cases_*); replaying thousands here would only be slow.
    assert (count(AreaLevel.COUNTY), count(AreaLevel.TOWNSHIP), count(AreaLevel.COMMUNITY)) == (12, 184, 3227)
    assert count(AreaLevel.GRID) >= 10_000
    assert Boundary.objects.current().filter(area__code__startswith="6108", area__level=AreaLevel.COUNTY).count() == 12
    assert not Area.objects.filter(level=AreaLevel.COMMUNITY, code__startswith="6108", children__isnull=True).exists()
    for username, *_rest in DEMO_USERS:
        assert username in demo_city
        assert Client().login(username=username, password="civicgrid-demo")

    call_command("load_demo", cases=0)
    again = capsys.readouterr().out
    assert "没有变化" in again and "已存在，跳过" in again
    assert count(AreaLevel.GRID) >= 10_000
