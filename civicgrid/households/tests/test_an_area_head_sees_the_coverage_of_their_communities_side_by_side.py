"""A 片长 whose precinct holds several communities opens on them side by side, each with its coverage."""

from civicgrid.testing import factories
from civicgrid.testing.households import household, unit


def test_the_area_head_lists_each_community_with_its_coverage(client, heads, units, yulin):
    second = factories.area(f"{yulin['township_a'].code}002", "南门社区居委会")
    building = unit(f"{second.code}001001", "南门1号楼", "building")
    heads["precinct_head"].assignments.get().precinct.communities.add(second)
    household(units["floor"], "101", visited_days_ago=1)
    household(units["floor"], "102")
    household(building, "1", visited_days_ago=100)
    client.force_login(heads["precinct_head"])
    response = client.get("/households/")
    assert [(f.area.name, f.households, f.visited, f.rate) for f in response.context["figures"]] == [
        ("鸳鸯湖社区居委会", 2, 1, 50.0), ("南门社区居委会", 1, 0, 0.0)]
    assert response.context["days"] == 90
    assert f'href="/households/area/{second.code}/"' in response.content.decode()
