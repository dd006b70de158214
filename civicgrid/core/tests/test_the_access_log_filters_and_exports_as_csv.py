"""The access log page filters by user, date range, case number and action, says so when the range ends
before it starts, and exports what it filtered as CSV that a spreadsheet opens as text."""

import csv
import io

import pytest
from django.urls import reverse

from civicgrid.cases.intake import file_case
from civicgrid.testing import factories

from .accesslog import entry


@pytest.fixture
def log(reported_case, township_dispatcher, intake_clerk, street_litter):
    other = file_case(factories.report(street_litter))
    entry(township_dispatcher, reported_case, field="phone", reason="回访一", day=1)
    entry(intake_clerk, reported_case, day=2)
    entry(intake_clerk, other, field="id_number", reason="=HYPERLINK(\"x\")", day=5)
    return reported_case, other


def rows(client, **query) -> list[list[str]]:
    response = client.get(reverse("access_log_csv"), query)
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))[1:]


def shown(client, **query) -> str:
    return client.get(reverse("access_log"), query).content.decode()


def test_filters_by_user_case_action_and_dates(client, auditor, log):
    reported, other = log
    client.force_login(auditor)
    assert [r[1] for r in rows(client, username="dispatcher")] == ["dispatcher"]
    assert {r[6] for r in rows(client, record=other.number)} == {other.number}
    assert [r[3] for r in rows(client, action="view")] == ["查看记录"]
    assert len(rows(client, date_from="2026-12-02", date_to="2026-12-05")) == 2
    assert "回访一" in shown(client, action="reveal") and "回访一" not in shown(client, action="view")


def test_a_range_that_ends_before_it_starts_is_explained(client, auditor, log):
    client.force_login(auditor)
    page = shown(client, date_from="2026-12-05", date_to="2026-12-01")
    assert "早于开始日期" in page


def test_the_export_has_every_column_and_keeps_formulas_as_text(client, auditor, log):
    client.force_login(auditor)
    exported = rows(client, action="reveal")
    newest = exported[0]
    assert newest[:2] == ["2026-12-05T10:00:00+08:00", "intake_clerk"]
    assert newest[3:7] == ["查看完整号码", "身份证号", "cases.case", log[1].number]
    assert newest[7] == "'=HYPERLINK(\"x\")"
    assert newest[8:] == ["工作页面", "10.0.0.8", "测试浏览器"]


def test_the_page_links_the_export_with_its_filters(client, auditor, log):
    client.force_login(auditor)
    assert f'{reverse("access_log_csv")}?action=reveal' in shown(client, action="reveal")
