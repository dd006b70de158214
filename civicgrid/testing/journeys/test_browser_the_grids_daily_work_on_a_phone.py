"""The grid's daily work (issue 13), each person on a phone of their own, in one world:

1. 1号楼's building head opens on how many of their households are due, finds them masked on their building's
   page, visits one that is due and files what they found as a hazard in the same step;
2. the grid worker of the same grid opens on 我的任务, the overdue first: 1号楼's visits (one fewer since the
   building head's) and a case waiting for verification. They verify it, make today's zero report, open their
   patrol shift from the list, check in at the school by the phone's position and at the market by scanning
   its QR code, record their route, and come back to a shorter list;
3. the city's leader opens 快反处置圈 from the menu, walks down to 鼓楼街道, taps the map where a post could go,
   tries it (the counts before and after, nothing saved), then saves it; the circles are measured again.

Screenshots: artifacts/screenshots/households-*, tasks-*, patrol-shift and circles-*.png (the README's
docs/screenshots/ are copied from some of them by hand, so that a test run leaves the tree as it was)."""

from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from civicgrid.geo import locator
from civicgrid.geo.models import Area
from civicgrid.households.models import Visit
from civicgrid.patrols import checkins, posts
from civicgrid.patrols.models import AreaReach, CheckIn, ResponsePost, Route
from civicgrid.testing.browser import PHONE, go, shot, sign_in
from civicgrid.testing.factories import GRID_A_POINT
from civicgrid.testing.households import household
from civicgrid.testing.loop import due_in, overdue
from civicgrid.testing.patrols import beat

pytestmark = pytest.mark.browser
NAMES = "王建国 李秀兰 张海军 刘桂英 陈志强 杨玉梅".split()
# 户数 of each building, what the circles weigh: 1号楼's are its six registered households, 2号楼 has none yet.
HOUSEHOLDS = {"building": 6, "other_grid": 30}


@pytest.fixture
def viewport():
    return PHONE


@pytest.fixture
def world(transactional_db, yulin, units, heads, finding_categories, loop, grid_worker, leader):
    """Grid A this morning: 1号楼's households, two cases handled and waiting for the grid worker's verification
    (one overdue), the grid worker on a patrol shift running now, and a station 2 km west of grid A."""
    locator.invalidate()  # a transactional test's tables start again from the same keys: no stale outlines
    registered(units)
    late, later = loop.case("handled", title="小区门口垃圾堆积"), loop.case("handled", title="广场护栏损坏")
    overdue(late, hours=5)
    due_in(later, 30)
    for key, homes in HOUSEHOLDS.items():
        Area.objects.filter(pk=units[key].pk).update(households=homes)
    posts.place(leader, posts.Draft("鼓楼警务站", "station", GRID_A_POINT[0] - 0.009, GRID_A_POINT[1]))
    return SimpleNamespace(patrol=beat(yulin["grid_a"], grid_worker), floor=units["floor"])


def registered(units) -> None:
    """1号楼's households: 1层 visited this month but one (103室, never), 2层 last visited two months ago."""
    for number, (name, days) in enumerate(zip(NAMES, (3, 12, None, 20, 64, 70)), start=1):
        floor = units["floor"] if number <= 4 else units["upper"]
        household(floor, f"{'1' if number <= 4 else '2'}0{number}室", name=name, phone=f"1391234{number:04d}",
                  visited_days_ago=days)


def test_the_grids_daily_work_on_a_phone(live_server, new_page, page_errors, world, heads, grid_worker, leader):
    the_building_head_visits_a_household_due_and_files_a_hazard(new_page(), live_server, heads, world)
    worker = new_page()
    the_grid_worker_opens_on_their_task_list(worker, live_server, grid_worker)
    verifies_the_overdue_case_and_makes_the_zero_report(worker, live_server)
    checks_in_at_two_points_and_records_a_route(worker, live_server, world.patrol)
    comes_back_to_a_shorter_list(worker, live_server)
    the_leader_tries_a_post_on_the_map_and_saves_it(new_page(), live_server, leader)
    assert page_errors == []


# ---- 1. the building head


def the_building_head_visits_a_household_due_and_files_a_hazard(page, live_server, heads, world):
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
    files_a_hazard_with_the_visit(page)
    case = Visit.objects.get(household__door="103室").case
    expect(page.locator("#messages")).to_contain_text(f"发现的问题已转为案件 {case.number}")
    expect(page.locator("#visits")).to_contain_text("楼道电动车充电")
    expect(page.locator("#visits")).to_contain_text(f"已转案件 {case.number}")
    shot(page, "households-3-household-with-its-visit")
    assert (case.kind, case.unit_id, case.address) == ("hazard", world.floor.pk, "鸳鸯湖第1网格 1号楼 1层 103室")


def files_a_hazard_with_the_visit(page) -> None:
    page.locator("#visit").click()
    page.get_by_label("走访情况", exact=True).fill("楼道电动车充电，飞线从三楼窗户拉下\n已当面劝阻")
    page.get_by_label("发现问题转为案件").select_option(label="13.001 安全隐患事项")
    shot(page, "households-2-visit-with-a-finding")
    page.locator("#save-visit").click()


# ---- 2. the grid worker


