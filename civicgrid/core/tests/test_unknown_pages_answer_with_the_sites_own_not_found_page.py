"""With debug off, as in production and in ``make demo``, an unknown address answers with the site's own 404 page in
Chinese (never Django's debug page listing the URL patterns), a server error with the site's own 500 page, and
/favicon.ico leads to the site's icon."""

from django.test import RequestFactory
from django.views.defaults import server_error

from civicgrid.testing import factories


def test_a_visitor_gets_the_sites_not_found_page_with_the_ways_in(client, settings, db):
    settings.DEBUG = False
    response = client.get("/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404 and "找不到页面" in html
    assert "URLconf" not in html and "Django tried these URL patterns" not in html
    assert 'href="/report/"' in html and 'href="/track/"' in html and 'href="/login/"' in html
    assert "civicgrid/favicon.svg" in html


def test_signed_in_staff_are_offered_their_home_page(client, settings, yulin):
    settings.DEBUG = False
    client.force_login(factories.staff_with_role("dispatcher", area=yulin["township_a"], username="d"))
    html = client.get("/cases/no-such-case/").content.decode()
    assert "找不到页面" in html and "返回首页" in html


def test_a_server_error_gets_the_sites_own_page_in_chinese_without_scripts(db):
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500 and "服务器出错了" in html and "12345" in html
    assert "<script" not in html and "style=" not in html and "civicgrid/civicgrid.css" in html


def test_favicon_ico_leads_to_the_sites_icon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("/static/civicgrid/favicon.svg")
