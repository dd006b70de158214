"""Every form post of a page, and every API write made with a browser's session, is refused (403) without its
CSRF token and changes nothing. Open311 is exempt by design: a key, never a cookie, says who calls."""

import pytest

from civicgrid.testing import routes
from civicgrid.testing.world import DEFAULT_KIND, fingerprint

from .conftest import Visit, caller

OPEN311 = "open311:"
POSTS = routes.walks([DEFAULT_KIND], api=False, where=lambda row: row.method == "POST")
FORMS = [walk for walk in POSTS if not walk.name.startswith(OPEN311)]
OPEN311_POSTS = [walk for walk in POSTS if walk.name.startswith(OPEN311)]
APPLICATIONS = {*routes.OUTSIDERS, *routes.OUTSIDERS.values()}


def _staff_write(row) -> bool:
    """An API write a signed-in browser can send (the interactive docs do): applications have no session."""
    return row.method != "GET" and row.sees not in APPLICATIONS


API = routes.walks([DEFAULT_KIND], api=True, where=_staff_write)


def _refused_without_token(request) -> None:
    before = fingerprint()
    response = request()
    assert response.status_code == 403, f"{request.url}: {response.status_code}"
    assert fingerprint() == before


@pytest.mark.parametrize("walk", FORMS, ids=lambda walk: walk.id)
def test_every_form_post_without_its_csrf_token_is_refused(world, walk):
    _refused_without_token(Visit(walk, world, csrf=True, body=True))


@pytest.mark.parametrize("walk", API, ids=lambda walk: walk.id)
def test_every_api_write_from_a_browser_session_without_its_csrf_token_is_refused(world, walk):
    request = Visit(walk, world, body=True)
    request.caller = caller(world, walk.row.sees, csrf=True)  # signed in, no key: the session authenticates
    _refused_without_token(request)


@pytest.mark.parametrize("walk", OPEN311_POSTS, ids=lambda walk: walk.id)
def test_open311_posts_need_no_csrf_token_since_a_key_says_who_calls(world, walk):
    before = fingerprint()
    response = Visit(walk, world, csrf=True, body=True)()
    assert response.status_code == walk.row.answers and fingerprint() != before
