"""An area outside the user's scope is a 404, its page and its exports alike; the user's own opens."""

import pytest


@pytest.mark.parametrize("path", ["/dashboard/610802001/", "/dashboard/610802001/export/status.xlsx",
                                  "/dashboard/610802001001001/", "/dashboard/6108/"])
def test_township_bs_dispatcher_gets_404_for_township_a_and_above(city, people, client, path):
    client.force_login(people["outsider"])
    assert client.get(path).status_code == 404


def test_a_grid_worker_cannot_open_the_township_above_their_grid(city, people, client):
    client.force_login(people["grid_worker"])
    assert client.get("/dashboard/610802001/").status_code == 404
    assert client.get("/dashboard/610802001001001/").status_code == 200


def test_each_opens_on_their_own_area_with_its_cases_only(city, people, client):
    client.force_login(people["outsider"])
    response = client.get("/dashboard/")
    assert response.status_code == 200 and response.context["area"].code == "610802002"
    assert response.context["board"].summary.cases == 1  # township B's one case of the city's eleven


def test_an_unknown_chart_is_not_found(city, people, client):
    client.force_login(people["leader"])
    assert client.get("/dashboard/6108/export/nothing.xlsx").status_code == 404
