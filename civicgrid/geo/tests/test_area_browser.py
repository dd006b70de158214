import pytest
from django.urls import reverse

from civicgrid.geo.services import add_unit
from civicgrid.testing.factories import staff_with_role


@pytest.fixture
def county_leader(yulin):
    return staff_with_role("leader", area=yulin["county"], username="leader")


@pytest.fixture
def households(yulin, administrator):
    building = add_unit(administrator, yulin["grid_a"], "building", "1号楼", households=40)
    add_unit(administrator, building, "floor", "1层", households=20)
    add_unit(administrator, yulin["grid_b"], "group", "第一村民小组", households=15)
    return building


def test_the_county_page_lists_its_townships_with_grid_and_household_counts(client, county_leader, households):
    client.force_login(county_leader)
    page = client.get(reverse("geo:area", args=["610802"]))
    rows = {(c.area.code, c.grids, c.households) for c in page.context["children"]}
    assert rows == {("610802001", 1, 40), ("610802002", 1, 15)}
    assert page.context["households"] == 55
    assert "610802000000" in page.content.decode()


def test_the_map_data_carries_the_children_outlines_with_codes_and_counts(client, county_leader, households):
    client.force_login(county_leader)
    features = client.get(reverse("geo:area_geojson", args=["610802001001"])).json()["features"]
    grid = next(f for f in features if f["properties"]["code"] == "610802001001001")
    assert grid["properties"]["households"] == 40
    assert grid["geometry"]["type"] == "Polygon"


def test_the_tree_loads_a_branch_of_children(client, county_leader, yulin):
    client.force_login(county_leader)
    html = client.get(reverse("geo:area_tree", args=["610802"])).content.decode()
    assert "鼓楼街道" in html and "青山路街道" in html


def test_the_grid_page_shows_its_parents_staff_and_units(client, grid_worker, households):
    client.force_login(grid_worker)
    page = client.get(reverse("geo:area", args=["610802001001001"]))
    html = page.content.decode()
    assert [a.code for a, _linked in page.context["crumbs"]] == ["61", "6108", "610802", "610802001", "610802001001"]
    assert "1号楼" in html and "网格员" in html
    assert grid_worker.phone not in html and grid_worker.phone[-4:] in html  # masked: 139****0001


def test_the_area_index_opens_the_users_own_node(client, grid_worker, yulin):
    client.force_login(grid_worker)
    response = client.get(reverse("geo:index"))
    assert response.status_code == 302 and response["Location"].endswith("/areas/610802001001001/")


def test_every_page_offers_english(client, grid_worker, yulin):
    client.force_login(grid_worker)
    home = client.get(reverse("home")).content.decode()
    assert 'action="/i18n/setlang/"' in home and 'value="en"' in home
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Sign out" in client.get(reverse("home")).content.decode()
