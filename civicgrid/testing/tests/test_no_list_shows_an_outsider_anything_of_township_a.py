"""The lists of cases, assignments, requests and notices show township A's cases to its own staff and
application, and none of them to township B's: the same list, cut by scope."""

import pytest

from civicgrid.testing import routes
from civicgrid.testing import world as w

from .conftest import visit


def _of_cases(row) -> bool:
    """Lists whose rows are cases or about cases: those that grow with more cases or notices."""
    return row.grows in (w.grow_cases, w.grow_notices)


LISTS = [*routes.walks([w.DEFAULT_KIND], api=False, where=_of_cases),
         *routes.walks([w.DEFAULT_KIND], api=True, where=_of_cases)]


@pytest.mark.parametrize("walk", LISTS, ids=lambda walk: walk.id)
def test_no_list_shows_an_outsider_any_case_of_township_a(world, walk):
    numbers = [case.number for case in [*world.cases.values(), world.finished]]
    own = visit(walk, world).content.decode()
    assert world.default.number in own, f"{walk.id}: {walk.row.sees} does not see the case; nothing to compare"
    theirs = visit(walk, world, walk.outsider)
    assert theirs.status_code == 200
    shown = [number for number in numbers if number in theirs.content.decode()]
    assert not shown, f"{walk.id} shows {walk.outsider} township A's {shown}"
