"""Each grid and community is reached by the post that arrives first (distance ÷ its kind's speed), and lies
in the 1-, 3- or 5-minute circle or beyond. The distances below are worked out by hand: a post due north or
south of a point is R × Δφ away on the sphere of mean radius R = 6,371,008.8 m (0.004° = 444.78 m)."""

import math

import pytest

from civicgrid.geo.models import Area
from civicgrid.patrols.circles import classify
from civicgrid.testing import factories

from .circles_helpers import POINT_A, POINT_B, measured, post

# The default speeds: a station 30 km/h (500 m a minute), a community office 18 km/h (300 m), a quick-response
# point 36 km/h (600 m).


@pytest.fixture
def posts(yulin):
    """A station 0.004° north of grid A's point; an office 0.0081° south of grid B's; a quick-response point
    0.014° north of grid B's; and a third grid far east, out of everyone's reach."""
    far = factories.area("610802002001002", "青山路第2网格")
    factories.outline(far, factories.square(109.80, 38.28, 0.02))
    return {
        "station": post("鼓楼警务站", "station", POINT_A[0], POINT_A[1] + 0.004),
        "office": post("青山路社区警务室", "office", POINT_B[0], POINT_B[1] - 0.0081, grid="610802002001001"),
        "quick": post("青山路快反点", "quick", POINT_B[0], POINT_B[1] + 0.014, grid="610802002001001"),
    }


def test_a_grid_444_metres_from_a_station_is_within_one_minute(posts):
    reach = measured()["610802001001001"]
    assert reach.post == posts["station"]
    assert reach.metres == pytest.approx(444.78, abs=0.01)
    assert reach.minutes == pytest.approx(444.78 / 500, abs=1e-4)  # 0.89 minutes
    assert reach.circle == 1


def test_a_faster_post_further_away_arrives_first(posts):
    """Grid B: the office is 900.68 m away (3.002 minutes at 300 m a minute: just beyond 3), the quick-response
    point 1,556.73 m (2.595 minutes at 600 m a minute): the quick-response point reaches it first."""
    reach = measured()["610802002001001"]
    assert reach.post == posts["quick"]
    assert reach.metres == pytest.approx(1556.73, abs=0.01)
    assert reach.minutes == pytest.approx(1556.73 / 600, abs=1e-4)
    assert reach.circle == 3


def test_a_diagonal_distance_is_the_great_circle_one(posts):
    """The far grid's point (109.81, 38.29) from the quick-response point (109.73, 38.304): on the sphere,
    haversine worked out step by step."""
    r, lat1, lat2 = 6_371_008.8, math.radians(38.304), math.radians(38.29)
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(math.radians(0.08) / 2) ** 2
    by_hand = 2 * r * math.asin(math.sqrt(h))
    reach = measured()["610802002001002"]
    assert reach.post == posts["quick"]
    assert by_hand == pytest.approx(7153, abs=1)  # 6,980 m east and 1,557 m north: 11.9 minutes
    assert reach.metres == pytest.approx(by_hand, abs=0.01)
    assert reach.circle == 9


def test_a_community_without_an_outline_takes_its_grids_point(posts):
    found = measured()
    assert (found["610802001001"].lon, found["610802001001"].lat) == pytest.approx(POINT_A)
    assert found["610802001001"].circle == 1
    community_b = found["610802002001"]  # grid B and the far grid: the middle of their two points
    assert (community_b.lon, community_b.lat) == pytest.approx(((109.73 + 109.81) / 2, 38.29))


def test_without_any_post_every_area_is_beyond_with_no_time(yulin):
    found = measured()
    assert {reach.code for reach in found.values()} == {"610802001001001", "610802002001001", "610802001001",
                                                        "610802002001"}
    assert all(reach.circle == 9 and reach.minutes is None and reach.post is None for reach in found.values())


def test_the_circles_include_their_limits():
    assert list(classify([0, 1.0, 1.0001, 3.0, 5.0, 5.0001, float("nan")])) == [1, 1, 3, 3, 5, 9, 9]


def test_an_area_without_an_outline_or_grids_is_not_measured(posts):
    Area.objects.create(code="610802001002", name="无边界社区", level=5, parent=Area.objects.get(code="610802001"))
    assert "610802001002" not in measured()
