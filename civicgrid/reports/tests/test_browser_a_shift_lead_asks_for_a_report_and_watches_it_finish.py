"""The shift lead in a real browser: /reports/ (统计报表 in the menu) shows a report being generated with its
progress bar, which follows the work until it is done and then shows the downloads; asking for last month's
report adds it, ready, with its Excel and PDF. Screenshots: artifacts/screenshots/reports-*.png."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from civicgrid.reports import services
from civicgrid.reports.choices import JobStatus, PeriodKind
from civicgrid.reports.models import Report
from civicgrid.reports.periods import last_complete
from civicgrid.testing.browser import shot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def running(transactional_db, last_month, centres):
    """Last week's report of township A, three steps into its generation in a worker."""
    start, end = last_complete(PeriodKind.WEEK)
    return Report.objects.create(centre=centres["township_a"], kind=PeriodKind.WEEK, start=start, end=end,
                                 status=JobStatus.RUNNING, done=3, total=services.STEPS)


def test_the_shift_lead_watches_a_report_finish_and_asks_for_last_month(live_server, page, page_errors, running,
                                                                        month):
    sign_in(page, live_server, "shift_lead")
    page.get_by_role("link", name="统计报表").first.click()
    row = page.locator(f"#report-{running.pk}")
    expect(row.locator("progress")).to_have_attribute("value", str(round(300 / services.STEPS)))
    expect(row).to_contain_text(f"生成中 3/{services.STEPS}")
    shot(page, "reports-running")

    Report.objects.filter(pk=running.pk).update(status=JobStatus.QUEUED)  # the worker finishes it
    services.generate(running.pk)
    expect(row).to_contain_text("已完成")
    expect(row.get_by_role("link", name="PDF")).to_be_visible()

    page.get_by_label("报表周期").select_option("month")
    page.get_by_label("报表期内任一日期").fill(month.start.isoformat())
    page.get_by_role("button", name="生成报表").click()
    expect(page.locator("#messages")).to_contain_text("已提交")
    monthly = Report.objects.get(kind=PeriodKind.MONTH)
    expect(page.locator(f"#report-{monthly.pk}")).to_contain_text("已完成")
    shot(page, "reports-list")
    with page.expect_download() as download:
        page.locator(f"#report-{monthly.pk}").get_by_role("link", name="PDF").click()
    assert download.value.suggested_filename == f"鼓楼街道综治中心-{month.start.year}年{month.start.month}月月报.pdf"

    page.get_by_label("报表周期").select_option("month")
    page.get_by_label("报表期内任一日期").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="生成报表").click()
    expect(page.locator("#messages")).to_contain_text("尚未结束")
    shot(page, "reports-refused")
    # The refusal is a 400, which Chromium logs as a failed load; nothing else went wrong on the pages.
    assert [error for error in page_errors if "/reports/ask/" not in error] == []
