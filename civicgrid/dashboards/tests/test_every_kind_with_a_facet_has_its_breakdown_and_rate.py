"""Every registered kind with a facet gets its breakdown (hazards by grade, disputes by standing) and its own
rate (调处成功率) with no code of its own in the dashboard; the breakdown adds up to the kind's cases."""

from civicgrid.cases import registry
from civicgrid.dashboards.board import Board
from civicgrid.dashboards.services import viewpoint


def test_each_faceted_kind_has_a_chart_adding_up_to_its_cases(city, people, chosen):
    board = Board(viewpoint(people["leader"], None), chosen)
    kinds = {line.label: line.cells[0].value for line in board.chart("kind").lines}
    faceted = [kind for kind in registry.kinds() if kind.facet]
    assert {"hazard", "dispute"} <= {kind.code for kind in faceted}
    for kind in faceted:
        chart = board.chart(f"facet-{kind.code}")
        assert sum(line.cells[0].value for line in chart.lines) == kinds.get(kind.label, 0)


def test_a_rate_of_a_kind_is_a_key_figure(city, people, chosen):
    board = Board(viewpoint(people["leader"], None), chosen)
    labels = [stat.label for stat in board.stats()]
    assert "调处成功率" in labels
    grades = {line.label: line.cells[0].value for line in board.chart("facet-hazard").lines}
    assert grades["未定级"] == 1 and sum(grades.values()) == 2
