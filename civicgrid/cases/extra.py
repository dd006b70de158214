"""Checking a case's extra values (附加信息) against the fields its category asks for.

Values arrive from forms, the JSON API and imports, so numbers and dates may come as text. Every
message names the field by its label, so whoever typed the value knows which one to fix.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from civicgrid.core.validators import control_problem
from civicgrid.core.wording import listing

from .choices import FieldType

EMPTY = (None, "", [], ())


def is_list_of_strings(value, nonempty: bool = False) -> bool:
    if not isinstance(value, (list, tuple)) or (nonempty and not value):
        return False
    return all(isinstance(item, str) and item for item in value)


def extra_value_errors(fields, values: dict) -> dict[str, str]:
    """{field code: message} for each missing, malformed or unknown value; empty when all is well."""
    errors = {
        code: _("没有名为“%(code)s”的附加字段。") % {"code": code} for code in values.keys() - {f.code for f in fields}
    }
    for field in fields:
        problem = value_problem(field, values.get(field.code))
        if problem:
            errors[field.code] = problem
    return errors


def value_problem(field, value) -> str | None:
    """What is wrong with one value for one field, or None."""
    if isinstance(value, str):
        value = value.strip()
    if value in EMPTY:
        return _("“%(label)s”为必填项。") % {"label": field.label} if field.required else None
    return CHECKS[field.field_type](field, value)


def _text_problem(field, value) -> str | None:
    if not isinstance(value, str):
        return _("“%(label)s”应为文本。") % {"label": field.label}
    problem = control_problem(value, f"“{field.label}”")
    if problem:
        return problem
    if field.max_length and len(value) > field.max_length:
        return _("“%(label)s”不能超过 %(max)d 个字，现有 %(n)d 个字。") % {
            "label": field.label, "max": field.max_length, "n": len(value)}
    return None


def _number_problem(field, value) -> str | None:
    number = _as_number(value)
    if number is None or not number.is_finite():
        return _("“%(label)s”应为数字，“%(value)s”不是数字。") % {"label": field.label, "value": value}
    return None


def _as_number(value) -> Decimal | None:
    # bool is an int to Python, but a tick box is not a count of people.
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, Decimal)):
        value = str(value)
    if not isinstance(value, str):
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def _date_problem(field, value) -> str | None:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return None
    try:
        datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return _("“%(label)s”应为日期（如 2024-05-01），“%(value)s”不是有效日期。") % {
            "label": field.label, "value": value}
    return None


def _choice_problem(field, value) -> str | None:
    if value not in field.choices:
        return _not_a_choice(field, value)
    return None


def _multi_choice_problem(field, value) -> str | None:
    if not is_list_of_strings(value):
        return _("“%(label)s”应为选项列表。") % {"label": field.label}
    wrong = next((item for item in value if item not in field.choices), None)
    return _not_a_choice(field, wrong) if wrong is not None else None


def _not_a_choice(field, value) -> str:
    return _("“%(label)s”的值“%(value)s”不在可选项中（可选：%(options)s）。") % {
        "label": field.label, "value": value, "options": listing(field.choices)}


CHECKS = {
    FieldType.TEXT: _text_problem,
    FieldType.NUMBER: _number_problem,
    FieldType.DATE: _date_problem,
    FieldType.CHOICE: _choice_problem,
    FieldType.MULTI_CHOICE: _multi_choice_problem,
}
