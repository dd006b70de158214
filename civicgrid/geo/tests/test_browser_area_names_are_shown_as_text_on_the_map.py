"""An area named like an HTML attack (``<img src=x onerror=alert(1)>``) shows on the map, in its label and its popup,
as the text it is: no image element is made, nothing runs, and the page keeps to its Content-Security-Policy.

Screenshots go to artifacts/screenshots/area-escaped-*.png."""

import pytest
from playwright.sync_api import expect
from shapely.geometry import box

from civicgrid.testing import factories
from civicgrid.testing.browser import shot, sign_in

from .test_browser_area_journey import map_state

pytestmark = pytest.mark.browser

ATTACK = "<img src=x onerror=alert(1)>"


@pytest.fixture
def city(transactional_db, yulin):
    factories.outline(yulin["township_a"], box(109.70, 38.28, 109.72, 38.30))
    factories.outline(yulin["township_b"], box(109.72, 38.28, 109.74, 38.30))
    yulin["township_a"].name = ATTACK
    yulin["township_a"].save(update_fields=["name"])
    factories.staff_with_role("leader", area=yulin["county"], username="leader")
    return yulin


def test_an_area_name_with_markup_is_text_in_the_label_and_the_popup(live_server, page, city, page_errors):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(page, live_server, "leader")

    response = page.goto(f"{live_server.url}/areas/610802/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert ATTACK in map_state(page)["labels"]
    label = page.locator(".leaflet-tooltip.area-label", has_text="onerror")
    shot(page, "area-escaped-1-label")

    where = label.bounding_box()
    page.mouse.click(where["x"] + where["width"] / 2, where["y"] + where["height"] / 2)
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_be_visible()
    expect(popup.get_by_role("link")).to_have_text(ATTACK)
    expect(popup).to_contain_text("610802001")
    shot(page, "area-escaped-2-popup")

    assert page.locator("#map img[src=x], #map .leaflet-popup-content img, #map .leaflet-tooltip img").count() == 0
    assert dialogs == [] and page_errors == []
    expect(page.locator("#children")).to_contain_text(ATTACK)
