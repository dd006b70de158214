"""The one scope rule (orgs.scope): what each kind of grant covers, to see and to act."""

from civicgrid.orgs import scope
from civicgrid.testing import factories


def test_a_role_at_an_area_covers_that_areas_code(grid_worker):
    grant = grid_worker.scope.grants[0]
    assert scope.prefixes(grant) == scope.node_prefixes(grant) == ("610802001001001",)
    assert grid_worker.scope.prefixes() == ("610802001001001",)


def test_a_role_at_a_precinct_covers_its_communities(yulin):
    precinct = yulin["township_a"].precincts.create(name="第一片区")
    precinct.communities.set([yulin["community_a"]])
    head = factories.staff_with_role("precinct_head", precinct=precinct, username="pianzhang")
    grant = head.scope.grants[0]
    assert scope.prefixes(grant) == scope.node_prefixes(grant) == ("610802001001",)
    assert scope.acts_at(grant, "610802001001001") and not scope.acts_at(grant, "610802002001001")


def test_a_department_role_covers_the_areas_its_department_serves(yulin):
    department = factories.DepartmentFactory(area=yulin["county"], served_areas=[yulin["township_a"],
                                                                                  yulin["township_b"]])
    handler = factories.staff_with_role("dept_handler", department=department, username="chuzhi")
    assert handler.scope.prefixes() == ("610802001", "610802002")
    assert handler.scope.department_ids == {department.pk}


def test_a_department_serving_no_listed_area_covers_its_own_area(yulin):
    department = factories.DepartmentFactory(area=yulin["county"])
    handler = factories.staff_with_role("dept_handler", department=department, username="chuzhi")
    assert handler.scope.prefixes() == ("610802",)


def test_a_department_alone_is_no_node_to_act_at(department_handler):
    grant = department_handler.scope.grants[0]
    assert scope.node_prefixes(grant) == ()
    assert not scope.acts_at(grant, "610802001001001")


def test_covers_follows_the_prefixes_and_lets_a_superuser_see_everything(township_dispatcher, yulin):
    assert township_dispatcher.scope.covers("610802001001001")
    assert not township_dispatcher.scope.covers("610802002001001")
    root = factories.StaffFactory(username="root", is_superuser=True)
    assert root.scope.prefixes() == () and root.scope.covers("610802002001001")


def test_the_roots_are_the_top_nodes_of_the_scope(township_dispatcher, grid_worker, yulin):
    factories.RoleAssignment.objects.create(staff=grid_worker, role="leader", area=yulin["township_b"])
    assert [area.code for area in township_dispatcher.scope.roots()] == ["610802001"]
    assert sorted(area.code for area in grid_worker.scope.roots()) == ["610802001001001", "610802002"]
