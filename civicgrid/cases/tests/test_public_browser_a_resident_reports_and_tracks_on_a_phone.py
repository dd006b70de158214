"""On a phone, in headless Chromium: a resident finds the category by searching, pins the place on the map,
adds a photo, files the report, follows it by number and phone, and rates the result.

Screenshots go to artifacts/screenshots/public-*.png."""

import re

import pytest
from playwright.sync_api import expect

from civicgrid.cases.models import Case, CategoryField
from civicgrid.testing import factories
from civicgrid.testing.browser import PHONE, shot

from .test_public_support import PHONE as RESIDENT_PHONE
from .test_public_support import close, fresh_cache, media_in_tmp  # noqa: F401

pytestmark = pytest.mark.browser
FITS = "() => document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def city(transactional_db, yulin):
    factories.category("01", "市容环境", limits={"handle": (1, "work_days")})
    litter = factories.category("01.001", "暴露垃圾")
    factories.category("01.002", "道路不洁")
    CategoryField.objects.create(category=litter, code="amount", label="垃圾数量（袋）", field_type="number")
    return yulin


def file_a_report(page, live_server, tmp_path):
    page.goto(f"{live_server.url}/report/")
    expect(page.get_by_role("heading", name="我要反映")).to_be_visible()
    assert page.evaluate(FITS)
    shot(page, "public-1-report-form")

    page.locator("#category-q").fill("暴露")
    option = page.locator("#category-results label", has_text="暴露垃圾")
    expect(option).to_have_count(1)
    expect(option).to_contain_text("市容环境 › 暴露垃圾")
    option.click()
    expect(page.locator("#category-chosen input[name=category]")).to_be_checked()
    expect(page.get_by_label("垃圾数量（袋）")).to_be_visible()  # the category's extra field, fetched on choosing
    page.get_by_label("垃圾数量（袋）").fill("5")

    page.get_by_label("标题").fill("小区门口垃圾堆积")
    page.get_by_label("详细描述").fill("垃圾三天没人清运，气味很大。")
    size = page.locator("#report-map").bounding_box()
    # The map opens on both grids side by side: a quarter from the left is inside grid A.
    page.locator("#report-map").click(position={"x": size["width"] * 0.25, "y": size["height"] * 0.5})
    expect(page.locator("#pin-text")).to_contain_text("已选位置")
    photo = tmp_path / "site.jpg"
    photo.write_bytes(factories.jpeg().read())
    page.locator("#id_photos").set_input_files(str(photo))
    page.get_by_label("手机号").fill(RESIDENT_PHONE)
    shot(page, "public-2-report-filled")
    page.get_by_role("button", name="提交").click()


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_a_resident_reports_tracks_and_rates_on_a_phone(live_server, page, city, tmp_path, page_errors,
                                                        intake_clerk, township_dispatcher, department_handler,
                                                        grid_worker, shift_lead):
    file_a_report(page, live_server, tmp_path)

    expect(page).to_have_url(re.compile(r"/report/done/"))
    case = Case.objects.get()
    expect(page.locator("#case-number")).to_have_text(case.number)
    assert case.extra == {"amount": "5"} and case.area.code == "610802001001001" and case.attachments.count() == 1
    assert page.evaluate(FITS)
    shot(page, "public-3-report-done")

    close(case, intake_clerk, township_dispatcher, department_handler, grid_worker, shift_lead)
    page.goto(f"{live_server.url}/track/")
    page.get_by_label("案件编号").fill(case.number.replace("-", ""))
    page.get_by_label("手机号").fill(RESIDENT_PHONE)
    page.get_by_role("button", name="查询").click()
    expect(page.locator("#case-status")).to_have_text("待回访")
    expect(page.locator("#timeline")).to_contain_text("垃圾已清运完毕")
    expect(page.locator("#timeline img.result-photo")).to_have_count(1)
    assert page.evaluate(FITS)
    shot(page, "public-4-tracked-closed")

    page.locator("#callback label", has_text=re.compile("^不满意$")).click()
    page.get_by_label("意见或建议（选填）").fill("垃圾又堆起来了")
    page.get_by_role("button", name="提交评价").click()
    expect(page.locator("main")).to_contain_text("重新办理（返工）")
    expect(page.locator("#case-status")).to_have_text("处置中")
    shot(page, "public-5-unsatisfied-rework")
    assert page_errors == []


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_a_bad_report_shows_its_messages_and_keeps_the_pin_and_the_text(live_server, page, city, page_errors):
    page.goto(f"{live_server.url}/report/")
    page.get_by_label("标题").fill("路灯不亮")
    page.locator("#report-map").click()
    page.get_by_label("手机号").fill("12345")
    page.get_by_role("button", name="提交").click()

    expect(page.locator("#form-problems")).to_be_visible()
    expect(page.locator("#field-category")).to_contain_text("请选择一个启用的事项分类")
    expect(page.locator("#field-reporter_phone")).to_contain_text("不是有效的中国大陆手机号")
    expect(page.get_by_label("标题")).to_have_value("路灯不亮")
    expect(page.locator("#pin-text")).to_contain_text("已选位置")
    assert Case.objects.count() == 0 and page.evaluate(FITS)
    shot(page, "public-6-report-errors")
    assert page_errors == []
