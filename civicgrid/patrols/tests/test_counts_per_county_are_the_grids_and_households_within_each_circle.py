"""The counts per area one level down (per county on a city's page): grids and households within 1, 3 and 5
minutes (each circle counting the ones inside it), beyond, and the communities within 5 minutes."""

import pytest

from civicgrid.patrols import circles
from civicgrid.testing import factories

from .circles_helpers import POINT_A, post, set_units


@pytest.fixture
def two_counties(yulin):
    """榆阳区: grid A (100 households) on a station's doorstep, grid B (30) 1,745 m east: 3.5 minutes.
    横山区: one grid (50 households) 0.1° further east, beyond."""
    set_units(yulin["grid_a"], 40, 60)
    set_units(yulin["grid_b"], 30)
    far = factories.area("610803001001001", "横山第1网格")
    factories.outline(far, factories.square(109.82, 38.28, 0.02))
    set_units(far, 50)
    post("鼓楼警务站", "station", *POINT_A)
    circles.refresh()
    return yulin


def cells(line):
    return [(cell.grids, cell.households) for cell in line.cells] + [(line.beyond.grids, line.beyond.households)]


def test_the_city_counts_each_county(two_counties):
    table = circles.counts(two_counties["city"])
    lines = {line.code: line for line in table.lines}
    assert cells(lines["610802"]) == [(1, 100), (1, 100), (2, 130), (0, 0)]
    assert cells(lines["610803"]) == [(0, 0), (0, 0), (0, 0), (1, 50)]
    assert cells(table.total) == [(1, 100), (1, 100), (2, 130), (1, 50)]
    assert (table.total.total.grids, table.total.total.households) == (3, 180)


def test_communities_and_the_households_share_within_five_minutes(two_counties):
    table = circles.counts(two_counties["city"])
    yuyang = next(line for line in table.lines if line.code == "610802")
    assert (yuyang.five.communities, yuyang.total.communities) == (2, 2)
    assert table.total.share() == round(100 * 130 / 180)


def test_a_township_counts_its_communities_grids(two_counties):
    table = circles.counts(two_counties["township_b"])
    assert [(line.code, cells(line)) for line in table.lines] == [("610802002001", [(0, 0), (0, 0), (1, 30), (0, 0)])]


def test_households_are_those_of_the_units_when_the_circles_were_measured(two_counties):
    set_units(factories.area("610802001001002", "鸳鸯湖第2网格"), 10)  # no outline: not measured
    assert circles.households_by_area()["610802001001"] == 110
    circles.refresh()
    assert circles.counts(two_counties["city"]).total.total.households == 180
