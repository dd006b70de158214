import pytest
from django.urls import reverse

from civicgrid.geo.models import Area, Boundary
from civicgrid.testing import factories


def codes(queryset):
    return set(queryset.values_list("code", flat=True))


def test_a_township_dispatcher_sees_their_township_and_below_only(township_dispatcher, yulin):
    visible = codes(Area.objects.restrict(township_dispatcher))
    assert visible == {"610802001", "610802001001", "610802001001001"}


def test_a_township_dispatcher_gets_404_for_another_townships_grid(client, township_dispatcher, yulin):
    client.force_login(township_dispatcher)
    assert client.get(reverse("geo:area", args=["610802001001001"])).status_code == 200
    for name in ("geo:area", "geo:area_tree", "geo:area_geojson"):
        assert client.get(reverse(name, args=["610802002001001"])).status_code == 404


def test_the_county_above_the_scope_answers_404_too(client, township_dispatcher, yulin):
    client.force_login(township_dispatcher)
    assert client.get(reverse("geo:area", args=["610802"])).status_code == 404


def test_an_outsider_sees_nothing_of_the_other_township(outsider, yulin):
    assert not Area.objects.restrict(outsider).filter(code__startswith="610802001").exists()
    assert not Boundary.objects.restrict(outsider).filter(area__code="610802001001001").exists()


def test_a_department_handler_sees_the_areas_the_department_serves(department_handler, yulin):
    assert department_handler.scope.prefixes() == ("610802",)


def test_a_precinct_head_sees_the_communities_of_their_precinct(yulin):
    precinct = yulin["township_a"].precincts.create(name="第一片区")
    precinct.communities.set([yulin["community_a"]])
    head = factories.staff_with_role("precinct_head", precinct=precinct, username="pianzhang")
    assert codes(Area.objects.restrict(head)) == {"610802001001", "610802001001001"}


def test_nested_assignments_collapse_to_the_shortest_prefix(yulin):
    staff = factories.staff_with_role("grid_worker", area=yulin["grid_a"], username="both")
    factories.RoleAssignment.objects.create(staff=staff, role="leader", area=yulin["county"])
    assert staff.scope.prefixes() == ("610802",)


def test_a_role_without_the_permission_grants_no_scope_for_that_action(grid_worker, administrator):
    assert grid_worker.scope.prefixes("manage_geography") == ()
    assert administrator.scope.prefixes("manage_geography") == ("6108",)


def test_anonymous_users_see_nothing_and_are_sent_to_login(client, yulin):
    assert not Area.objects.restrict(factories.AnonymousUser()).exists()
    response = client.get(reverse("geo:area", args=["610802001"]))
    assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.parametrize("code", ["not-a-code", "99", "610802001001001999"])
def test_unknown_codes_answer_404(client, administrator, code):
    client.force_login(administrator)
    assert client.get(reverse("geo:area", args=[code])).status_code == 404
