"""Browser fixtures: Playwright driving Debian's headless Chromium against pytest-django's live_server.

The root conftest.py registers these fixtures (browser, page, new_page, page_errors, viewport). No browser is ever downloaded: the Chromium is /usr/bin/chromium or $CIVICGRID_CHROMIUM (scripts/ensure-chromium).

A test gets a desktop page (1280x900); parametrize `viewport` with PHONE for a phone (390x844):

    @pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
    def test_on_a_phone(live_server, page): ...
"""

import os
import re
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO_ROOT / "artifacts" / "screenshots"

# The machine may have no internet: keep Chromium from opening background connections it would wait on.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=zh-CN",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 15_000


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CIVICGRID_CHROMIUM", "/usr/bin/chromium")
    if not os.access(executable, os.X_OK):
        pytest.fail(f"No Chromium at {executable}: run scripts/ensure-chromium or set CIVICGRID_CHROMIUM.")
    # Playwright's sync API runs an asyncio loop in a greenlet of this thread and marks it as this thread's
    # running loop between calls (playwright/_impl/_greenlets.py, wait_for_future). Django then takes every
    # ORM call of the main thread (the fixtures' factories, pytest-django's flush after each test, and any
    # test that runs later in the session) for a call from async code and raises SynchronousOnlyOperation.
    # Nothing here is async: the live server answers in its own thread, which has no loop. So lift the check
    # for as long as Playwright runs, and put it back afterwards.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def viewport():
    """The page's size; parametrize it with PHONE (ids=["phone"]) for a phone."""
    return DESKTOP


@pytest.fixture
def page_errors():
    """Uncaught script errors and console errors of the test's page, e.g. a vendored script that 404s."""
    return []


@pytest.fixture
def new_page(browser, viewport, page_errors):
    """``new_page()``: a page in a browser of its own (a fresh context, no cookies), in Chinese as our users'
    browsers are: each person's own phone in a journey where several take turns. Closed after the test."""
    phone = {"is_mobile": True, "has_touch": True, "device_scale_factor": 2}
    options = {"viewport": viewport, **(phone if viewport == PHONE else {})}
    contexts = []

    def open_page():
        context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        opened = context.new_page()
        opened.on("pageerror", lambda error: page_errors.append(f"{error}"))
        opened.on("console", lambda message: _console_error(message, page_errors))
        return opened

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A fresh context (no cookies) and page, in Chinese as our users' browsers are."""
    return new_page()


def _console_error(message, errors: list) -> None:
    # Chromium asks every site for /favicon.ico on its own; its 404 is no error of the page.
    url = message.location.get("url", "")
    if message.type == "error" and not url.endswith("/favicon.ico"):
        errors.append(f"{message.text} ({url})")


def shot(page, name: str) -> Path:
    """Save a full-page PNG of what the page shows now as artifacts/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in(page, live_server, username: str):
    """Sign in on the login page as a test user (factories' password) and land on the home page."""
    from playwright.sync_api import expect

    page.goto(f"{live_server.url}/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill("pw-for-tests")
    page.get_by_role("button", name="登录").click()
    expect(page).to_have_url(f"{live_server.url}/")


def go(page, link: str):
    """Follow a link of the navbar, opening the menu first on a phone (unless it is open already)."""
    if page.locator(".navbar-toggler").is_visible():
        open_menu(page)
    page.locator("nav.navbar").get_by_role("link", name=link).click()


def open_menu(page):
    """Open the folded menu of a phone and wait until it has finished sliding open."""
    from playwright.sync_api import expect

    menu = page.locator("#nav")
    if not re.search(r"\bshow\b", menu.get_attribute("class") or ""):
        page.locator(".navbar-toggler").click()
    expect(menu).to_have_class(re.compile(r"\bshow\b"))  # opened, not still sliding open
    expect(menu).to_be_visible()
