"""The building head's round on a phone: their home page says how many households are due; their building's
page lists them masked, with each one's last visit and the coverage of each floor; they record a visit to a
household due and file what they found as a hazard in the same step, and the household's page shows the visit
with its case. Screenshots: artifacts/screenshots/households-*.png (the README's
docs/screenshots/building-head.png is copied from the first by hand, so that a test run leaves the tree as it was)."""

import pytest
from playwright.sync_api import expect

from civicgrid.cases.models import Case
from civicgrid.testing.browser import PHONE, shot, sign_in

from .conftest import household

pytestmark = pytest.mark.browser
NAMES = "王建国 李秀兰 张海军 刘桂英 陈志强 杨玉梅".split()


@pytest.fixture
def viewport():
    return PHONE


@pytest.fixture
def building(transactional_db, heads, units, finding_categories):
    """1号楼's households: 1层 visited this month but one, 2层 last visited two months ago."""
    for number, (name, days) in enumerate(zip(NAMES, (3, 12, None, 20, 64, 70)), start=1):
        floor = units["floor"] if number <= 4 else units["upper"]
        household(floor, f"{'1' if number <= 4 else '2'}0{number}室", name=name, phone=f"1391234{number:04d}",
                  visited_days_ago=days)
    return units["building"]


def test_a_building_head_visits_a_household_due_and_files_a_hazard(live_server, page, page_errors, heads,
                                                                   building):
    sign_in(page, live_server, heads["building_head"].username)
    expect(page.locator("#households-panel")).to_contain_text("6 户，30 天内未走访 3 户")
    page.locator("#households-panel").get_by_role("link", name="1号楼").click()
    expect(page.locator("#area-name")).to_have_text("1号楼")
    expect(page.locator("#total-due")).to_have_text("3")
    expect(page.locator("#household-rows")).to_contain_text("王**")
    expect(page.locator("#household-rows")).not_to_contain_text("王建国")
    shot(page, "households-1-building-head-page")

    page.locator("#show-due").click()
    page.locator("#household-rows").get_by_role("link", name="103室").click()
    page.locator("#visit").click()
    page.get_by_label("走访情况", exact=True).fill("楼道电动车充电，飞线从三楼窗户拉下\n已当面劝阻")
    page.get_by_label("发现问题转为案件").select_option(label="13.001 安全隐患事项")
    shot(page, "households-2-visit-with-a-finding")
    page.locator("#save-visit").click()
    case = Case.objects.get()
    expect(page.locator("#messages")).to_contain_text(f"发现的问题已转为案件 {case.number}")
    expect(page.locator("#visits")).to_contain_text("楼道电动车充电")
    expect(page.locator("#visits")).to_contain_text(f"已转案件 {case.number}")
    shot(page, "households-3-household-with-its-visit")
    assert (case.kind, case.unit_id, case.address) == ("hazard", heads["floor_head"].assignments.get().area_id,
                                                      "鸳鸯湖第1网格 1号楼 1层 103室")
    assert page_errors == []
