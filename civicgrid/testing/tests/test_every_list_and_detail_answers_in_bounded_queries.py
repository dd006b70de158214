"""Every GET page and API route answers within its query budget (``Row.budget``), and every list (a row that
``grows``) costs as many queries with 3N more rows as with N. Counted on a second request: the first may
fill what a process keeps between requests (the working calendar, reference data, a key's last use, written
once a minute), which is not the page's own cost."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civicgrid.testing import routes
from civicgrid.testing.world import kinds

from .conftest import Visit

N = 1  # with 1 row more and then 3, a query per row would show as 2 more queries


def _get(row) -> bool:
    return row.method == "GET"


def _list(row) -> bool:
    return row.method == "GET" and row.grows is not None


GETS = [*routes.walks(kinds(), api=False, where=_get), *routes.walks(kinds(), api=True, where=_get)]
LISTS = [*routes.walks(kinds(), api=False, where=_list), *routes.walks(kinds(), api=True, where=_list)]


def _warmed(walk, world) -> Visit:
    request = Visit(walk, world)
    assert request().status_code == walk.row.answers
    return request


def _counted(request: Visit) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as captured:
        response = request()
    assert response.status_code == request.expected
    return len(captured), response.content


@pytest.mark.parametrize("walk", GETS, ids=lambda walk: walk.id)
def test_every_get_answers_within_its_query_budget(world, walk, django_assert_max_num_queries):
    request = _warmed(walk, world)
    with django_assert_max_num_queries(walk.row.budget):
        assert request().status_code == walk.row.answers


@pytest.mark.parametrize("walk", LISTS, ids=lambda walk: walk.id)
def test_every_list_costs_as_many_queries_for_3n_rows_as_for_n(world, walk):
    walk.row.grows(world, walk.kind, N)
    few, shorter = _counted(_warmed(walk, world))
    walk.row.grows(world, walk.kind, 2 * N)
    many, longer = _counted(_warmed(walk, world))
    assert len(longer) > len(shorter), f"{walk.id}: the rows added are not on it, so nothing was measured"
    assert many == few, f"{walk.id}: {few} queries with {N} more rows, {many} with {3 * N}"
