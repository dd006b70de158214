"""A 楼栋长 in a real browser: the case queue takes them to 我的上报; they report a problem from their building
(picked for them, no map point needed), land on its case page, follow it in 我的上报 as the centre moves it on,
and read both pages in English. Screenshots: artifacts/screenshots/head-*.png."""

import re

import pytest
from playwright.sync_api import expect

from civicgrid.cases.models import Case
from civicgrid.cases.services import transition
from civicgrid.testing.browser import shot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def head(transactional_db, yulin, street_litter, building_head, floor_head):
    return building_head


def test_a_building_head_reports_from_their_building_and_follows_it(live_server, page, page_errors, head, units,
                                                                    intake_clerk):
    sign_in(page, live_server, head.username)
    page.locator("nav.navbar").get_by_role("link", name="案件队列").click()
    expect(page).to_have_url(f"{live_server.url}/cases/mine/")
    expect(page.locator("#my-reports")).to_contain_text("您还没有上报过问题。")
    shot(page, "head-1-my-reports-empty")

    page.get_by_role("link", name="上报问题").click()
    expect(page.get_by_role("heading", name="上报问题")).to_be_visible()
    expect(page.get_by_label("责任单元")).to_have_value(units["building"].code)
    expect(page.get_by_label("紧急程度")).to_have_count(0)
    page.locator("#category-q").fill("暴露")
    page.locator("#category-results label", has_text="暴露垃圾").click()
    page.get_by_label("标题").fill("1号楼门口垃圾堆积")
    page.get_by_label("详细描述").fill("单元门口堆了三天的装修垃圾，影响通行。")
    shot(page, "head-2-report-form")
    page.get_by_role("button", name="提交").click()

    case = Case.objects.get()
    expect(page).to_have_url(f"{live_server.url}/cases/{case.number}/")
    expect(page.locator("#messages")).to_contain_text(f"已登记，案件编号 {case.number}")
    expect(page.locator("#unit")).to_have_text("1号楼")
    expect(page.locator("#case-status")).to_have_text("待受理")
    shot(page, "head-3-case-page")

    transition(case, "register", intake_clerk)
    page.locator("nav.navbar").get_by_role("link", name="我的上报").click()
    row = page.locator("#my-reports tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(case.number)
    expect(row).to_contain_text("待派遣")
    shot(page, "head-4-my-reports")

    with page.expect_navigation():
        page.locator("#language-form select").select_option("en")
    expect(page.get_by_role("heading", name="My reports")).to_be_visible()
    expect(row).to_contain_text("Awaiting dispatch")
    shot(page, "head-5-my-reports-english")
    row.get_by_role("link", name=case.number).click()
    expect(page).to_have_url(re.compile(rf"/cases/{case.number}/$"))
    expect(page.locator("#details")).to_contain_text("1号楼")
    shot(page, "head-6-case-page-english")
    assert page_errors == []
