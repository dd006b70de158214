"""Telling people: in-app notices for staff, and an outbox of SMS and e-mail for everyone else.

Callers say who and what; ``notify`` writes the notices in one insert, and ``send`` queues a message
whose delivery (with retries, ``outbox``) happens in a background task, so a slow SMS gateway never slows a
click.
"""

from django.utils import timezone

from civicgrid.core.records import new

from . import outbox
from .choices import Channel
from .models import Notice, OutboxMessage
from .texts import Words


def notify(recipients, kind: str, text: Words | str, case=None) -> list[Notice]:
    """One notice per distinct recipient (Staff objects or ids)."""
    return Notice.objects.bulk_create(notices(recipients, kind, text, case))


def notices(recipients, kind: str, text: Words | str, case=None, at=None) -> list[Notice]:
    """The notices ``notify`` writes, unwritten: a batch writes many at once, dated ``at`` (default: now).

    ``text`` is a registered wording with its parameters (``texts``), shown in each reader's language; a plain
    string is shown as it is, to everyone."""
    ids = dict.fromkeys(getattr(r, "pk", r) for r in recipients)
    at = at or timezone.now()
    code, params, stored = _stored(text)
    return [new(Notice, recipient_id=pk, kind=kind, text=stored, code=code, params=params, case=case, created_at=at)
            for pk in ids]


def _stored(text: Words | str) -> tuple[str, dict, str]:
    if isinstance(text, Words):
        return text.code, text.params, text.in_site_language()[:500]
    return "", {}, str(text)[:500]


def send(channel: str, recipient: str, body: str, subject: str = "") -> OutboxMessage | None:
    """Queue a message; delivery starts once the surrounding transaction commits."""
    if not recipient:
        return None
    message = OutboxMessage.objects.create(channel=Channel(channel), recipient=recipient, body=body,
                                           subject=subject[:200])
    outbox.deliver_on_commit([message.pk])
    return message


def unread_count(user) -> int:
    return Notice.objects.filter(recipient=user, read_at__isnull=True).count()


def mark_read(user, notice_ids=None) -> int:
    notices = Notice.objects.filter(recipient=user, read_at__isnull=True)
    if notice_ids is not None:
        notices = notices.filter(pk__in=notice_ids)
    return notices.update(read_at=timezone.now())
