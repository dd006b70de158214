"""The stored circles are measured again whenever a post is placed or removed and whenever the administrator
changes a kind's speed in the admin; a kind whose speed row is gone travels at its default speed."""

import pytest

from civicgrid.patrols import circles, posts
from civicgrid.patrols.models import AreaReach, PostSpeed

from .circles_helpers import POINT_A


def circle_of_a() -> int:
    return AreaReach.objects.get(code="610802001001001").circle


@pytest.fixture
def station(leader):
    """1,112 m north of grid A's point (0.01°): 2.2 minutes at a station's 500 m a minute."""
    return posts.place(leader, posts.Draft("鼓楼警务站", "station", POINT_A[0], POINT_A[1] + 0.01))


@pytest.fixture
def in_the_admin(client, administrator):
    """The city's administrator signed in to the admin (Django's own staff flags)."""
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    client.force_login(administrator)
    return client


def test_placing_and_removing_a_post_measures_again(leader, station):
    assert circle_of_a() == 3
    posts.remove(leader, station)
    assert circle_of_a() == 9


def test_a_slower_speed_set_in_the_admin_measures_again(in_the_admin, station):
    speed = PostSpeed.objects.get(kind="station")
    answer = in_the_admin.post(f"/admin/patrols/postspeed/{speed.pk}/change/", {"kind": "station", "speed_kmh": "12"})
    assert answer.status_code == 302
    assert circle_of_a() == 9  # 1,112 m at 200 m a minute: 5.6 minutes
    assert AreaReach.objects.get(code="610802001001001").minutes == pytest.approx(1111.95 / 200, abs=1e-3)


def test_an_impossible_speed_is_refused_in_the_admin(in_the_admin, station):
    speed = PostSpeed.objects.get(kind="station")
    answer = in_the_admin.post(f"/admin/patrols/postspeed/{speed.pk}/change/", {"kind": "station", "speed_kmh": "500"})
    assert answer.status_code == 200 and PostSpeed.objects.get(kind="station").speed_kmh == 30
    assert circle_of_a() == 3


def test_a_kind_without_its_row_travels_at_the_default(station):
    PostSpeed.objects.all().delete()
    assert circles.speeds() == {"station": 30.0, "office": 18.0, "quick": 36.0}
    circles.refresh()
    assert circle_of_a() == 3
