"""The circles in a real browser on a phone: the city's leader opens 快反处置圈 from the menu, walks down to a
township, taps the map where a new post could go, tries it (the counts before and after, nothing saved yet),
then saves it; the post is listed and the circles are measured again. Screenshots: artifacts/screenshots/
circles-*.png."""

import pytest
from playwright.sync_api import expect

from civicgrid.geo import locator
from civicgrid.patrols import posts
from civicgrid.patrols.models import AreaReach, ResponsePost
from civicgrid.testing.browser import PHONE, go, shot, sign_in

from .circles_helpers import POINT_A, set_units

pytestmark = pytest.mark.browser


@pytest.fixture
def viewport():
    return PHONE


@pytest.fixture
def city(transactional_db, yulin, leader):
    """A station 2 km west of grid A (4 minutes: within 5), and households in both grids."""
    locator.invalidate()  # a transactional test's tables start again from the same keys: no stale outlines
    set_units(yulin["grid_a"], 40, 60)
    set_units(yulin["grid_b"], 30)
    posts.place(leader, posts.Draft("鼓楼警务站", "station", POINT_A[0] - 0.009, POINT_A[1]))
    return yulin


def test_a_leader_tries_a_post_on_the_map_and_saves_it(live_server, page, page_errors, city, leader):
    sign_in(page, live_server, leader.username)
    go(page, "快反处置圈")
    expect(page.locator("h1")).to_contain_text("榆林市 1-3-5分钟快反处置圈")
    page.locator("#children").get_by_role("link", name="榆阳区").click()
    page.locator("#children").get_by_role("link", name="鼓楼街道").click()
    expect(page.locator("#circles-map")).to_have_attribute("data-loaded", "1")
    expect(page.locator("#circle-counts tfoot")).to_contain_text("合计")
    shot(page, "circles-township")

    box = page.locator("#circles-map").bounding_box()
    page.locator("#circles-map").click(position={"x": box["width"] / 2, "y": box["height"] / 2})
    expect(page.locator("#try-lon")).not_to_have_value("")
    page.locator("#try-form select[name=kind]").select_option("quick")
    page.locator("#try-button").click()
    expect(page.locator("#trial")).to_be_visible()
    expect(page.locator("#trial-totals")).to_contain_text("增设后")
    assert ResponsePost.objects.count() == 1  # a trial saves nothing
    shot(page, "circles-trial")

    page.locator("#save-post input[name=name]").fill("鸳鸯湖快反点")
    page.locator("#save-post button[type=submit]").click()
    expect(page.locator(".alert-success")).to_contain_text("已设置快反处置点位“鸳鸯湖快反点”")
    expect(page.locator("#posts")).to_contain_text("鸳鸯湖快反点")
    saved = ResponsePost.objects.get(name="鸳鸯湖快反点")
    assert saved.kind == "quick" and AreaReach.objects.filter(post=saved).exists()
    shot(page, "circles-saved")
    assert page_errors == []
