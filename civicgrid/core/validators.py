"""Validators for personal identifiers (DESIGN.md, "Personal data"), and for characters no text may hold."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

_PHONE = re.compile(r"^1[3-9]\d{9}$")


def validate_mainland_phone(value: str) -> None:
    if value and not _PHONE.match(value):
        raise ValidationError(_("“%(value)s”不是有效的中国大陆手机号（11 位，以 13–19 开头）。"), params={"value": value})


def tidy_phone(value: str) -> str:
    """Phones are typed with spaces, dashes, brackets or +86/0086; the stored form is the bare 11 digits."""
    value = re.sub(r"[\s\-()]", "", value or "")
    for prefix in ("+86", "0086"):
        value = value.removeprefix(prefix)
    return value


def mask_phone(value: str) -> str:
    """138****5678: what every list and default view shows of a phone number."""
    if not value:
        return ""
    if len(value) < 7:
        return "*" * len(value)
    return f"{value[:3]}{'*' * (len(value) - 7)}{value[-4:]}"


def mask_name(name: str) -> str:
    """张** : the family name (or an organisation's first two characters) and stars."""
    keep = 2 if len(name) > 4 else 1
    return name[:keep] + "*" * max(len(name) - keep, 1)


def mask_address(address: str) -> str:
    return address[:6] + "****" if len(address) > 6 else "*" * len(address)


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_NUMBER = re.compile(r"^\d{17}[\dX]$")


def id_number_is_valid(value: str) -> bool:
    """GB 11643-1999: 17 digits and a check character (ISO 7064 MOD 11-2)."""
    value = value.upper()
    if not _ID_NUMBER.match(value):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(value[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == value[17]


def validate_id_number(value: str) -> None:
    if value and not id_number_is_valid(value):
        raise ValidationError(_("“%(value)s”不是有效的居民身份证号码（18 位，末位校验码不符或格式错误）。"),
                              params={"value": mask_id_number(value)})


def mask_id_number(value: str) -> str:
    """610102********1234: what lists show of an ID number."""
    if len(value) < 10:
        return "*" * len(value)
    return f"{value[:6]}{'*' * (len(value) - 10)}{value[-4:]}"


# Control characters but tab and newlines, DEL, lone surrogates and the non-characters U+FFFE/U+FFFF: no form
# field needs them, XML 1.0 cannot carry most of them (an answer holding one is not well-formed), and a database
# cannot store some. Refused on the way in (``control_character``); stripped on the way out (``strip_control``).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def control_character(value: str) -> str | None:
    """The first such character of ``value`` as it is named in a message (``U+0007``), or None."""
    found = CONTROL_CHARACTERS.search(value or "")
    return f"U+{ord(found.group()):04X}" if found else None


def control_problem(value: str, label: str = "") -> str | None:
    """What to tell whoever typed ``value`` (the field's ``label`` first) when it holds such a character."""
    character = control_character(value)
    if character is None:
        return None
    if label:
        return gettext("%(label)s含有不允许的控制字符（%(character)s），请删除后再提交。") % {
            "label": label, "character": character}
    return gettext("含有不允许的控制字符（%(character)s），请删除后再提交。") % {"character": character}


def strip_control(value: str) -> str:
    """``value`` without the characters above: for text written out (XML) that may have been stored earlier."""
    return CONTROL_CHARACTERS.sub("", value)
