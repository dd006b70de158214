"""A page or API address that only takes a POST (or a DELETE) answers a GET from its own persona with 405."""

from dataclasses import replace

import pytest

from civicgrid.testing import routes
from civicgrid.testing.world import DEFAULT_KIND

from .conftest import visit


def _pages() -> list[routes.Walk]:
    return [routes.Walk(name, replace(page.rows[0], method="GET"), DEFAULT_KIND, url=page.url)
            for name, page in routes.PAGES.items() if page.row("GET") is None]


def _api_paths() -> list[routes.Walk]:
    methods = {}
    for operation, row in routes.API.items():
        method, path = operation.split(" ", 1)
        methods.setdefault(path, {})[method] = row
    return [routes.Walk(f"GET {path}", replace(next(iter(rows.values())), method="GET"), DEFAULT_KIND, api=True,
                        url=routes.API_ROOT + path)
            for path, rows in methods.items() if "GET" not in rows]


@pytest.mark.parametrize("walk", _pages(), ids=lambda walk: walk.name)
def test_every_post_only_page_answers_get_with_405(world, walk):
    assert visit(walk, world).status_code == 405


@pytest.mark.parametrize("walk", _api_paths(), ids=lambda walk: walk.name.removeprefix("GET "))
def test_every_api_address_without_a_get_answers_get_with_405(world, walk):
    assert visit(walk, world).status_code == 405
