"""Joining words into a line in the reader's language: Chinese lists take 、 and clauses ；, English ", " and
"; ". Every list or line built from parts goes through these, never a literal "、".join."""

from django.utils.translation import pgettext


def listing(items) -> str:
    """甲、乙、丙 in Chinese; "A, B, C" in English."""
    return pgettext("list separator", "、").join(str(item) for item in items)


def clauses(parts) -> str:
    """甲；乙 in Chinese; "A; B" in English. Empty parts are left out."""
    return pgettext("clause separator", "；").join(str(part) for part in parts if part)
