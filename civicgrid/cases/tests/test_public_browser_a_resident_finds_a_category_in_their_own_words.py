"""On a phone, in headless Chromium, with the default lists: a resident types their own words into the category
search (邻居吵架, ld, 停车), sees the fitting class first, browses into a branch the search offered and chooses a
class; in English the same search shows English names.

Screenshots go to artifacts/screenshots/categories-*.png."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from civicgrid.testing.browser import PHONE, shot

from .test_public_support import fresh_cache  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.fixture
def city(transactional_db, yulin, capsys):
    call_command("load_categories")
    capsys.readouterr()
    return yulin


def search(page, words: str):
    page.locator("#category-q").fill(words)
    return page.locator("#category-results > *")


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_a_resident_finds_a_category_in_their_own_words(live_server, page, city):
    page.goto(f"{live_server.url}/report/")
    results = search(page, "邻居吵架")
    expect(results.first).to_contain_text("邻里争吵")
    expect(results.first).to_contain_text("矛盾纠纷 › 邻里纠纷 › 邻里争吵")
    shot(page, "categories-1-neighbours-quarrel")

    expect(search(page, "ld").first).to_contain_text("路灯")
    expect(search(page, "停车").nth(1)).to_contain_text("非机动车乱停放")
    expect(results.first).to_contain_text(re.compile(r"^\s*机动车乱停放"))
    shot(page, "categories-2-parking")

    branch = search(page, "邻里纠纷").first
    expect(branch).to_have_attribute("data-in", "60.02")
    branch.click()
    expect(page.locator("#category-trail")).to_contain_text("矛盾纠纷 › 邻里纠纷")
    page.locator("#category-results label", has_text="邻里争吵").click()
    expect(page.locator("#category-chosen")).to_contain_text("邻里争吵")
    shot(page, "categories-3-browsed-and-chosen")

    page.locator("#language-form select").select_option("en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    first = search(page, "street light").first
    expect(first).to_contain_text("Urban facilities (components) › Public utilities › Street light")
    shot(page, "categories-4-english")
