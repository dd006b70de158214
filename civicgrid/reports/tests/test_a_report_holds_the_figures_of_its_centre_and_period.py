"""A monthly report's workbook and print carry the same figures as the tally (``figures.sums``): key figures,
rates with “—” where there is nothing to divide by, rankings of townships and departments, overdue cases."""

from io import BytesIO

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from civicgrid.dashboards.figures import Summary, Where, sums
from civicgrid.reports import services
from civicgrid.reports.choices import JobStatus, PeriodKind


@pytest.fixture
def report(last_month, centres, month):
    report, _queued = services.ensure(centres["county"], PeriodKind.MONTH, month)
    services.generate(report.pk)
    report.refresh_from_db()
    return report


def sheet(report, title):
    with report.xlsx.open("rb") as file:
        book = load_workbook(BytesIO(file.read()))
    return [list(row) for row in book[title].iter_rows(values_only=True)]


def text(report):
    with report.pdf.open("rb") as file:
        return "".join(page.extract_text() for page in PdfReader(BytesIO(file.read())).pages).replace(" ", "")


def test_the_report_is_ready_with_both_files(report):
    assert report.status == JobStatus.READY and report.done == report.total == services.STEPS
    assert report.xlsx.name.endswith(".xlsx") and report.pdf.name.endswith(".pdf")


def test_the_key_figures_in_the_workbook_are_the_tallys(report, month):
    summary = Summary.of(sums(Where("610802"), month, by=["status"]))
    figures = {row[0]: row[1] for row in sheet(report, "关键指标")[1:]}
    assert (summary.cases, summary.open, summary.resolved, summary.overdue) == (5, 4, 1, 1)
    assert figures["受理案件"] == summary.cases and figures["在办案件"] == summary.open
    assert figures["办结案件"] == summary.resolved and figures["超期在办"] == summary.overdue
    assert figures["办结率"] == summary.resolution_rate == 20.0
    assert figures["满意率"] == "—", "no callback rated: nothing to divide by"


def test_townships_and_departments_are_ranked_by_resolution_rate(report, last_month):
    townships = sheet(report, "下级区域排名")[1:]
    assert [row[:5] for row in townships] == [[1, "鼓楼街道", 4, 1, 25.0], [2, "青山路街道", 1, 0, 0.0]]
    departments = sheet(report, "部门排名")[1:]
    assert [row[:4] for row in departments] == [[1, last_month["department"].name, 2, 1]]


def test_the_overdue_list_names_cases_by_number_and_title_only(report, last_month):
    rows = sheet(report, "超期案件")
    assert rows[0] == ["案件编号", "标题", "事项分类", "所在区域", "应办结时间"]
    assert [row[:2] for row in rows[1:]] == [[last_month["overdue"].number, "井盖缺失"]]
    assert not any("张三" in str(value) or "13800138000" in str(value) for row in rows for value in row)


def test_the_print_reads_back_in_chinese_with_the_same_figures(report, last_month, month):
    found = text(report)
    lines = found.splitlines()
    assert f"{month.start.year}年{month.start.month}月月报" in lines and "榆阳区综治中心" in lines
    # A figure's line is its label, this period's value and the period before's (none then).
    assert {"受理案件50", "办结率20.0%—", "满意率——"} <= set(lines)
    assert "鼓楼街道" in found and "青山路街道" in found and last_month["overdue"].number in found
    assert "张三" not in found
