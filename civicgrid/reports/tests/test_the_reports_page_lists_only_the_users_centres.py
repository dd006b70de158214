"""/reports/ lists the reports of the centres the user's centre roles reach, and nothing of any other area:
another township's report, its files and its progress answer 404."""

import pytest

from civicgrid.reports import services
from civicgrid.reports.choices import PeriodKind


@pytest.fixture
def reports(last_month, centres, month):
    made = {name: services.ensure(centres[name], PeriodKind.MONTH, month)[0] for name in ("township_a", "township_b")}
    for report in made.values():
        services.generate(report.pk)
    return made


def test_the_dispatcher_sees_their_townships_report_with_its_downloads(client, township_dispatcher, reports):
    client.force_login(township_dispatcher)
    page = client.get("/reports/").content.decode()
    assert f'id="report-{reports["township_a"].pk}"' in page and f'id="report-{reports["township_b"].pk}"' not in page
    assert f'/reports/{reports["township_a"].pk}/pdf/' in page and "鼓楼街道综治中心" in page


def test_the_leader_of_the_city_sees_every_centres_reports(client, leader, reports):
    client.force_login(leader)
    page = client.get("/reports/").content.decode()
    assert all(f'id="report-{report.pk}"' in page for report in reports.values())


@pytest.mark.parametrize("path", ["{pk}/pdf/", "{pk}/xlsx/", "{pk}/progress/"])
def test_another_townships_report_is_not_found(client, township_dispatcher, reports, path):
    client.force_login(township_dispatcher)
    assert client.get("/reports/" + path.format(pk=reports["township_b"].pk)).status_code == 404


def test_the_files_download_under_the_reports_chinese_name(client, township_dispatcher, reports, month):
    client.force_login(township_dispatcher)
    answer = client.get(f"/reports/{reports['township_a'].pk}/pdf/")
    assert answer["Content-Type"] == "application/pdf" and b"".join(answer.streaming_content).startswith(b"%PDF")
    assert "filename*=utf-8''" in answer["Content-Disposition"].lower()


def test_a_grid_worker_holds_no_centre_role_and_finds_no_reports_page(client, grid_worker, centres):
    client.force_login(grid_worker)
    assert client.get("/reports/").status_code == 404
