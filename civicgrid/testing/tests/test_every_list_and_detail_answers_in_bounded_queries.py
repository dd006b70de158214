"""Every GET page and API route answers within its query budget (``Row.budget``), and every list (a row that
``grows``) costs as many queries with 3N more rows as with N. Counted on a second request: the first may
fill what a process keeps between requests (the working calendar, reference data, a key's last use, written
once a minute), which is not the page's own cost.

The lists that grow the same way (more cases; more steps on the case of one kind; …) are measured together,
after one growth each time: adding the rows is most of the cost of these tests."""

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


def _by_growth() -> dict[tuple, list[routes.Walk]]:
    """The lists, grouped by what makes them longer and the kind of case it is done to."""
    groups = {}
    for walk in [*routes.walks(kinds(), api=False, where=_list), *routes.walks(kinds(), api=True, where=_list)]:
        groups.setdefault((walk.row.grows, walk.kind), []).append(walk)
    return groups


GETS = [*routes.walks(kinds(), api=False, where=_get), *routes.walks(kinds(), api=True, where=_get)]
LISTS = _by_growth()


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


def _growth_id(key) -> str:
    grows, kind = key
    return grows.__name__ + (f" [{kind}]" if any(walk.row.per_kind for walk in LISTS[key]) else "")


@pytest.mark.parametrize("growth", LISTS, ids=_growth_id)
def test_every_list_costs_as_many_queries_for_3n_rows_as_for_n(world, growth):
    grows, kind = growth
    walks = LISTS[growth]
    grows(world, kind, N)
    few = {walk.id: _counted(_warmed(walk, world)) for walk in walks}
    grows(world, kind, 2 * N)
    many = {walk.id: _counted(_warmed(walk, world)) for walk in walks}
    unseen = [name for name in few if len(many[name][1]) <= len(few[name][1])]
    assert not unseen, f"the rows added are not on {unseen}, so nothing was measured there"
    costlier = {name: (few[name][0], many[name][0]) for name in few if many[name][0] != few[name][0]}
    assert not costlier, f"queries with {N} more rows and with {3 * N}: {costlier}"
