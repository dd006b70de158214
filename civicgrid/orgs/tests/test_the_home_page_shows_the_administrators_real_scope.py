"""A superuser's home page opens where the grids are, with their real counts, not on the first 20 provinces
by code with "0 个网格 · 0 户" each; other users see their own nodes, and more than 20 are not cut off
silently."""

import pytest
from django.urls import reverse

from civicgrid.testing.factories import DepartmentFactory, area, staff_with_role

PROVINCES = ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
             "42", "43", "44", "45", "46", "50"]


@pytest.fixture
def country(yulin):
    """榆阳区's two grids, and 22 provinces before 陕西 with no grids at all."""
    for code in PROVINCES:
        area(code, f"省{code}")
    return yulin


@pytest.fixture
def superuser(country):
    admin = staff_with_role("admin", area=country["city"], username="root")
    admin.is_superuser = admin.is_staff = True
    admin.save()
    return admin


def cards(response) -> dict:
    return {s["area"].code: (s["grids"], s["households"]) for s in response.context["scope"]}


def test_a_superusers_home_shows_the_node_that_holds_every_grid(client, superuser):
    client.force_login(superuser)
    response = client.get(reverse("home"))
    assert cards(response) == {"610802": (2, 0)}
    assert "2 个网格 · 0 户" in response.content.decode()


def test_grids_in_two_provinces_show_each_provinces_own_top(client, superuser):
    area("640104001001001", "银川网格")
    client.force_login(superuser)
    assert set(cards(client.get(reverse("home")))) == {"610802", "640104001001"}


def test_without_grids_the_home_shows_the_top_nodes_and_says_how_many_more(client, db):
    for code in PROVINCES:
        area(code, f"省{code}")
    admin = staff_with_role("admin", area=area("61"), username="root")
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    response = client.get(reverse("home"))
    assert len(cards(response)) == 20
    assert "另有 3 个区域" in response.content.decode()


def test_a_township_dispatcher_still_sees_their_township(client, township_dispatcher, country):
    client.force_login(township_dispatcher)
    assert cards(client.get(reverse("home"))) == {"610802001": (1, 0)}


def test_a_superusers_area_browser_lists_where_the_grids_are_then_every_province(client, superuser):
    client.force_login(superuser)
    html = client.get(reverse("geo:index")).content.decode()
    assert html.index("/areas/610802/") < html.index("/areas/11/") < html.index("/areas/61/")


def test_a_department_serving_many_areas_names_them_all(client, country):
    communities = [area(f"610802001{n:03d}") for n in range(2, 27)]
    department = DepartmentFactory(area=country["county"], served_areas=communities)
    handler = staff_with_role("dept_handler", department=department, username="handler25")
    client.force_login(handler)
    response = client.get(reverse("home"))
    assert len(cards(response)) == 20 and "另有 5 个区域" in response.content.decode()


def test_a_superusers_queue_filters_by_the_areas_where_the_grids_are(client, superuser):
    client.force_login(superuser)
    choices = dict(client.get(reverse("cases:queue")).context["form"].fields["area"].choices)
    assert {"610802", "610802001", "610802002"} <= set(choices) and "11" not in choices
