"""A logged reveal in headless Chromium (issue 10, "Done when"): the township dispatcher opens a case, shows the
reporter's phone in full with a reason (in place, by htmx) and, in English, the ID number; the page shows
them masked again on the next visit. The township's auditor then finds both reveals, and the views of the
case, in the access log, filters them, switches to English and exports them as CSV.

Screenshots go to artifacts/screenshots/reveal-N-<what>.png."""

import pytest
from playwright.sync_api import expect

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.testing import factories
from civicgrid.testing.browser import shot, sign_in

from .revealing import ID_NUMBER, PHONE

pytestmark = pytest.mark.browser


@pytest.fixture
def registered(transactional_db, yulin, street_litter, intake_clerk):
    case = file_case(factories.report(street_litter, title="鼓楼路口井盖缺失", reporter_name="王五",
                                      reporter_id_number=ID_NUMBER, channel="hotline"), intake_clerk)
    transition(case, "register", intake_clerk)
    return case


def switch_language(page, code: str) -> None:
    with page.expect_navigation():
        page.locator("#language-form select").select_option(code)
    expect(page.locator("html")).to_have_attribute("lang", code)


def test_a_dispatcher_reveals_a_phone_with_a_reason_and_the_auditor_finds_it(
    live_server, page, page_errors, registered, township_dispatcher, auditor,
):
    sign_in(page, live_server, township_dispatcher.username)
    page.goto(f"{live_server.url}/cases/{registered.number}/")
    reporter = page.locator("#reporter")
    expect(reporter).to_contain_text("138****8000")
    expect(reporter).not_to_contain_text(PHONE)
    shot(page, "reveal-1-case-masked")

    page.get_by_text("查看完整联系电话").click()
    form = page.locator("#number-phone form")
    form.get_by_label("查看理由").fill("回访核实诉求")
    shot(page, "reveal-2-reason")
    with page.expect_response(lambda response: response.url.endswith("/reveal/")):
        form.get_by_role("button", name="查看").click()
    expect(page.locator("#number-phone .revealed")).to_have_text(PHONE)
    expect(reporter).to_contain_text("仅本次显示，已记入访问日志")
    shot(page, "reveal-3-phone-shown")

    page.reload()
    expect(reporter).to_contain_text("138****8000")
    expect(reporter).not_to_contain_text(PHONE)

    switch_language(page, "en")
    page.get_by_text("Show the full ID card number").click()
    id_form = page.locator("#number-id_number form")
    id_form.get_by_label("Reason for viewing").fill("Checking the reporter's identity")
    id_form.get_by_role("button", name="View").click()
    expect(page.locator("#number-id_number .revealed")).to_have_text(ID_NUMBER)
    shot(page, "reveal-4-id-number-shown-english")
    assert page_errors == []

    page.context.clear_cookies()
    sign_in(page, live_server, auditor.username)
    page.locator("nav.navbar").get_by_role("link", name="访问日志").click()
    entries = page.locator("#entries tbody tr")
    expect(entries.filter(has_text="回访核实诉求")).to_have_count(1)
    expect(entries.filter(has_text="查看记录")).to_have_count(3)  # the page, reloaded, and in English
    shot(page, "reveal-5-access-log")

    page.locator("#id_action").select_option("reveal")
    page.get_by_role("button", name="筛选").click()
    expect(entries).to_have_count(2)
    expect(entries.first).to_contain_text("身份证号")
    expect(entries.last).to_contain_text(township_dispatcher.username)
    shot(page, "reveal-6-access-log-reveals")

    switch_language(page, "en")
    expect(page.get_by_role("heading", name="Access log")).to_be_visible()
    expect(entries.first).to_contain_text("Showed a full number")
    shot(page, "reveal-7-access-log-english")
    with page.expect_download() as download:
        page.get_by_role("link", name="Export CSV").click()
    exported = open(download.value.path(), encoding="utf-8-sig").read()
    assert "回访核实诉求" in exported and "Checking the reporter's identity" in exported
    assert PHONE not in exported and ID_NUMBER not in exported
    assert page_errors == []
