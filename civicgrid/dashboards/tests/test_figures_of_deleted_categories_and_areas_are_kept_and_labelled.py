"""Cases purged after their category and their community were removed stay in the figures, labelled as
deleted instead of vanishing or breaking the page."""

from civicgrid.cases.models import Case
from civicgrid.dashboards.board import Board
from civicgrid.dashboards.services import viewpoint
from civicgrid.geo.models import Area
from civicgrid.testing import factories

from .conftest import custom


def test_a_removed_category_and_area_are_labelled(city, people, chosen, client):
    category = factories.category("03", "临时分类")
    grid = factories.area("610802001009001", "临时网格")
    factories.outline(grid, factories.square(109.70, 38.26, 0.01))
    case = city.file(category, point=(109.705, 38.265))
    assert case.area_code == grid.code
    Case.objects.filter(pk=case.pk).delete()
    category_id = category.pk
    category.delete()
    for area in Area.objects.filter(code__startswith="610802001009").order_by("-code"):  # grid, then community
        area.delete()

    board = Board(viewpoint(people["leader"], "610802001"), chosen)
    categories = {line.label: line.cells[0].value for line in board.chart("category").lines}
    assert categories[f"已删除分类 #{category_id}"] == 1
    areas = {line.label: line.cells[0].value for line in board.chart("areas").lines}
    assert areas["已删除区域 610802001009"] == 1
    client.force_login(people["leader"])
    assert client.get("/dashboard/610802001/", custom(chosen)).status_code == 200
