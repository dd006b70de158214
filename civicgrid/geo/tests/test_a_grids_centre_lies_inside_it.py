"""A grid's centre, where a public map shows a matter instead of its exact point: the middle of a square grid, a
point inside an L-shaped one (whose centroid lies outside it), and nothing for a code that is no current grid."""

from shapely.geometry import Point, Polygon

from civicgrid.geo.locator import get_index
from civicgrid.testing.factories import area, outline

L_SHAPE = Polygon([(109.80, 38.30), (109.83, 38.30), (109.83, 38.31), (109.81, 38.31), (109.81, 38.33),
                   (109.80, 38.33)])


def test_a_square_grids_centre_is_its_middle(yulin):
    lon, lat = get_index().centre("610802001001001")
    assert (round(lon, 9), round(lat, 9)) == (109.71, 38.29)


def test_the_centre_of_a_grid_that_is_not_convex_lies_inside_it(yulin):
    outline(area("610802002001002", "青山路第2网格"), L_SHAPE)
    assert not L_SHAPE.contains(L_SHAPE.centroid)
    assert L_SHAPE.contains(Point(get_index().centre("610802002001002")))


def test_a_code_that_is_no_grid_has_no_centre(yulin):
    assert get_index().centre("610802001001999") is None
    assert get_index().centre("610802001") is None
