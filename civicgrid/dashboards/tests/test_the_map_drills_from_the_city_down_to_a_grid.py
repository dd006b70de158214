"""The map shades the child areas by their figures, and a click drills down: city → county → township →
community → grid, the period kept; a grid's page has no children left to shade."""

from .conftest import custom


def test_drilling_from_the_city_to_grid_a(city, people, chosen, client):
    client.force_login(people["leader"])
    response = client.get("/dashboard/", custom(chosen))
    for code in ("610802", "610802001", "610802001001", "610802001001001"):
        shaded = response.context["map"]
        assert code in shaded and shaded[code]["cases"] > 0
        assert f"span=custom&start={chosen.period.start}" in shaded[code]["drill"]
        response = client.get(shaded[code]["drill"])
        assert response.status_code == 200 and response.context["area"].code == code
    assert response.context["map"] == {} and response.context["children"] == []


def test_the_shading_counts_open_and_overdue_cases_of_each_child(city, people, chosen, client):
    client.force_login(people["leader"])
    shaded = client.get("/dashboard/610802/", custom(chosen)).context["map"]
    a, b = shaded["610802001"], shaded["610802002"]
    assert (a["cases"], a["open"], a["overdue"], a["share"]) == (10, 7, 2, 28.6)
    assert (b["cases"], b["open"], b["overdue"], b["share"]) == (1, 1, 0, 0.0)
