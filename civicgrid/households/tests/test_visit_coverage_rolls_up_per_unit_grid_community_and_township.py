"""Visit coverage (households visited within the period ÷ households) per unit, grid, community and township,
against figures counted by hand."""

from datetime import timedelta

from django.utils import timezone

from civicgrid.households import coverage
from civicgrid.testing import factories
from civicgrid.testing.households import household, unit


def test_coverage_rolls_up_from_the_floors_to_the_township(heads, units, yulin):
    # 1号楼 1层: 3 households, 2 visited within 30 days; 2层: 1, visited 40 days ago; 2号楼: 2, 1 visited;
    # grid A2 in community A: 1 household, visited. Grid B (township B) counts nowhere in township A.
    for door, days in (("101", 1), ("102", 29), ("103", None)):
        household(units["floor"], door, visited_days_ago=days)
    household(units["upper"], "201", visited_days_ago=40)
    household(units["neighbour"], "2-1", visited_days_ago=5)
    household(units["neighbour"], "2-2")
    grid_a2 = factories.area(f"{yulin['community_a'].code}002", "鸳鸯湖第2网格")
    household(unit(f"{grid_a2.code}001", "A2-1号楼", "building"), "1", visited_days_ago=2)
    household(units["other_grid"], "B1", visited_days_ago=1)
    since = timezone.now() - timedelta(days=30)

    building, floors = coverage.rollup(units["building"], since)
    assert (building.households, building.visited, building.rate) == (4, 2, 50.0)
    assert [(f.area.name, f.households, f.visited, f.rate) for f in floors] == [("1层", 3, 2, 66.7),
                                                                             ("2层", 1, 0, 0.0)]
    grid, buildings = coverage.rollup(yulin["grid_a"], since)
    assert (grid.households, grid.visited) == (6, 3)
    assert [(b.area.name, b.households, b.visited) for b in buildings] == [("1号楼", 4, 2), ("2号楼", 2, 1)]
    community, grids = coverage.rollup(yulin["community_a"], since)
    assert (community.households, community.visited, community.rate) == (7, 4, 57.1)
    assert [(g.households, g.visited) for g in grids] == [(6, 3), (1, 1)]
    township, communities = coverage.rollup(yulin["township_a"], since)
    assert (township.households, township.visited) == (7, 4)
    assert [(c.area.name, c.households, c.visited) for c in communities] == [("鸳鸯湖社区居委会", 7, 4)]


def test_an_area_without_households_has_no_rate(yulin):
    total, _children = coverage.rollup(yulin["grid_b"], timezone.now())
    assert (total.households, total.rate) == (0, None)


def test_the_township_page_shows_the_figures_and_leaves_the_list_to_the_communities(client, township_dispatcher, units, yulin):
    household(units["floor"], "101", visited_days_ago=1)
    household(units["floor"], "102")
    client.force_login(township_dispatcher)
    response = client.get(f"/households/area/{yulin['township_a'].code}/")
    assert (response.context["total"].households, response.context["total"].visited) == (2, 1)
    assert response.context["children"][0].rate == 50.0
    assert "page" not in response.context  # a township's households are listed on its communities' pages
