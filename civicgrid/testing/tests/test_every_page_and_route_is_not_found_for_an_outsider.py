"""Staff of township B (or township B's client application) get 404 for every object of township A that a
page or route names — a case of every kind, its files, requests, assignment, the area, another's notice
or token — and what they send changes nothing. Rows say what the outsider gets (``Row.outsider``)."""

import pytest

from civicgrid.testing import routes
from civicgrid.testing.world import fingerprint, kinds

from .conftest import visit


def _names_an_object(row) -> bool:
    return row.outsider is not None


PAGES = routes.walks(kinds(), api=False, where=_names_an_object)
API = routes.walks(kinds(), api=True, where=_names_an_object)


def _outsider_gets(walk, world):
    before = fingerprint()
    response = visit(walk, world, walk.outsider, body=True)
    assert response.status_code == walk.row.outsider, f"{walk.id} as {walk.outsider}: {response.status_code}"
    assert fingerprint() == before, f"{walk.id} as {walk.outsider} changed something"
    return response


@pytest.mark.parametrize("walk", PAGES, ids=lambda walk: walk.id)
def test_every_page_of_township_a_is_not_found_for_an_outsider(world, walk):
    _outsider_gets(walk, world)


@pytest.mark.parametrize("walk", API, ids=lambda walk: walk.id)
def test_every_api_route_of_township_a_is_not_found_for_an_outsider(world, walk):
    response = _outsider_gets(walk, world)
    if walk.row.outsider == 404:
        assert response.json()["code"] == "not_found"
