"""综治专报: a centre's staff pick figures, rankings and cases and get a Word document holding exactly those, with
the tally's figures; a case outside their scope, a period reaching past today or ending before it starts is
refused with the reason and no document."""

from io import BytesIO

import pytest
from docx import Document

from civicgrid.dashboards.figures import Summary, Where, sums


@pytest.fixture
def signed_in(client, shift_lead):
    client.force_login(shift_lead)
    return client


def post(client, month, **fields):
    return client.post("/reports/brief/", {"centre": "610802001", "title": "关于井盖问题的专报", "start": month.start,
                                           "end": month.end, **fields})


def opened(answer):
    return Document(BytesIO(answer.getvalue()))


def rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_brief_holds_the_picked_figures_rankings_and_cases(signed_in, last_month, month):
    answer = post(signed_in, month, figures=["cases", "resolution_rate"], rankings=["departments"],
                  cases=f"{last_month['overdue'].number}\n{last_month['closed'].number}", note="请领导阅示。")
    assert answer.status_code == 200 and answer["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml")
    document = opened(answer)
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert paragraphs[0] == "关于井盖问题的专报" and "请领导阅示。" in paragraphs
    assert [p for p in paragraphs if "、" in p[:2]] == ["一、主要数据", "二、部门排名", "三、重点案件"]
    figures, departments, cases = (rows(table) for table in document.tables)
    summary = Summary.of(sums(Where("610802001"), month, by=["status"]))
    assert figures == [["指标", "数值"], ["受理案件", str(summary.cases)], ["办结率", f"{summary.resolution_rate}%"]]
    assert [row[1:3] for row in departments[1:]] == [[last_month["department"].name, "2"]]
    assert [row[:2] for row in cases[1:]] == [[last_month["overdue"].number, "井盖缺失"],
                                              [last_month["closed"].number, "道路破损"]]
    assert "张三" not in str([paragraphs, figures, departments, cases])


def test_a_case_outside_the_scope_is_refused_like_one_that_does_not_exist(signed_in, last_month, month):
    page = post(signed_in, month, cases=f"{last_month['overdue'].number} {last_month['other'].number}")
    assert page.status_code == 400 and last_month["other"].number in page.content.decode()
    assert "未找到以下案件" in page.content.decode()


def test_a_period_ending_before_it_starts_is_refused(signed_in, last_month, month):
    page = post(signed_in, month, start=month.end, end=month.start, figures=["cases"])
    assert page.status_code == 400 and "结束日期不能早于开始日期" in page.content.decode()


def test_a_period_reaching_past_today_is_refused(signed_in, last_month, month):
    page = post(signed_in, month, end="2999-01-01", figures=["cases"])
    assert page.status_code == 400 and "不能在今天之后结束" in page.content.decode()


def test_nothing_picked_makes_no_brief(signed_in, last_month, month):
    page = post(signed_in, month)
    assert page.status_code == 400 and "请至少选择一项数据" in page.content.decode()


def test_another_townships_centre_is_not_found(signed_in, last_month, month):
    assert post(signed_in, month, centre="610802002", figures=["cases"]).status_code == 404
