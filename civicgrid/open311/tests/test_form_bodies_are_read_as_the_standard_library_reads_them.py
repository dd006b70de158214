"""A form body is read field by field as ``urllib.parse.parse_qsl`` reads it strictly (blank values kept), and
refused where it refuses: a field without ``=``, an empty field, an escape that is not UTF-8, too many fields."""

from urllib.parse import parse_qsl, quote_plus

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicgrid.open311.inputs import parse_form

PIECES = st.one_of(st.sampled_from(["%", "&", "=", "+", "%2", "%E4", "%B8%AD", "%zz", "%41", "%e4%b8%ad", "中", "a"]),
                   st.text(max_size=8).map(quote_plus))


def read_by_urllib(text: str, max_fields: int):
    try:
        return parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text), encoding="utf-8", errors="strict",
                         max_num_fields=max_fields)
    except ValueError:
        return ValueError


def read(text: str, max_fields: int):
    try:
        return parse_form(text, max_fields)
    except ValueError:
        return ValueError


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join), st.integers(min_value=1, max_value=6))
def test_any_body_is_read_or_refused_as_parse_qsl_does(text, max_fields):
    assert read(text, max_fields) == read_by_urllib(text, max_fields)


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("description=%E8%B7%AF%E7%81%AF%E4%B8%8D%E4%BA%AE+%E4%BA%86&lat=38.2", [("description", "路灯不亮 了"), ("lat", "38.2")]),
    ("a=&b=%25", [("a", ""), ("b", "%")]),
    ("a=%zz", [("a", "%zz")]),
])
def test_fields_are_read(text, expected):
    assert parse_form(text, 10) == expected


@pytest.mark.parametrize("text", ["a", "a=1&&b=2", "a=1&", "a=%E4%B8", "a=%E4x", "a=1&b=2&c=3"])
def test_malformed_bodies_are_refused(text):
    with pytest.raises(ValueError):
        parse_form(text, 2)
