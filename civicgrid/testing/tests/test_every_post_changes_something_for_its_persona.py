"""What a row posts does change something when its own persona sends it: so when the outsider sends the same
and nothing changes (test_every_page_and_route_is_not_found_for_an_outsider), the scope refused it."""

import pytest

from civicgrid.testing import routes
from civicgrid.testing.world import fingerprint, kinds

from .conftest import visit


def _sends(row) -> bool:
    return row.body is not None


@pytest.mark.parametrize("walk", routes.walks(kinds(), api=False, where=_sends), ids=lambda walk: walk.id)
def test_every_form_post_changes_something_for_its_persona(world, walk):
    _changes(walk, world)


@pytest.mark.parametrize("walk", routes.walks(kinds(), api=True, where=_sends), ids=lambda walk: walk.id)
def test_every_api_write_changes_something_for_its_persona(world, walk):
    _changes(walk, world)


def _changes(walk, world):
    before = fingerprint()
    response = visit(walk, world, body=True)
    assert response.status_code == walk.row.answers, f"{walk.id} as {walk.row.sees}: {response.content[:300]}"
    assert fingerprint() != before, f"{walk.id} as {walk.row.sees} changed nothing"
