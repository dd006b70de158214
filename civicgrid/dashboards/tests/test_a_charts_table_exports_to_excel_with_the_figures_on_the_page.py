"""Each chart's table exports to Excel: the workbook opens with openpyxl and holds the chart's figures."""

from io import BytesIO

from openpyxl import load_workbook

from civicgrid.dashboards.board import Board
from civicgrid.dashboards.services import viewpoint

from .conftest import custom


def test_every_charts_export_holds_its_table(city, people, chosen, client):
    client.force_login(people["leader"])
    board = Board(viewpoint(people["leader"], None), chosen)
    for chart in board.charts():
        response = client.get(f"/dashboard/6108/export/{chart.slug}.xlsx", custom(chosen))
        assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
        sheet = load_workbook(BytesIO(response.content)).active
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        expected = chart.sheet()
        assert rows[0] == expected.header and rows[1:] == expected.rows, chart.slug


def test_the_state_table_counts_the_citys_cases(city, people, chosen, client):
    client.force_login(people["leader"])
    response = client.get("/dashboard/6108/export/status.xlsx", custom(chosen))
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("状态", "案件数")
    assert dict(rows[1:]) == {"待受理": 5, "处置中": 2, "待核查": 1, "已回访": 2, "已作废": 1}
