"""Synthetic outlines for one real county, 佳县 (610828). No database, no Django fixtures."""

from itertools import combinations
from pathlib import Path

import numpy as np
import pytest
import shapely

from civicgrid.geo import synthetic

DATA = Path(__file__).resolve().parents[3] / "data"
COUNTY = "610828"
# Relative to the area concerned: well above floating noise, far below any real sliver.
TOLERANCE = 1e-9


@pytest.fixture(scope="module")
def inputs():
    return synthetic.load_city(DATA, COUNTY)


@pytest.fixture(scope="module")
def city(inputs):
    return synthetic.generate(*inputs)


def _grids_of(city, community):
    return [geom for code, geom in city.grids.items() if code[:12] == community]


def test_load_city_keeps_only_the_prefix(inputs):
    counties, townships, communities = inputs
    assert list(counties) == [COUNTY]
    assert list(townships) == [COUNTY] and townships[COUNTY]
    assert all(code.startswith(COUNTY) for members in communities.values() for code, _name in members)


def test_every_area_gets_an_outline(inputs, city):
    _counties, townships, communities = inputs
    assert sorted(city.townships) == sorted(townships[COUNTY])
    assert sorted(city.communities) == sorted(code for members in communities.values() for code, _ in members)


def test_two_runs_are_identical(inputs, city):
    again = synthetic.generate(*inputs)
    for level in ("townships", "communities", "grids"):
        first, second = getattr(city, level), getattr(again, level)
        assert first.keys() == second.keys()
        assert all(shapely.equals_exact(first[code], second[code], tolerance=0) for code in first)


def test_grids_are_valid_polygons_inside_the_county(inputs, city):
    county = inputs[0][COUNTY].buffer(1e-7)
    grids = np.array(list(city.grids.values()), dtype=object)
    assert shapely.is_valid(grids).all()
    assert not shapely.is_empty(grids).any()
    assert set(shapely.get_type_id(grids)) <= {3, 6}  # Polygon, MultiPolygon
    assert shapely.within(grids, county).all()


def test_grid_codes_extend_their_community_codes(inputs, city):
    _counties, _townships, communities = inputs
    for members in communities.values():
        for code, name in members:
            count = synthetic.default_grid_count(code, name)
            assert sorted(c for c in city.grids if c[:12] == code) == [f"{code}{i:03d}" for i in range(1, count + 1)]
            urban = "社区" in name or "居委会" in name
            assert 4 <= count <= 6 if urban else 2 <= count <= 4


def test_grids_of_a_community_partition_it(city):
    for community, outline in city.communities.items():
        grids = _grids_of(city, community)
        limit = outline.area * TOLERANCE
        for a, b in combinations(grids, 2):
            assert a.intersection(b).area < limit
        assert shapely.symmetric_difference(shapely.union_all(grids), outline).area < limit


def test_fixed_grid_count(inputs):
    city = synthetic.generate(*inputs, grids_per_community=7)
    assert len(city.grids) == 7 * len(city.communities)


def test_slicing_fallback_partitions_into_equal_areas():
    # An L shape, so some strips cross the notch; slicing is what tiny regions fall back to.
    region = shapely.Polygon([(0, 0), (3, 0), (3, 1), (1, 1), (1, 3), (0, 3)])
    pieces = synthetic.slices(region, 5)
    assert len(pieces) == 5
    assert all(piece.is_valid and piece.area > 0 for piece in pieces)
    assert np.allclose([piece.area for piece in pieces], region.area / 5)
    assert shapely.symmetric_difference(shapely.union_all(pieces), region).area < region.area * TOLERANCE
