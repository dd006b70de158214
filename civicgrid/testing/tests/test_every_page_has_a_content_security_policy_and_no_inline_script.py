"""Every page is served with a Content-Security-Policy that allows scripts and styles from the site's own files
only, and no page needs more: no ``<script>`` without ``src``, no ``on…=`` attribute, no ``style=`` attribute or
``<style>`` element, in every page the generic tests open (each as its persona), the 404 page and a form shown
again with its mistakes."""

from html.parser import HTMLParser

import pytest

from civicgrid.testing import routes
from civicgrid.testing.world import kinds

from .conftest import caller, visit

PAGES = routes.walks(kinds(), api=False, where=lambda row: row.method == "GET")
# A <script> with one of these types is data the page's scripts read, never run by the browser.
DATA_TYPES = {"application/json", "application/ld+json"}


class InlineCode(HTMLParser):
    """What a page would run or style from its own markup, which the policy forbids."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        named = dict(attrs)
        if tag == "script" and not named.get("src") and named.get("type") not in DATA_TYPES:
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style> element")
        self.found += [f"<{tag} {name}=…>" for name, _value in attrs if name.startswith("on") or name == "style"]


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.found


def assert_strict_and_clean(response, what: str) -> None:
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe" not in policy, policy
    if response["Content-Type"].startswith("text/html"):
        assert inline_code(response.content.decode()) == [], what


@pytest.mark.parametrize("walk", PAGES, ids=lambda walk: walk.id)
def test_every_page_has_the_policy_and_no_inline_script_or_style(world, walk):
    response = visit(walk, world)
    assert_strict_and_clean(response, walk.id)


def test_the_not_found_page_and_forms_shown_again_with_their_mistakes_are_clean(world):
    anonymous, resident = caller(world, "anonymous"), caller(world, "township_dispatcher")
    for response, what in [
        (anonymous.open("GET", "/no-such-page/"), "404"),
        (resident.open("GET", "/cases/no-such-case/"), "404 signed in"),
        (anonymous.open("POST", "/report/", {"title": ""}), "report with mistakes"),
        (anonymous.open("POST", "/track/", {"number": "x", "phone": "1"}), "track with mistakes"),
        (anonymous.open("POST", "/login/", {"username": "x", "password": "y"}), "login refused"),
        (anonymous.open("GET", "/admin/login/"), "admin login"),
    ]:
        assert_strict_and_clean(response, what)


def test_the_finder_sees_what_it_is_meant_to_find():
    found = inline_code('<script>alert(1)</script><script src="/x.js"></script><img src=x onerror="alert(1)">'
                        '<div style="color: red"></div><style>p {}</style><script type="application/json">{}</script>')
    assert found == ["<script> without src", "<img onerror=…>", "<div style=…>", "<style> element"]
