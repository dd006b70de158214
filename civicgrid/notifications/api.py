"""JSON API for in-app notices (站内通知): a staff member's own notices, newest first, and marking them read.

Notices belong to a person, so only staff (a personal token or a session) have them; a client
application is refused.
"""

from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from civicgrid.core.http import pagination
from civicgrid.core.http.shared import Id, Input, with_errors

from . import services
from .models import Notice

router = Router(tags=["notices"])


class NoticeOut(Schema):
    id: int
    kind: str
    kind_label: str
    text: str = Field(description="What the notice says, in the language of the request (Accept-Language; "
                                  "Chinese by default).")
    code: str = Field(description="The wording's code, e.g. `case.overdue`; empty for a notice written before "
                                  "codes or as free text.")
    params: dict[str, Any] = Field(description="The wording's parameters: case number, title, and codes such "
                                               "as a status or a kind of request.")
    case: str | None = Field(description="The case number, if the notice is about a case.")
    created_at: datetime
    read_at: datetime | None


class NoticeList(Schema):
    items: list[NoticeOut]
    unread: int
    next: str | None = Field(description="Pass as `cursor` for the next page; null at the end.")


class MarkReadIn(Input):
    ids: list[Id] | None = Field(None, max_length=pagination.MAX_PAGE_SIZE,
                                  description="The notices to mark read; leave out to mark all read.")


class MarkedOut(Schema):
    marked: int
    unread: int


def _staff(request):
    return request.auth.staff(_("只有工作人员本人才有站内通知；客户端应用不能查看。"))


def out(notice: Notice) -> dict:
    return {"id": notice.pk, "kind": notice.kind, "kind_label": notice.get_kind_display(), "text": notice.message,
            "code": notice.code, "params": notice.params, "case": notice.case.number if notice.case_id else None,
            "created_at": notice.created_at, "read_at": notice.read_at}


@router.get("", response=with_errors({200: NoticeList}), summary="The caller's notices, newest first")
def notice_list(request, unread: bool = False, cursor: str | None = Query(None, max_length=200),
                limit: int = Query(pagination.PAGE_SIZE, ge=1, le=pagination.MAX_PAGE_SIZE)):
    user = _staff(request)
    notices = Notice.objects.filter(recipient=user).select_related("case")
    if unread:
        notices = notices.filter(read_at__isnull=True)
    rows, following = pagination.page(notices, "created_at", cursor, limit)
    return {"items": [out(n) for n in rows], "unread": services.unread_count(user), "next": following}


@router.post("/read", response=with_errors({200: MarkedOut}), summary="Mark notices read")
def notice_mark_read(request, body: MarkReadIn):
    user = _staff(request)
    marked = services.mark_read(user, body.ids)
    return {"marked": marked, "unread": services.unread_count(user)}
