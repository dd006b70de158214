"""Cursor pagination (游标分页) for the API's lists: newest first, by a time column and then the id.

A cursor is opaque to clients: the time and id of the last row of a page, base64url encoded. The next
page starts strictly after it, so rows filed while a client walks the list neither repeat nor shift
pages, and each page is one indexed query whatever its depth (OFFSET would scan every row before it).
"""

import base64
import binascii
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from civicgrid.core.calendar import YEARS

from .errors import ApiError
from .shared import ID_MAX

PAGE_SIZE = 25
MAX_PAGE_SIZE = 100


def encode(moment: datetime, pk: int) -> str:
    raw = f"{moment.isoformat()}|{pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str) -> tuple[datetime, int]:
    """The time and id a cursor carries; a time no row could have is a forged cursor, refused."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        moment, pk = raw.split("|")
        found = datetime.fromisoformat(moment), int(pk)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        found = None
    if found is None or found[0].tzinfo is None or found[0].year not in YEARS or not 0 < found[1] <= ID_MAX:
        raise ApiError(422, "invalid_cursor", _("分页游标无效，请使用上一页返回的 next。"), {"cursor": _("无效。")})
    return found


def page(queryset: QuerySet, field: str, cursor: str | None, limit: int) -> tuple[list, str | None]:
    """One page of ``queryset`` newest first by ``field``, and the cursor of the next page (None at the end)."""
    queryset = queryset.order_by(f"-{field}", "-pk")
    if cursor:
        moment, pk = decode(cursor)
        queryset = queryset.filter(Q(**{f"{field}__lt": moment}) | Q(**{field: moment, "pk__lt": pk}))
    rows = list(queryset[: limit + 1])
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], encode(getattr(last, field), last.pk)
