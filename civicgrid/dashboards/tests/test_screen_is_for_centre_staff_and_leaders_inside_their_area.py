"""The screen of an area opens to the centre staff and leaders whose area it is in: outside it (or at a grid,
which has nothing to rank) it is not found, and staff who are neither are refused."""

import pytest

from civicgrid.orgs.models import Staff
from civicgrid.testing import factories


def screen_of(code: str) -> str:
    return f"/dashboard/screen/{code}/"


@pytest.mark.parametrize("url", [screen_of("610802001"), screen_of("610802001") + "refresh/"])
def test_township_b_s_dispatcher_finds_no_screen_of_township_a(client, outsider, url):
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_the_dispatcher_s_screen_opens_on_their_township(client, township_dispatcher):
    client.force_login(township_dispatcher)
    response = client.get("/dashboard/screen/")
    assert response.status_code == 302 and response["Location"] == screen_of("610802001")
    assert client.get(screen_of("610802001")).status_code == 200


def test_the_dispatcher_sees_no_screen_of_the_county_above_them(client, township_dispatcher):
    client.force_login(township_dispatcher)
    assert client.get(screen_of("610802")).status_code == 404


def test_the_city_s_leader_opens_the_city_s_screen_and_every_area_s_below_it(client, leader):
    client.force_login(leader)
    assert client.get("/dashboard/screen/")["Location"] == screen_of("6108")
    for code in ("6108", "610802", "610802002", "610802001001"):
        assert client.get(screen_of(code)).status_code == 200, code
        assert client.get(screen_of(code) + "refresh/").status_code == 200, code


def test_a_grid_or_an_unknown_code_has_no_screen(client, leader):
    client.force_login(leader)
    for code in ("610802001001001", "610899", "abc"):
        assert client.get(screen_of(code)).status_code == 404, code


@pytest.mark.parametrize("role", ["grid_worker", "dept_handler", "mediator", "evaluator"])
def test_staff_who_are_neither_centre_staff_nor_leaders_are_refused_with_a_reason(client, yulin, role):
    anchor = {"department": factories.DepartmentFactory(area=yulin["county"])} if role == "dept_handler" \
        else {"area": yulin["township_a"]}
    client.force_login(factories.staff_with_role(role, username=role, **anchor))
    response = client.get(screen_of("610802001"))
    assert response.status_code == 403
    assert "指挥大屏只对综治中心工作人员和领导开放" in response.content.decode()


def test_a_visitor_is_sent_to_log_in(client, yulin):
    assert client.get(screen_of("610802001") + "refresh/")["Location"].startswith("/login/")


def test_a_superuser_opens_the_screen_where_the_grids_are(client, yulin):
    client.force_login(Staff.objects.create_superuser("root", password="pw-for-tests"))
    response = client.get("/dashboard/screen/")
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