def the_grid_worker_opens_on_their_task_list(page, live_server, grid_worker):
    """Overdue first: 1号楼's visits (due for 40 days; 103室 no longer among them) and the late verification."""
    sign_in(page, live_server, grid_worker.username)
    tasks = page.locator("#task-list .task")
    expect(tasks).to_have_count(5)  # the visits, two verifications, the zero report, the patrol shift
    expect(page.locator("#task-overdue")).to_have_text("超期 2 项")
    expect(page.locator("#task-list .task-overdue")).to_have_count(2)
    expect(tasks.nth(0)).to_contain_text("走访1号楼：2 户到期未走访")
    expect(tasks.nth(1)).to_contain_text("小区门口垃圾堆积")
    expect(tasks.nth(1)).to_contain_text("已超期")
    expect(tasks.filter(has_text="巡逻：鼓楼步行街巡逻区")).to_contain_text("已巡 0/3 个点位")
    expect(page.locator("#task-list")).not_to_contain_text("王建国")
    shot(page, "tasks-1-home-on-a-phone")


def verifies_the_overdue_case_and_makes_the_zero_report(page, live_server):
    tasks = page.locator("#task-list .task")
    tasks.filter(has_text="小区门口垃圾堆积").click()
    page.locator("details[data-action='verify'] summary").click()
    page.locator("details[data-action='verify'] form").get_by_role("button", name="核查通过").click()
    expect(page.locator("#case-status")).to_have_text("待结案")
    page.goto(f"{live_server.url}/tasks/")
    expect(tasks).to_have_count(4)
    tasks.filter(has_text="今日零报告").click()
    page.get_by_role("button", name="今日零报告").click()
    expect(page.locator("#messages")).to_contain_text("今日零报告已提交")


def checks_in_at_two_points_and_records_a_route(page, live_server, patrol):
    """At the school by the phone's position (20 m from it), at the market by scanning its QR code."""
    school, market, station = patrol.points
    page.context.grant_permissions(["geolocation"])
    page.context.set_geolocation({"longitude": school.longitude, "latitude": school.latitude + 0.0002})
    page.goto(f"{live_server.url}/tasks/")
    page.locator("#task-list .task", has_text="巡逻：鼓楼步行街巡逻区").click()
    page.locator("#check-in-point").select_option(str(school.pk))
    page.locator("#check-in").click()
    expect(page.locator(".alert-success")).to_contain_text("“榆林第一小学”打卡成功")
    page.goto(f"{live_server.url}/patrols/scan/{checkins.point_token(market)}/")
    page.locator("#scan-check-in").click()
    expect(page.locator(".alert-success")).to_contain_text("扫码打卡成功")
    expect(page.locator("#completeness")).to_have_attribute("data-checked", "2")
    expect(page.locator(f"#points [data-point='{station.pk}']")).to_have_attribute("data-checked", "0")
    records_a_route(page)
    assert CheckIn.objects.filter(shift=patrol.shift).count() == 2
    assert Route.objects.get().stopped_at is not None


def records_a_route(page) -> None:
    page.locator("#route-start").click()
    expect(page.locator("#route-stop")).to_be_visible()
    shot(page, "patrol-shift")
    page.locator("#route-stop").click()
    expect(page.locator("#route-start")).to_be_visible()


def comes_back_to_a_shorter_list(page, live_server):
    """Verified and reported: three tasks left, the patrol shift with its two points checked."""
    page.goto(f"{live_server.url}/tasks/")
    tasks = page.locator("#task-list .task")
    expect(tasks).to_have_count(3)
    expect(page.locator("#task-overdue")).to_have_text("超期 1 项")
    expect(page.locator("#task-list")).not_to_contain_text("小区门口垃圾堆积")
    expect(page.locator("#task-list")).not_to_contain_text("今日零报告")
    expect(tasks.filter(has_text="巡逻：鼓楼步行街巡逻区")).to_contain_text("已巡 2/3 个点位")
    expect(tasks.filter(has_text="广场护栏损坏")).to_have_count(1)
    shot(page, "tasks-2-after-the-round")


# ---- 3. the leader


def the_leader_tries_a_post_on_the_map_and_saves_it(page, live_server, leader):
    sign_in(page, live_server, leader.username)
    go(page, "快反处置圈")
    expect(page.locator("h1")).to_contain_text("榆林市 1-3-5分钟快反处置圈")
    page.locator("#children").get_by_role("link", name="榆阳区").click()
    page.locator("#children").get_by_role("link", name="鼓楼街道").click()
    expect(page.locator("#circles-map")).to_have_attribute("data-loaded", "1")
    expect(page.locator("#circle-counts tfoot")).to_contain_text("合计")
    shot(page, "circles-township")
    tries_a_post_in_the_middle_of_the_map(page)
    page.locator("#save-post input[name=name]").fill("鸳鸯湖快反点")
    page.locator("#save-post button[type=submit]").click()
    expect(page.locator(".alert-success")).to_contain_text("已设置快反处置点位“鸳鸯湖快反点”")
    expect(page.locator("#posts")).to_contain_text("鸳鸯湖快反点")
    saved = ResponsePost.objects.get(name="鸳鸯湖快反点")
    assert saved.kind == "quick" and AreaReach.objects.filter(post=saved).exists()
    shot(page, "circles-saved")


def tries_a_post_in_the_middle_of_the_map(page) -> None:
    box = page.locator("#circles-map").bounding_box()
    page.locator("#circles-map").click(position={"x": box["width"] / 2, "y": box["height"] / 2})
    expect(page.locator("#try-lon")).not_to_have_value("")
    page.locator("#try-form select[name=kind]").select_option("quick")
    page.locator("#try-button").click()
    expect(page.locator("#trial")).to_be_visible()
    expect(page.locator("#trial-totals")).to_contain_text("增设后")
    assert ResponsePost.objects.count() == 1  # a trial saves nothing
    shot(page, "circles-trial")
