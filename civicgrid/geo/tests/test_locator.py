import pytest
from shapely.geometry import box

from civicgrid.geo import locator
from civicgrid.geo.coords import (
    CoordinateError,
    bd09_to_gcj02,
    from_wgs84,
    gcj02_to_bd09,
    gcj02_to_wgs84,
    wgs84_to_gcj02,
)
from civicgrid.geo.locator import OutsideGrids, locate
from civicgrid.testing.factories import area, outline

# Published reference values of the open-source coordtransform library for Tiananmen (116.404, 39.915).
REFERENCE = {
    wgs84_to_gcj02: (116.41024449916938, 39.91640428150164),
    gcj02_to_bd09: (116.41036949371029, 39.92133699351021),
    bd09_to_gcj02: (116.39762729119315, 39.90865673957631),
}


@pytest.mark.parametrize(("convert", "expected"), REFERENCE.items())
def test_conversions_match_the_published_reference_values(convert, expected):
    assert convert(116.404, 39.915) == pytest.approx(expected, abs=1e-9)


def test_gcj02_back_to_wgs84_is_exact_to_a_millimetre():
    lon, lat = gcj02_to_wgs84(*wgs84_to_gcj02(109.7346, 38.2853))
    assert (lon, lat) == pytest.approx((109.7346, 38.2853), abs=1e-8)


# 榆林市人民政府 in WGS84, and a point one grid to the east.
CITY_HALL = (109.7346, 38.2853)


@pytest.mark.parametrize("system", ["wgs84", "gcj02", "bd09"])
def test_a_point_in_any_coordinate_system_finds_its_grid_and_ancestors(yulin, system):
    lon, lat = from_wgs84(*CITY_HALL, system)
    found = locate(lon, lat, system)
    assert found.grid == yulin["grid_b"]
    assert [a.code for a in found.ancestors] == ["61", "6108", "610802", "610802002", "610802002001"]
    assert (found.lon, found.lat) == pytest.approx(CITY_HALL, abs=1e-8)


def test_the_gcj02_offset_matters_here_so_an_unconverted_point_lands_elsewhere(yulin):
    # Near a grid edge the ~500 m GCJ-02 offset moves a point into the neighbouring grid.
    edge = (109.7195, 38.29)
    assert locate(*edge).grid == yulin["grid_a"]
    assert locate(*wgs84_to_gcj02(*edge)).grid == yulin["grid_b"]
    assert locate(*wgs84_to_gcj02(*edge), "gcj02").grid == yulin["grid_a"]


def test_a_point_on_a_shared_edge_goes_to_the_lower_code(yulin):
    assert locate(109.72, 38.29).grid == yulin["grid_a"]


def test_a_point_outside_every_grid_is_answered_plainly_and_never_guessed(yulin):
    with pytest.raises(OutsideGrids) as outside:
        locate(109.80, 38.29)
    assert str(outside.value) == "该点不在榆阳区的任何网格内。"


@pytest.mark.parametrize(("lon", "lat", "fragment"), [(2.35, 48.85, "不在中国境内"), (38.29, 109.73, "填反")])
def test_coordinates_outside_china_or_swapped_are_refused(db, lon, lat, fragment):
    with pytest.raises(CoordinateError, match=fragment):
        locate(lon, lat)


def test_the_index_is_rebuilt_when_boundaries_change(yulin):
    with pytest.raises(OutsideGrids):
        locate(109.75, 38.29)
    new_grid = area("610802002001002", "青山路第2网格")
    outline(new_grid, box(109.74, 38.28, 109.76, 38.30))
    assert locate(109.75, 38.29).grid == new_grid


def test_many_points_are_located_in_one_call(yulin):
    index = locator.get_index()
    codes = index.locate_many([109.71, 109.73, 109.80, 109.72], [38.29, 38.29, 38.29, 38.29])
    assert list(codes) == ["610802001001001", "610802002001001", None, "610802001001001"]
