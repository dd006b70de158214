"""The staff pages in a real browser on a phone: the dispatcher filters the queue (htmx) and dispatches from the
case page with its map; the department accepts inline in its inbox; the notice badge leads to the case.

Screenshots of every screen go to artifacts/screenshots/staff-*.png."""

import re

import pytest
from playwright.sync_api import expect

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.testing import factories
from civicgrid.testing.browser import PHONE, go, open_menu, shot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def registered(transactional_db, yulin, street_litter, intake_clerk):
    """Two cases of township A: one registered and waiting for dispatch, one just reported."""
    case = file_case(factories.report(street_litter, title="鼓楼路口暴露垃圾"))
    file_case(factories.report(street_litter, title="小区门口垃圾", anonymous=True))
    transition(case, "register", intake_clerk)
    case.refresh_from_db()
    return case


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_a_dispatcher_dispatches_from_a_phone_and_the_department_accepts_inline(
    live_server, page, page_errors, registered, township_dispatcher, department_handler,
):
    sign_in(page, live_server, township_dispatcher.username)
    go(page, "案件队列")
    expect(page.locator("#queue tbody tr")).to_have_count(1)  # a dispatcher's queue opens on 待派遣
    shot(page, "staff-1-queue-phone")

    page.get_by_role("button", name="筛选").first.click()
    expect(page.locator("#id_status")).to_have_value("registered")
    with page.expect_response(lambda r: "/cases/?" in r.url):
        page.locator("#id_status").select_option("")
    expect(page.locator("#queue tbody tr")).to_have_count(2)
    expect(page).to_have_url(re.compile(r"/cases/\?.*status=&"))  # pushed, so back and reload work
    shot(page, "staff-2-queue-filtered")

    page.get_by_role("link", name=registered.number).click()
    expect(page.get_by_role("heading", name="鼓楼路口暴露垃圾")).to_be_visible()
    page.wait_for_selector("#case-map[data-loaded='1']")
    shot(page, "staff-3-case")

    page.locator("details[data-action='dispatch'] summary").click()
    dispatch = page.locator("details[data-action='dispatch'] form")
    dispatch.locator("select[name='lead']").select_option(str(department_handler.assignments.get().department_id))
    shot(page, "staff-4-dispatch-form")
    dispatch.get_by_role("button", name="派遣").click()
    expect(page.locator("#messages")).to_contain_text("已完成“派遣”")
    expect(page.locator("#case-status")).to_have_text("处置中")
    expect(page.locator("#timeline")).to_contain_text("派遣")
    shot(page, "staff-5-dispatched")

    page.context.clear_cookies()
    sign_in(page, live_server, department_handler.username)
    open_menu(page)
    expect(page.locator("#nav-notices .badge")).to_have_text("1")
    page.locator("nav.navbar").get_by_role("link", name="部门待办").click()
    expect(page.locator("#inbox li")).to_have_count(1)
    shot(page, "staff-6-inbox")
    with page.expect_response(lambda r: r.url.endswith("/cases/inbox/")):
        page.locator("#inbox").get_by_role("button", name="签收").click()
    expect(page.locator("#messages")).to_contain_text("已完成“签收”")
    expect(page.locator("#inbox li")).to_have_count(1)
    expect(page.locator("#inbox")).to_contain_text("处理中")
    shot(page, "staff-7-inbox-accepted")

    go(page, "通知")
    expect(page).to_have_url(re.compile(r"/notices/$"))
    shot(page, "staff-8-notices")
    page.locator("#notices button").first.click()
    expect(page.get_by_role("heading", name="鼓楼路口暴露垃圾")).to_be_visible()
    expect(page.locator("details[data-action='handle']")).to_be_visible()
    assert page_errors == []
