"""The mediation journey in a real browser: a grid worker reports a neighbour dispute from a phone; the centre
registers it; the village committee's mediator accepts it, assigns mediators, records two sessions, reaches
an agreement and prints it (the PDF), records its performance and a follow-up visit and closes it; their home
page shows their own disputes. Screenshots: artifacts/screenshots/mediation-*.png (the README's
docs/screenshots/mediator.png is copied from mediation-3 by hand, so that a test run leaves the tree as it was)."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from civicgrid.cases.models import Case
from civicgrid.cases.services import transition
from civicgrid.disputes.models import Dispute
from civicgrid.testing.browser import DESKTOP, PHONE, TIMEOUT_MS, shot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def viewport():
    return PHONE


@pytest.fixture
def ready(transactional_db, neighbour_disputes, mediator, second_mediator, village_committee, grid_worker,
          intake_clerk):
    return mediator


def act(page, action: str, fields: dict, button: str | None = None) -> None:
    """Open the step's form on the case page, fill it and take it."""
    form = page.locator(f"#act-{action}-case")
    form.locator("summary").click()
    for name, value in fields.items():
        field = form.locator(f"[name={name}]")
        if field.first.get_attribute("type") == "checkbox":
            for box in field.all():
                box.check()
        elif field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    form.locator("button[type=submit]").click()
    expect(page.locator(".alert-success")).to_contain_text("已完成")


def local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_a_neighbour_dispute_from_a_phone_to_its_close(live_server, page, browser, page_errors, ready, grid_worker,
                                                      intake_clerk, village_committee):
    sign_in(page, live_server, grid_worker.username)
    page.goto(f"{live_server.url}/cases/new/")
    page.locator("#category-q").fill("邻里")
    page.locator("#category-results label", has_text="邻里纠纷").click()
    page.get_by_label("标题").fill("楼上漏水邻里纠纷")
    page.get_by_label("详细描述").fill("3号楼501卫生间漏水渗到401，两家争执多日。")
    size = page.locator("#report-map").bounding_box()
    page.locator("#report-map").click(position={"x": size["width"] * 0.25, "y": size["height"] * 0.5})
    shot(page, "mediation-1-grid-worker-reports-on-a-phone")
    page.get_by_role("button", name="提交").click()
    expect(page.locator("#case-status")).to_have_text("待受理")
    case = Case.objects.get(title="楼上漏水邻里纠纷")
    act(page, "dispute_details", {"people_involved": "4", "source": "screened"})
    act(page, "add_party", {"role": "applicant", "name": "张三", "id_number": "11010519491231002X",
                            "phone": "13800138000"})
    act(page, "add_party", {"role": "respondent", "name": "李四", "phone": "13900139000"})
    shot(page, "mediation-2-grid-worker-records-the-parties")
    transition(case, "register", intake_clerk)  # 立案 at the centre

    desk = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", viewport=DESKTOP)
    desk.set_default_timeout(TIMEOUT_MS)
    mediator = desk.new_page()
    sign_in(mediator, live_server, ready.username)
    mediator.goto(f"{live_server.url}/cases/{case.number}/")
    act(mediator, "accept_mediation", {"committee": str(village_committee.pk)})
    act(mediator, "assign_mediators", {"mediators": "on"})
    now = timezone.now()
    for minutes, words in ((3, "双方陈述事实，约定查看现场。"), (1, "查明防水层破损，李四同意修复。")):
        act(mediator, "record_session", {"held_at": local(now - timedelta(minutes=minutes)), "place": "鸳鸯湖社区调解室",
                                         "participants": "张三、李四、王调解", "minutes": words})
    mediator.goto(f"{live_server.url}/")  # their home page opens on the dispute they are mediating
    expect(mediator.locator("#mediator-panel")).to_contain_text("楼上漏水邻里纠纷")
    shot(mediator, "mediation-3-mediator-home")
    mediator.locator("#mediator-panel").get_by_role("link", name="楼上漏水邻里纠纷").click()
    act(mediator, "reach_agreement", {"facts": "李四家卫生间防水层破损漏水至张三家。",
                                      "terms": "李四于七日内修复防水层，并赔偿张三装修损失800元。",
                                      "performance_terms": "七日内修复，赔偿款当场支付。",
                                      "signed_on": timezone.localdate().isoformat()})
    expect(mediator.locator("#agreement")).to_contain_text("鸳鸯湖调字第0001号")
    shot(mediator, "mediation-4-agreement-on-the-case-page")
    href = mediator.locator("#agreement-pdf").get_attribute("href")
    printed = desk.request.get(f"{live_server.url}{href}")
    assert printed.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(printed.body())).pages)
    text = text.replace("\n", "").replace(" ", "")
    assert "人民调解协议书" in text and "鸳鸯湖调字第0001号" in text

    act(mediator, "record_performance", {"performance": "full"})
    act(mediator, "follow_up", {"visited_at": local(timezone.now()), "performance": "full",
                                "findings": "防水层已修复，赔偿已付，双方和好。"})
    act(mediator, "close_dispute", {})
    expect(mediator.locator("#case-status")).to_have_text("待回访")
    expect(mediator.locator("#sessions li")).to_have_count(2)
    expect(mediator.locator("#follow-ups")).to_contain_text("双方和好")
    expect(mediator.locator("#parties")).to_contain_text("138****8000")
    expect(mediator.locator("#timeline")).to_contain_text("达成调解协议")
    shot(mediator, "mediation-5-closed")
    dispute = Dispute.objects.get(pk=case.pk)
    assert (dispute.outcome, dispute.performance, dispute.resolved_in_time) == ("agreement", "full", True)

    assert not page_errors, page_errors
    desk.close()
