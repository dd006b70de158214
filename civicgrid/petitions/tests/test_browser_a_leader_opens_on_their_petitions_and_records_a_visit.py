"""The leader in a real browser: the home page opens on 我的包案 (the late petition first), the petition's case
page takes a home visit with the next one planned, and the petition file shows it. Screenshots:
artifacts/screenshots/petitions-*.png."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.testing import factories
from civicgrid.testing.browser import shot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def petitions(transactional_db, yulin, petition_category, intake_clerk, leader):
    made = []
    for title, days in (("反映安置房迟迟未交付", 70), ("反映工地拖欠农民工工资", 4)):
        filed = timezone.now() - timedelta(days=days)
        case = file_case(factories.report(petition_category, title=title, channel="walk_in"), intake_clerk,
                         now=filed)
        transition(case, "register", intake_clerk, now=filed)
        transition(case, "assign_leader", leader, leader=leader.pk)
        made.append(case)
    transition(made[0], "mark_backlog", leader, since=timezone.localdate() - timedelta(days=20),
               reason="涉及多个部门，久拖未决。")
    return made


def test_the_leader_opens_on_their_petitions_and_records_a_visit(live_server, page, petitions):
    late, _recent = petitions
    sign_in(page, live_server, "leader")
    panel = page.locator("#petitions-panel")
    expect(panel).to_be_visible()
    rows = panel.locator("tbody tr")
    expect(rows.first).to_have_attribute("data-case", late.number)
    expect(rows.first).to_contain_text("已超期")
    shot(page, "petitions-leader-home")

    page.get_by_role("link", name="我的包案", exact=True).first.click()
    expect(page.locator("#my-petitions tbody tr")).to_have_count(2)
    shot(page, "petitions-mine")

    page.goto(f"{live_server.url}/cases/{late.number}/")
    visit = page.locator('details[data-action="record_visit"]')
    visit.locator("summary").click()
    visit.get_by_label("下访").check()
    visit.get_by_label("日期", exact=True).fill(timezone.localdate().isoformat())
    next_visit = timezone.localdate() + timedelta(days=14)
    visit.get_by_label("下次走访日期（选填）").fill(next_visit.isoformat())
    visit.get_by_label("接访（走访）人员").fill("胡领导、镇信访办李干事")
    visit.get_by_label("地点").fill("安置小区3号楼")
    visit.get_by_label("情况记录").fill("与搬迁户代表面谈，承诺两周内给出交付时间表。")
    visit.get_by_role("button", name="记录接访下访").click()
    shot(page, "petitions-case-page")
    expect(page.locator("#timeline")).to_contain_text("下访")

    page.goto(f"{live_server.url}/petitions/{late.number}/")
    expect(page.locator("#visits")).to_contain_text("安置小区3号楼")
    expect(page.locator("#petition-record")).to_contain_text(next_visit.isoformat())
    shot(page, "petitions-file")
