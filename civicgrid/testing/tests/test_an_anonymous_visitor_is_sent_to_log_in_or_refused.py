"""A visitor with no session and no key is sent to log in by every staff page and refused (401) by every API
route; the public pages (residents', Open311, signing in) answer what their row says, and say why they are public."""

from dataclasses import replace

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

from civicgrid.testing import routes
from civicgrid.testing.world import DEFAULT_KIND

from .conftest import visit

# Each page once, opened with a GET whatever methods it answers: a visitor may type any address.
PAGES = [routes.Walk(name, replace(page.rows[0], method="GET"), DEFAULT_KIND, url=page.url)
         for name, page in routes.PAGES.items()]
STAFF_PAGES = [walk for walk in PAGES if not routes.PAGES[walk.name].public]
PUBLIC_PAGES = [walk for walk in PAGES if routes.PAGES[walk.name].public]
API = routes.walks([DEFAULT_KIND], api=True)


@pytest.mark.parametrize("walk", STAFF_PAGES, ids=lambda walk: walk.name)
def test_every_staff_page_sends_an_anonymous_visitor_to_log_in(world, walk):
    response = visit(walk, world, "anonymous")
    assert response.status_code == 302, f"{walk.name}: {response.status_code}"
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL) + "?next="), response["Location"]


@pytest.mark.parametrize("walk", PUBLIC_PAGES, ids=lambda walk: walk.name)
def test_every_public_page_answers_an_anonymous_visitor_as_listed(world, walk):
    response = visit(walk, world, "anonymous")
    assert response.status_code == routes.PAGES[walk.name].anonymous, f"{walk.name}: {response.status_code}"


@pytest.mark.parametrize("walk", API, ids=lambda walk: walk.id)
def test_every_api_route_refuses_an_anonymous_caller(world, walk):
    response = visit(walk, world, "anonymous", body=True)
    assert response.status_code == 401, f"{walk.id}: {response.status_code}"
