"""A patrol member's phone: the grid worker opens today's shift from 我的巡逻班次, checks in at the school by the
phone's position and at the market by scanning its QR code (the completeness is then 2 of 3), starts and stops
their route. Screenshot: artifacts/screenshots/patrol-shift.png."""

import pytest
from playwright.sync_api import expect

from civicgrid.patrols import checkins
from civicgrid.patrols.models import CheckIn, Route
from civicgrid.testing.browser import PHONE, shot, sign_in
from civicgrid.testing.patrols import beat

pytestmark = pytest.mark.browser


@pytest.fixture
def viewport():
    return PHONE


def test_a_member_checks_in_at_two_points_and_records_a_route(live_server, page, page_errors, transactional_db,
                                                               yulin, grid_worker):
    patrol = beat(yulin["grid_a"], grid_worker)
    school, market, _station = patrol.points
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"longitude": school.longitude, "latitude": school.latitude + 0.0002})
    sign_in(page, live_server, grid_worker.username)
    page.goto(f"{live_server.url}/patrols/mine/")
    page.locator(f"[data-shift='{patrol.shift.pk}']").click()
    page.locator("#check-in-point").select_option(str(school.pk))
    page.locator("#check-in").click()
    expect(page.locator(".alert-success")).to_contain_text("“榆林第一小学”打卡成功")
    page.goto(f"{live_server.url}/patrols/scan/{checkins.point_token(market)}/")
    page.locator("#scan-check-in").click()
    expect(page.locator(".alert-success")).to_contain_text("扫码打卡成功")
    expect(page.locator("#completeness")).to_have_attribute("data-checked", "2")
    page.locator("#route-start").click()
    expect(page.locator("#route-stop")).to_be_visible()
    shot(page, "patrol-shift")
    page.locator("#route-stop").click()
    expect(page.locator("#route-start")).to_be_visible()
    assert CheckIn.objects.filter(shift=patrol.shift).count() == 2
    assert Route.objects.get().stopped_at is not None
    assert page_errors == []
