import pytest
from django.core.exceptions import ValidationError

from civicgrid.cases import codes
from civicgrid.cases.models import Category


@pytest.mark.parametrize(
    ("parent", "position", "code"),
    [(None, 1, "01"), ("01", 2, "01.02"), ("01.02", 3, "01.02.003"), ("01.02.003", 12, "01.02.003.012")],
)
def test_the_first_two_levels_take_two_digits_and_deeper_ones_three(parent, position, code):
    assert codes.child_code(parent, position) == code
    assert codes.parent_code(code) == parent


def test_a_categorys_ancestors_are_the_prefixes_of_its_code():
    assert codes.ancestor_codes("01.02.003") == ["01", "01.02"]
    assert codes.ancestor_codes("01") == []


@pytest.mark.parametrize("code", ["1", "01.2", "01.02.03", "01-02", "01.02.003."])
def test_a_malformed_code_is_refused(code):
    with pytest.raises(ValidationError):
        codes.validate_code(code)


@pytest.mark.django_db
def test_a_code_must_sit_under_its_parents_code(tree):
    stray = Category(code="02.01", name="错位", parent=tree["01"])
    with pytest.raises(ValidationError) as caught:
        stray.full_clean()
    assert "01.01" in caught.value.message_dict["code"][0]
