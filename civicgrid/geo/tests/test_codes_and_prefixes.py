import pytest

from civicgrid.geo import codes
from civicgrid.geo.choices import AreaLevel


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("61", "61"), ("610000000000", "61"), ("610800000000", "6108"), ("610802000000", "610802"),
        ("610802001000", "610802001"), ("610802001001", "610802001001"), ("610802001001001", "610802001001001"),
        (" 6108 ", "6108"),
    ],
)
def test_a_code_is_reduced_to_its_significant_prefix(given, expected):
    assert codes.significant(given) == expected


@pytest.mark.parametrize("bad", ["610", "61080", "6108020010011", "61A8", "", "６１０８"])
def test_a_code_of_the_wrong_length_or_with_non_digits_is_refused(bad):
    with pytest.raises(codes.CodeError):
        codes.significant(bad)


def test_levels_follow_the_length_of_the_prefix():
    assert [codes.level_of(c) for c in ("61", "6108", "610802", "610802001", "610802001001")] == [
        AreaLevel.PROVINCE, AreaLevel.CITY, AreaLevel.COUNTY, AreaLevel.TOWNSHIP, AreaLevel.COMMUNITY]
    assert codes.level_of("610802001001001") == AreaLevel.GRID
    assert codes.level_of("610802001001001002") == AreaLevel.UNIT
    assert codes.level_of("610802001001001002003") == AreaLevel.SUBUNIT


def test_the_parent_code_is_the_next_shorter_prefix():
    assert codes.parent_code("610802001001001") == "610802001001"
    assert codes.parent_code("610802001") == "610802"
    assert codes.parent_code("6108") == "61"
    assert codes.parent_code("61") is None


def test_administrative_codes_show_in_twelve_digit_nbs_form_and_grids_keep_fifteen():
    assert codes.nbs_code("6108") == "610800000000"
    assert codes.nbs_code("610802001") == "610802001000"
    assert codes.nbs_code("610802001001001") == "610802001001001"


def test_scope_is_a_prefix_so_a_township_holds_its_grids_and_not_its_neighbours():
    township = "610802001"
    assert "610802001001001".startswith(township)
    assert not "610802002001001".startswith(township)
