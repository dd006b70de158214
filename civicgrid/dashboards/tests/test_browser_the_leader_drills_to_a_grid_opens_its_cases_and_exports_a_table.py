"""The leader's journey in a real browser: the home page opens on the city's figures; the dashboard draws its
charts and its map; a click on the map drills city → county → township → community → grid; a key figure
opens the queue listing exactly its cases; a chart's table opens a click away and exports to Excel; the map
shades by overdue share at a toggle. Screenshots go to artifacts/screenshots/dashboard-*.png."""

import re
from io import BytesIO

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from shapely.geometry import box

from civicgrid.testing import factories
from civicgrid.testing.browser import shot, sign_in

pytestmark = pytest.mark.browser

DRILL = ["610802", "610802001", "610802001001", "610802001001001"]


@pytest.fixture
def outlined(transactional_db, yulin):
    """Outlines at every level above the grids (factories.small_city draws only the grids')."""
    factories.outline(yulin["county"], box(109.70, 38.28, 109.74, 38.30))
    for side, west in (("a", 109.70), ("b", 109.72)):
        for level in ("township", "community"):
            factories.outline(yulin[f"{level}_{side}"], box(west, 38.28, west + 0.02, 38.30))
    return yulin


def drawn(page) -> None:
    page.wait_for_selector("#dashboard-map[data-loaded]")
    page.wait_for_selector("#draw-status[data-drawn]")


def test_the_leader_drills_down_opens_the_cases_and_exports(outlined, city, live_server, page, page_errors):
    sign_in(page, live_server, "leader")
    expect(page.locator("#dashboard-panel")).to_contain_text("榆林市本月数据")
    shot(page, "dashboard-home")
    page.get_by_role("link", name="打开数据看板").click()
    drawn(page)
    expect(page.locator("h1")).to_have_text("榆林市数据看板")
    shot(page, "dashboard-city")

    for code in DRILL:
        page.locator(f"path.area-{code}").click()
        expect(page).to_have_url(re.compile(f"/dashboard/{code}/"))
        drawn(page)
    expect(page.locator("h1")).to_have_text("鸳鸯湖第1网格数据看板")
    shot(page, "dashboard-grid")

    total = page.locator("#stats .stat").first.locator("a.figure-link")
    counted = int(total.inner_text())
    assert counted > 0
    total.click()
    expect(page).to_have_url(re.compile(r"/cases/\?.*area=610802001001001"))
    expect(page.locator("#queue tbody tr")).to_have_count(counted)
    shot(page, "dashboard-cases")
    page.go_back()
    drawn(page)

    page.locator("#chart-status").get_by_role("button", name="数据表").click()
    expect(page.locator("#table-status")).to_be_visible()
    with page.expect_download() as download:
        page.locator("#chart-status a.export").click()
    rows = list(load_workbook(BytesIO(download.value.path().read_bytes())).active.iter_rows(values_only=True))
    assert rows[0] == ("状态", "案件数") and sum(n for _state, n in rows[1:]) == counted

    page.get_by_role("link", name="榆阳区").click()
    drawn(page)
    page.locator("label[for=shade-overdue]").click()
    expect(page.locator("#dashboard-map")).to_have_attribute("data-shade", "overdue")
    shot(page, "dashboard-overdue")
    assert page_errors == []
