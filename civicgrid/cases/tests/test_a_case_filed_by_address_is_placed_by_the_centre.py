import pytest

from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.cases.workflow import InvalidInput, WrongState
from civicgrid.testing import factories


@pytest.fixture
def by_address(street_litter, yulin):
    return file_case(factories.report(street_litter, point=(None, None), address="鼓楼街道新建路12号"))


@pytest.fixture
def county_clerk(yulin):
    return factories.staff_with_role("intake_clerk", area=yulin["county"], username="county_clerk")


def test_placing_gives_the_case_its_grid_and_the_townships_centre(by_address, county_clerk, yulin):
    assert by_address.area == yulin["county"]
    transition(by_address, "place", county_clerk, longitude="109.71", latitude="38.29")
    by_address.refresh_from_db()
    assert (by_address.area, by_address.centre_area) == (yulin["grid_a"], yulin["township_a"])
    assert (by_address.longitude, by_address.latitude) == (109.71, 38.29)


def test_a_point_outside_every_grid_or_not_a_number_is_refused(by_address, county_clerk):
    with pytest.raises(InvalidInput, match="不在任何网格内"):
        transition(by_address, "place", county_clerk, longitude="108.9", latitude="34.3")
    with pytest.raises(InvalidInput, match="有效的经度"):
        transition(by_address, "place", county_clerk, longitude="东经", latitude="38.29")


def test_a_case_already_in_a_grid_is_not_placed_again(reported_case, intake_clerk):
    with pytest.raises(WrongState, match="已定位"):
        transition(reported_case, "place", intake_clerk, longitude="109.71", latitude="38.29")
