"""Idempotency keys (幂等键): a create request sent again with the same ``Idempotency-Key`` gets the first
answer back instead of making a second case; the same key with a different body is refused.

The record is written in the same transaction as what the request makes, before it makes it: a second
request with the key waits on the unique index until the first commits, then replays its answer. A
request that fails leaves no record, so it can be retried with the same key.
"""

import hashlib
import json
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.core.models import IdempotencyRecord

from .errors import ApiError

KEY_MAX = 255


def digest(payload) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def once(owner: str, key: str | None, payload, run: Callable[[], tuple[int, dict]]) -> tuple[int, dict]:
    """``run()`` (giving status and body) at most once per ``owner`` and ``key``; without a key, every time."""
    if key is None:
        return run()
    _check_key(key)
    request_hash = digest(payload)
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = IdempotencyRecord.objects.create(owner=owner, key=key, request_hash=request_hash)
        except IntegrityError:
            return _replay(owner, key, request_hash)
        record.status_code, record.response = run()
        record.save(update_fields=["status_code", "response"])
    return record.status_code, record.response


def _check_key(key: str) -> None:
    if not key.strip() or len(key) > KEY_MAX:
        raise ApiError(422, "invalid_idempotency_key", _("Idempotency-Key 应为 1 到 %(max)d 个字符。") % {"max": KEY_MAX})


def _replay(owner: str, key: str, request_hash: str) -> tuple[int, dict]:
    record = IdempotencyRecord.objects.get(owner=owner, key=key)
    if record.request_hash != request_hash:
        raise ApiError(409, "idempotency_key_reused",
                       _("这个 Idempotency-Key 已用于另一份不同的请求，请换一个键。"))
    return record.status_code, record.response


def purge(now: datetime | None = None) -> int:
    """Delete the records older than the retention period; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(hours=settings.CIVICGRID_IDEMPOTENCY_RETENTION_H)
    return IdempotencyRecord.objects.filter(created_at__lt=cutoff).delete()[0]
