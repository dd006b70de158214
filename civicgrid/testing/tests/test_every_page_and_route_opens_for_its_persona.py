"""In-scope staff (and, for public pages, residents and client applications) open every GET page and route."""

import pytest

from civicgrid.testing import routes
from civicgrid.testing.world import kinds

from .conftest import visit

GETS = routes.walks(kinds(), api=False, where=lambda row: row.method == "GET")
API_GETS = routes.walks(kinds(), api=True, where=lambda row: row.method == "GET")


@pytest.mark.parametrize("walk", GETS, ids=lambda walk: walk.id)
def test_every_page_opens_for_its_persona(world, walk):
    response = visit(walk, world)
    assert response.status_code == walk.row.answers, f"{walk.id} as {walk.row.sees}: {response.status_code}"


@pytest.mark.parametrize("walk", API_GETS, ids=lambda walk: walk.id)
def test_every_api_route_opens_for_its_persona(world, walk):
    response = visit(walk, world)
    assert response.status_code == walk.row.answers, f"{walk.id} as {walk.row.sees}: {response.content[:300]}"
