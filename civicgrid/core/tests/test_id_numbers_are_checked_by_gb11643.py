import pytest
from django.core.exceptions import ValidationError

from civicgrid.core.validators import (
    id_number_is_valid,
    mask_id_number,
    validate_id_number,
)


@pytest.mark.parametrize("number", ["11010519491231002X", "11010519491231002x", "440524188001010014"])
def test_numbers_with_the_right_check_character_pass(number):
    assert id_number_is_valid(number)


@pytest.mark.parametrize("number", ["110105194912310021", "11010519491231002", "1101051949123100XX", "abc"])
def test_a_wrong_check_character_or_shape_fails(number):
    assert not id_number_is_valid(number)


def test_the_message_does_not_repeat_the_whole_number():
    with pytest.raises(ValidationError) as caught:
        validate_id_number("110105194912310021")
    assert "110105********0021" in caught.value.messages[0]


def test_masking_keeps_the_region_and_the_last_four():
    assert mask_id_number("11010519491231002X") == "110105********002X"
