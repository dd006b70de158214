"""Each count on the dashboard links to the queue filtered to the cases behind it: following the link, the
queue lists exactly as many cases as the figure says — for a leader at the city and at a township and a grid,
a shift lead, and department staff (whose links keep to their department)."""

import pytest

from civicgrid.dashboards.board import Board
from civicgrid.dashboards.services import viewpoint

VIEWS = [("leader", None), ("leader", "610802001"), ("leader", "610802001001001"), ("shift_lead", None),
         ("handler", None), ("handler2", None)]


def counted_links(board: Board) -> list[tuple[str, int]]:
    cells = [cell for chart in board.charts() for line in chart.lines for cell in line.cells]
    cells += [stat.cell for stat in board.stats()]
    return [(cell.link, cell.value) for cell in cells if cell.link and cell.is_count]


def listed(client, link: str) -> int:
    response = client.get(link)
    assert response.status_code == 200
    assert not response.context["form"].errors, (link, response.context["form"].errors)
    return response.context["found"].total


@pytest.mark.parametrize(("persona", "code"), VIEWS)
def test_every_count_links_to_a_queue_of_as_many_cases(city, people, chosen, client, persona, code):
    user = people[persona]
    client.force_login(user)
    links = counted_links(Board(viewpoint(user, code), chosen))
    assert len(links) > 40 and any(value for _link, value in links)
    for link, value in links:
        assert listed(client, link) == value, link


def test_a_facet_with_none_yet_links_to_the_cases_without_one(city, people, chosen, client):
    client.force_login(people["leader"])
    hazards = Board(viewpoint(people["leader"], None), chosen).chart("facet-hazard")
    ungraded, red = hazards.lines[0].cells[0], hazards.lines[1].cells[0]
    assert (ungraded.value, red.value) == (1, 1)
    assert "facet=-" in ungraded.link and listed(client, ungraded.link) == 1
