"""A grid worker on a phone: from the menu's 关爱帮扶 they enrol a resident, are refused without the consent and
enrol with it; the record shows the name masked; they record a visit whose need is filed as a request case,
and see the name in full for a reason. Every drawing of the record is in the access log. Screenshots:
artifacts/screenshots/care-*.png."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from civicgrid.care.models import Enrolment
from civicgrid.cases.models import Case
from civicgrid.core.models import AccessLog
from civicgrid.testing import factories
from civicgrid.testing.browser import PHONE, go, shot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def relief(transactional_db):
    factories.category("07", "民政", kind="request", limits={"register": (2, "work_hours")})
    return factories.category("07.001", "医疗救助", kind="request")


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_a_grid_worker_enrols_visits_and_files_a_need(live_server, page, page_errors, grid_worker, building,
                                                      relief):
    sign_in(page, live_server, grid_worker.username)
    go(page, "关爱帮扶")
    expect(page.locator("#caseload")).to_contain_text("没有您负责的帮扶对象。")
    page.locator("#care-enrol").click()
    page.get_by_label("帮扶项目").select_option(label="独居老人关爱")
    page.get_by_label("姓名", exact=True).fill("王秀英")
    page.get_by_label("联系电话").fill("13912345678")
    page.get_by_label("所在网格或责任单元").select_option(str(building.pk))
    page.get_by_label("责任人").select_option(str(grid_worker.pk))
    page.get_by_label("走访频次").select_option(label="每两周")
    page.get_by_role("button", name="登记", exact=True).click()
    expect(page.locator("#enrol-form")).to_contain_text("没有本人或监护人的同意不能登记")
    shot(page, "care-1-refused-without-consent")
    assert not Enrolment.objects.exists()

    yesterday = timezone.localtime() - timedelta(days=1)
    page.get_by_label("同意人身份").select_option(label="本人")
    page.get_by_label("同意人姓名").fill("王秀英")
    page.get_by_label("同意时间").fill(yesterday.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("同意方式").select_option(label="书面签字")
    page.get_by_role("button", name="登记", exact=True).click()
    expect(page.locator("h1")).to_have_text("王** · 独居老人关爱")
    expect(page.locator("#enrolment")).to_contain_text("139****5678")
    shot(page, "care-2-record-masked")

    page.get_by_label("走访时间").fill(timezone.localtime().strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("走访记录").fill("上门看望，老人腿疼，行动不便。")
    page.get_by_label("需求 1 的事项分类").select_option(str(relief.pk))
    page.get_by_label("需求 1", exact=True).fill("申请医疗救助，购买助行器")
    page.get_by_role("button", name="保存走访").click()
    case = Case.objects.get()
    expect(page.locator("#visits")).to_contain_text(case.number)
    shot(page, "care-3-visit-and-need-filed")

    page.locator("#care-reveal").click()
    page.get_by_label("查看理由").fill("电话预约走访时间")
    page.get_by_role("button", name="查看完整信息").click()
    expect(page.locator("#resident")).to_contain_text("王秀英")
    shot(page, "care-4-revealed-for-a-reason")
    assert (case.kind, case.reporter_name) == ("request", "王秀英")
    assert AccessLog.objects.filter(action="view").count() == 3  # the record twice, the reveal page's form
    assert AccessLog.objects.filter(action="reveal", reason="电话预约走访时间").count() == 1
    assert page_errors == []
