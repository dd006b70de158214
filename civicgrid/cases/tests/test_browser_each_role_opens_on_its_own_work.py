"""The centre's roles in a real browser, each opening the case queue on its own work: the dispatcher on 待派遣,
dispatching with the routing rules' proposal marked 系统建议 (the lead cannot be ticked as co-department too);
the county shift lead on 待结案 of the townships below; the inspector (监督员) on 待核查, verifying on site.
In Chinese and English. Screenshots: artifacts/screenshots/roles-*.png."""

import pytest
from playwright.sync_api import expect

from civicgrid.cases.intake import file_case
from civicgrid.cases.models import Case, RoutingRule
from civicgrid.cases.services import transition
from civicgrid.testing import factories
from civicgrid.testing.browser import shot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def centre(transactional_db, yulin, street_litter, intake_clerk, department_handler, second_department_handler):
    """In township A: a case awaiting dispatch with a routing rule for it, one awaiting closure, one awaiting
    verification; the departments, and a shift lead at the county centre above."""
    lead = department_handler.assignments.get().department
    co = second_department_handler.assignments.get().department
    RoutingRule.objects.create(category=street_litter, area_prefix="610802", lead_department=lead) \
        .co_departments.set([co])
    made = {title: file_case(factories.report(street_litter, title=title))
            for title in ("路口垃圾待派遣", "广场垃圾待结案", "小区垃圾待核查")}
    transition(made["路口垃圾待派遣"], "register", intake_clerk)
    Case.objects.filter(pk=made["广场垃圾待结案"].pk).update(status="verified")
    Case.objects.filter(pk=made["小区垃圾待核查"].pk).update(status="handled")
    county_lead = factories.staff_with_role("shift_lead", area=yulin["county"], username="county_lead")
    return {"cases": made, "lead": lead, "co": co, "county_lead": county_lead}


def english(page):
    with page.expect_navigation():
        page.locator("#language-form select").select_option("en")


def open_queue(page, live_server, username, link="案件队列"):
    page.context.clear_cookies()
    sign_in(page, live_server, username)
    page.locator("nav.navbar").get_by_role("link", name=link).click()


def test_each_role_opens_the_queue_on_its_own_work(live_server, page, page_errors, centre, township_dispatcher,
                                                   inspector):
    cases, lead, co = centre["cases"], centre["lead"], centre["co"]
    open_queue(page, live_server, township_dispatcher.username)
    expect(page.locator("#id_status")).to_have_value("registered")
    expect(page.locator("#queue tbody tr")).to_have_count(1)
    expect(page.locator("#queue")).to_contain_text("路口垃圾待派遣")
    shot(page, "roles-1-dispatcher-queue")

    page.get_by_role("link", name=cases["路口垃圾待派遣"].number).click()
    page.locator("details[data-action='dispatch'] summary").click()
    dispatch = page.locator("details[data-action='dispatch'] form")
    expect(dispatch).to_contain_text("系统建议")
    expect(dispatch.locator("select[name='lead']")).to_have_value(str(lead.pk))
    expect(dispatch.locator(f"input[name='co'][value='{lead.pk}']")).to_be_disabled()
    expect(dispatch.locator(f"input[name='co'][value='{co.pk}']")).to_be_checked()
    shot(page, "roles-2-dispatch-proposal")
    dispatch.locator("select[name='lead']").select_option(str(co.pk))  # the dispatcher overrides the suggestion
    expect(dispatch.locator(f"input[name='co'][value='{co.pk}']")).to_be_disabled()
    expect(dispatch.locator(f"input[name='co'][value='{co.pk}']")).not_to_be_checked()
    expect(dispatch.locator(f"input[name='co'][value='{lead.pk}']")).to_be_enabled()
    dispatch.locator(f"input[name='co'][value='{lead.pk}']").check()
    shot(page, "roles-3-dispatch-changed")
    dispatch.get_by_role("button", name="派遣").click()
    expect(page.locator("#case-status")).to_have_text("处置中")
    expect(page.locator("#assignments")).to_contain_text(co.name)

    open_queue(page, live_server, centre["county_lead"].username)
    expect(page.locator("#id_status")).to_have_value("verified")
    expect(page.locator("#id_centre")).to_have_value("below")
    expect(page.locator("#queue")).to_contain_text("广场垃圾待结案")
    shot(page, "roles-4-shift-lead-queue")
    english(page)
    expect(page.locator("#id_centre option:checked")).to_have_text("This centre and those below")
    shot(page, "roles-5-shift-lead-queue-english")

    open_queue(page, live_server, inspector.username)
    expect(page.locator("#id_status")).to_have_value("handled")
    page.get_by_role("link", name=cases["小区垃圾待核查"].number).click()
    shot(page, "roles-6-inspector-case")
    page.locator("details[data-action='verify'] summary").click()
    page.locator("details[data-action='verify'] form").get_by_role("button", name="核查通过").click()
    expect(page.locator("#case-status")).to_have_text("待结案")
    expect(page.locator("#timeline")).to_contain_text("鸳鸯湖社区居委会监督员")
    shot(page, "roles-7-inspector-verified")
    english(page)
    expect(page.locator("#case-status")).to_have_text("Awaiting closure")
    shot(page, "roles-8-inspector-verified-english")
    assert page_errors == []
