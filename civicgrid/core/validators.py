"""Validators for personal identifiers (DESIGN.md, "Personal data")."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_PHONE = re.compile(r"^1[3-9]\d{9}$")


def validate_mainland_phone(value: str) -> None:
    if value and not _PHONE.match(value):
        raise ValidationError(_("“%(value)s”不是有效的中国大陆手机号（11 位，以 13–19 开头）。"), params={"value": value})


def mask_phone(value: str) -> str:
    """138****5678: what every list and default view shows of a phone number."""
    if not value:
        return ""
    if len(value) < 7:
        return "*" * len(value)
    return f"{value[:3]}{'*' * (len(value) - 7)}{value[-4:]}"
