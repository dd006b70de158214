import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.services import add_unit, household_total


def test_units_extend_the_grid_code_by_three_digits_per_level(administrator, yulin):
    building = add_unit(administrator, yulin["grid_a"], "building", "1号楼", households=30)
    second = add_unit(administrator, yulin["grid_a"], "lane", "东巷", households=12)
    floor = add_unit(administrator, building, "floor", "3层", households=10)
    assert (building.code, second.code) == ("610802001001001001", "610802001001001002")
    assert floor.code == "610802001001001001001"
    assert (building.level, floor.level) == (AreaLevel.UNIT, AreaLevel.SUBUNIT)


def test_households_roll_up_from_buildings_to_grid_community_and_county(administrator, yulin):
    building = add_unit(administrator, yulin["grid_a"], "building", "1号楼", households=30)
    add_unit(administrator, building, "floor", "1层", households=15)  # subdivides the building, not added twice
    add_unit(administrator, yulin["grid_b"], "group", "第一组", households=20)
    assert household_total(yulin["grid_a"]) == 30
    assert household_total(yulin["community_a"]) == 30
    assert household_total(yulin["county"]) == 50


@pytest.mark.parametrize(("parent_key", "kind"), [("grid_a", "floor"), ("community_a", "building")])
def test_a_unit_of_the_wrong_kind_or_level_is_refused(administrator, yulin, parent_key, kind):
    with pytest.raises(ValidationError):
        add_unit(administrator, yulin[parent_key], kind, "x")


def test_only_an_administrator_in_scope_may_add_units(grid_worker, yulin):
    with pytest.raises(PermissionDenied):
        add_unit(grid_worker, yulin["grid_a"], "building", "1号楼")
