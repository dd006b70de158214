"""The five heads (片长, 社区长, 网格长, 楼栋长, 楼层长) sign in to their task list. A 网格长 verifies and reports
like the grid worker; the heads under and above the grid report what they find and answer for their
households, so a case waiting for 核查 in their grid is not theirs: their tasks come from the apps that give
them work (visits due …), each for their own unit only."""

import pytest

from civicgrid.core import worklist
from civicgrid.core.worklist import Task
from civicgrid.orgs.models import Precinct
from civicgrid.testing import factories

BUILDING, FLOOR = "610802001001001001", "610802001001001001001"


@pytest.fixture
def heads(yulin):
    precinct = Precinct.objects.create(name="鼓楼片区", township=yulin["township_a"])
    precinct.communities.set([yulin["community_a"]])
    return {
        "grid_head": factories.staff_with_role("grid_head", area=yulin["grid_a"], username="grid_head"),
        "building_head": factories.staff_with_role("building_head", area=factories.area(BUILDING, "1号楼"),
                                                   username="building_head"),
        "floor_head": factories.staff_with_role("floor_head", area=factories.area(FLOOR, "1号楼3层"),
                                                username="floor_head"),
        "community_head": factories.staff_with_role("community_head", area=yulin["community_a"],
                                                    username="community_head"),
        "precinct_head": factories.staff_with_role("precinct_head", precinct=precinct, username="precinct_head"),
    }


def kinds(client, user) -> list[str]:
    client.force_login(user)
    return [task.kind for task in client.get("/tasks/").context["found"].tasks]


@pytest.mark.parametrize("head", ["grid_head", "building_head", "floor_head", "community_head", "precinct_head"])
def test_each_head_signs_in_to_their_task_list(client, heads, head):
    client.force_login(heads[head])
    assert 'id="tasks"' in client.get("/").content.decode()
    assert client.get("/tasks/").status_code == 200


def test_the_grid_head_verifies_the_grids_handled_cases_and_makes_its_zero_report(client, loop, heads):
    loop.case("handled")
    assert sorted(kinds(client, heads["grid_head"])) == ["待核查", "零报告"]


@pytest.mark.parametrize("head", ["building_head", "floor_head", "community_head", "precinct_head"])
def test_a_case_waiting_for_verification_is_not_a_task_of_the_other_heads(client, loop, heads, head):
    loop.case("handled")
    assert kinds(client, heads[head]) == []
    assert "暂无待办任务" in client.get("/tasks/").content.decode()


def test_a_source_for_the_heads_units_gives_the_floor_head_their_floor_only(client, heads, monkeypatch):
    """As the households' visits will: a source asked for 楼栋长 and 楼层长, answering within the user's scope."""
    monkeypatch.setattr(worklist, "SOURCES", dict(worklist.SOURCES))
    units = {BUILDING: "1号楼", FLOOR: "1号楼3层"}

    def visits(user, now):
        return [Task("走访", f"{name}走访", f"/households/{code}/") for code, name in units.items()
                if user.scope.covers(code)]

    worklist.register_source("test.visits", visits, roles={"building_head", "floor_head"})
    client.force_login(heads["floor_head"])
    assert [t.title for t in client.get("/tasks/").context["found"].tasks] == ["1号楼3层走访"]
    client.force_login(heads["building_head"])
    assert sorted(t.title for t in client.get("/tasks/").context["found"].tasks) == ["1号楼3层走访", "1号楼走访"]
