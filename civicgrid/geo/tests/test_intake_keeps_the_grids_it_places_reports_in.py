"""While reference data is kept (``CIVICGRID_REFERENCE_RECHECK_S`` > 0), each process keeps every grid with its
parent and grandparent, so placing a report costs no query; what it gives is what the database holds, and a
change shows once the area table's stamp moves, or at once after an import in this process."""

import pytest

from civicgrid.geo import placing
from civicgrid.geo.importers import import_divisions
from civicgrid.geo.models import Area
from civicgrid.testing.factories import area


@pytest.fixture
def kept(settings):
    settings.CIVICGRID_REFERENCE_RECHECK_S = 300
    placing.forget()
    yield
    placing.forget()


def test_a_kept_grid_is_the_grid_with_its_parents_and_costs_no_query(yulin, kept, django_assert_num_queries):
    grid = yulin["grid_a"]
    placing.grid_area(grid.code)  # the first call reads the table
    with django_assert_num_queries(0):
        found = placing.grid_area(grid.code)
        assert (found.parent.code, found.parent.parent.code) == (grid.parent.code, grid.parent.parent.code)
    read = Area.objects.select_related("parent__parent").get(code=grid.code)
    for mine, theirs in ((found, read), (found.parent, read.parent), (found.parent.parent, read.parent.parent)):
        assert {f.attname: getattr(mine, f.attname) for f in Area._meta.concrete_fields} == \
            {f.attname: getattr(theirs, f.attname) for f in Area._meta.concrete_fields}


def test_each_call_gets_its_own_instances(yulin, kept):
    first, second = placing.grid_area(yulin["grid_a"].code), placing.grid_area(yulin["grid_a"].code)
    assert first == second and first is not second and first.parent is not second.parent


def test_a_change_shows_when_the_stamp_moves(yulin, kept, settings, monkeypatch):
    code = yulin["grid_a"].code
    placing.grid_area(code)
    Area.objects.filter(code=code).update(name="新名")  # no stamp change yet: kept until the next check
    assert placing.grid_area(code).name != "新名"
    grid = Area.objects.get(code=code)
    grid.name = "更新的名字"
    grid.save()  # moves updated_at
    monkeypatch.setattr(placing, "_cache", {**placing._cache, "checked": 0.0})
    assert placing.grid_area(code).name == "更新的名字"


def test_a_grid_made_since_is_read_from_the_database(yulin, kept):
    placing.grid_area(yulin["grid_a"].code)
    new = area(yulin["grid_a"].code[:12] + "009")
    assert placing.grid_area(new.code).parent.code == new.parent.code


def test_a_division_import_here_holds_at_once(yulin, kept, django_capture_on_commit_callbacks):
    grid = yulin["grid_a"]
    placing.grid_area(grid.code)
    csv = f"code,name\n{grid.parent.code},改名社区\n"
    with django_capture_on_commit_callbacks(execute=True):
        assert import_divisions([("villages.csv", csv)]).written
    assert placing.grid_area(grid.code).parent.name == "改名社区"


def test_without_keeping_every_call_reads_the_database(yulin, settings, django_assert_num_queries):
    settings.CIVICGRID_REFERENCE_RECHECK_S = 0
    with django_assert_num_queries(1):
        assert placing.grid_area(yulin["grid_a"].code).parent.parent.code == yulin["grid_a"].parent.parent.code
