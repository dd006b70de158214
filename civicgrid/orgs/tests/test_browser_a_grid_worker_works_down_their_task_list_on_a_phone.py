"""A grid worker on a phone: the home page opens on their task list, the overdue verification first; they
verify it on the case page, make today's zero report from the grid's daily screening, and the list is empty.
Screenshots: artifacts/screenshots/tasks-*.png."""

import pytest
from playwright.sync_api import expect

from civicgrid.testing.browser import PHONE, shot, sign_in
from civicgrid.testing.loop import due_in, overdue

pytestmark = pytest.mark.browser


@pytest.fixture
def work(transactional_db, loop, grid_worker):
    late, later = loop.case("handled", title="小区门口垃圾堆积"), loop.case("handled", title="广场护栏损坏")
    overdue(late, hours=5)
    due_in(later, 30)
    return {"late": late, "later": later}


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_the_grid_worker_verifies_the_overdue_case_and_makes_the_zero_report(live_server, page, page_errors, work,
                                                                           grid_worker):
    sign_in(page, live_server, grid_worker.username)
    tasks = page.locator("#task-list .task")
    expect(tasks).to_have_count(3)
    expect(tasks.first).to_contain_text("小区门口垃圾堆积")
    expect(tasks.first).to_contain_text("已超期")
    expect(page.locator("#task-overdue")).to_have_text("超期 1 项")
    shot(page, "tasks-1-home-on-a-phone")

    tasks.first.click()
    page.locator("details[data-action='verify'] summary").click()
    page.locator("details[data-action='verify'] form").get_by_role("button", name="核查通过").click()
    expect(page.locator("#case-status")).to_have_text("待结案")

    page.goto(f"{live_server.url}/tasks/")
    expect(tasks).to_have_count(2)
    page.locator("#task-list .task", has_text="今日零报告").click()
    page.get_by_role("button", name="今日零报告").click()
    expect(page.locator("#messages")).to_contain_text("今日零报告已提交")

    page.goto(f"{live_server.url}/tasks/")
    expect(tasks).to_have_count(1)
    expect(tasks.first).to_contain_text("广场护栏损坏")
    shot(page, "tasks-2-one-left")
    assert page_errors == []
