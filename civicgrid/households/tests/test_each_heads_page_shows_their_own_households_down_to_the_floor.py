"""Each head opens on the page of their own node (片长 → 社区长 → 网格长 → 楼栋长 → 楼层长) and sees the households
under it; a 楼层长 sees their floor only; a page outside anyone's scope is a 404."""

import pytest

from civicgrid.testing.households import household

DOORS = {"floor": "101", "upper": "201", "neighbour": "2-101", "other_grid": "B-101"}


@pytest.fixture
def doors(units):
    return {name: household(units[name], door) for name, door in DOORS.items()}


def shown(client, user, url: str):
    client.force_login(user)
    response = client.get(url, follow=True)
    return response, {row.door for row in response.context["page"].object_list}


@pytest.mark.parametrize(("head", "opens_at", "sees"), [
    ("precinct_head", "community_a", {"101", "201", "2-101"}),
    ("community_head", "community_a", {"101", "201", "2-101"}),
    ("grid_head", "grid_a", {"101", "201", "2-101"}),
    ("building_head", "building", {"101", "201"}),
    ("floor_head", "floor", {"101"}),
])
def test_each_head_opens_on_their_node_with_its_households(client, heads, units, yulin, doors, head, opens_at, sees):
    response, found = shown(client, heads[head], "/households/")
    assert response.context["area"].code == {**yulin, **units}[opens_at].code
    assert found == sees


def test_a_floor_head_is_refused_the_floor_above_and_the_building(client, heads, units, doors):
    client.force_login(heads["floor_head"])
    for name in ("upper", "building", "neighbour"):
        assert client.get(f"/households/area/{units[name].code}/").status_code == 404
    assert client.get(f"/households/{doors['upper'].pk}/").status_code == 404
    assert client.get(f"/households/{doors['floor'].pk}/").status_code == 200


def test_a_building_head_sees_no_household_of_the_building_beside_theirs(client, heads, units, doors):
    client.force_login(heads["building_head"])
    assert client.get(f"/households/area/{units['neighbour'].code}/").status_code == 404
    assert client.get(f"/households/{doors['neighbour'].pk}/").status_code == 404


def test_the_other_townships_staff_find_nothing_of_township_a(client, outsider, yulin, doors):
    client.force_login(outsider)
    assert client.get(f"/households/area/{yulin['grid_a'].code}/").status_code == 404
    assert client.get(f"/households/{doors['floor'].pk}/").status_code == 404
    assert client.get(f"/households/{doors['floor'].pk}/visit/").status_code == 404
