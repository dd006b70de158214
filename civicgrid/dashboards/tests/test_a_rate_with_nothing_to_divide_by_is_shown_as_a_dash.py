"""With no case to divide by, the 三率 and the overdue share read “—”, never 0 % or an error."""

from io import BytesIO

from openpyxl import load_workbook

from civicgrid.dashboards.board import Board
from civicgrid.dashboards.services import viewpoint


def test_rates_of_an_empty_area_are_none_and_shown_as_a_dash(people, chosen, client):
    board = Board(viewpoint(people["leader"], None), chosen)
    rates = {stat.label: stat.cell.value for stat in board.stats()}
    assert rates["案件总数"] == 0
    assert rates["办结率"] is rates["按期办结率"] is rates["满意率"] is rates["超期（红灯）占比"] is None
    client.force_login(people["leader"])
    page = client.get("/dashboard/").content.decode()
    assert "—" in page and "0.0%" not in page


def test_the_export_writes_a_dash_for_them(people, client):
    client.force_login(people["leader"])
    response = client.get("/dashboard/6108/export/rates.xlsx")
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[1] == ("办结率", 0, 0, "—")
