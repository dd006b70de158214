"""Department staff read their department's figures: the cases it leads (主办), not their areas' others."""

from civicgrid.cases.models import Case
from civicgrid.dashboards.board import Board
from civicgrid.dashboards.services import viewpoint

from .conftest import department


def test_each_department_counts_the_cases_it_leads(city, people, chosen, client):
    for persona in ("handler", "handler2"):
        user = people[persona]
        board = Board(viewpoint(user, None), chosen)
        led = Case.objects.filter(lead_department=department(user))
        assert board.view.department == department(user)
        assert board.summary.cases == led.count() > 0
        assert board.summary.cases < Case.objects.count()


def test_the_page_says_whose_cases_and_its_links_keep_to_the_department(city, people, client):
    user = people["handler2"]
    client.force_login(user)
    response = client.get("/dashboard/")
    page = response.content.decode()
    assert f"{department(user).name}主办的案件" in page
    assert f"department={department(user).pk}" in page


def test_a_leader_reads_every_department(city, people, chosen):
    board = Board(viewpoint(people["leader"], None), chosen)
    assert board.view.department is None and board.summary.cases == Case.objects.count()
