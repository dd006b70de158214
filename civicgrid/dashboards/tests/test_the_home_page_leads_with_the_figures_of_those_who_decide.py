"""Leaders, shift leads and department heads open their home page on their figures (before any other panel),
with 数据看板 in their menu; a grid worker's home page has neither."""

import pytest

from civicgrid.testing import factories

from .conftest import department


def test_a_leaders_home_page_opens_on_the_citys_figures(city, people, client):
    client.force_login(people["leader"])
    response = client.get("/")
    panels = [template for template, _context in response.context["panels"]]
    assert panels[0] == "dashboards/home_panel.html" and len(panels) > 1  # before 我的包案
    page = response.content.decode()
    assert "榆林市本月数据" in page and 'href="/dashboard/"' in page


def test_a_shift_lead_sees_the_townships_figures(city, people, client):
    client.force_login(people["shift_lead"])
    panel = client.get("/").context["panels"][0]
    assert panel[0] == "dashboards/home_panel.html"
    assert panel[1]["board"].view.area.code == "610802001"


def test_a_department_head_sees_the_departments_figures(city, people, client):
    head = factories.staff_with_role("dept_head", department=department(people["handler"]), username="head")
    client.force_login(head)
    page = client.get("/").content.decode()
    assert f"{department(people['handler']).name}主办的案件" in page


@pytest.mark.parametrize("persona", ["grid_worker", "dispatcher"])
def test_others_have_no_panel_and_no_menu_entry(city, people, client, persona):
    client.force_login(people[persona])
    page = client.get("/").content.decode()
    assert 'id="dashboard-panel"' not in page and 'href="/dashboard/"' not in page
