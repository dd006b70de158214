"""API keys and personal tokens: made once, shown once, kept as a SHA-256 digest.

A key names its kind in its first letters (``cgk_`` for applications, ``cgt_`` for personal tokens), so a
leaked key can be recognised by secret scanners and by people. Looking one up is one indexed query.
``last_used_at`` is written at most once a minute per key, so a busy client does not turn every read
into a write.
"""

import hashlib
import secrets
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from civicgrid.core.recent import Recent

from .models import KEY_PREFIX_LENGTH, ClientApplication, PersonalToken

APPLICATION_MARK = "cgk_"
TOKEN_MARK = "cgt_"
TOUCH_EVERY = timedelta(minutes=1)
# Keys looked up lately, by digest (core.recent): a revoked key stops working within seconds.
RECENT = Recent()


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def new_key(mark: str) -> str:
    return mark + secrets.token_urlsafe(30)


def set_key(record, raw: str) -> str:
    """Give ``record`` the key ``raw`` (kept as a digest); returns ``raw`` so it can be shown once."""
    record.key_prefix, record.key_hash = raw[:KEY_PREFIX_LENGTH], digest(raw)
    return raw


def create_application(name: str, area_code: str, grants, *, staff=None, key: str | None = None,
                       **fields) -> tuple[ClientApplication, str]:
    application = ClientApplication(name=name, area_code=area_code, grants=list(grants), staff=staff, **fields)
    raw = set_key(application, key or new_key(APPLICATION_MARK))
    application.full_clean()
    application.save()
    return application, raw


def create_token(staff, name: str, *, expires_at=None) -> tuple[PersonalToken, str]:
    token = PersonalToken(staff=staff, name=name, expires_at=expires_at)
    raw = set_key(token, new_key(TOKEN_MARK))
    token.save()
    return token, raw


def find_application(raw: str, now=None) -> ClientApplication | None:
    if not raw:
        return None
    key = digest(raw)
    # An application acting as a staff account who has left stops: without it the key would see its whole area.
    found = RECENT.get(("app", key), lambda: ClientApplication.objects.select_related("staff")
                       .filter(Q(staff__isnull=True) | Q(staff__is_active=True), key_hash=key,
                               revoked_at__isnull=True).first())
    return _touched(found, now)


def find_token(raw: str, now=None) -> PersonalToken | None:
    if not raw:
        return None
    now, key = now or timezone.now(), digest(raw)
    found = RECENT.get(("token", key), lambda: PersonalToken.objects.select_related("staff")
                       .filter(key_hash=key, revoked_at__isnull=True, staff__is_active=True).first())
    if found is not None and found.expires_at is not None and found.expires_at <= now:
        return None
    return _touched(found, now)


def _touched(record, now=None):
    now = now or timezone.now()
    if record is not None and (record.last_used_at is None or now - record.last_used_at >= TOUCH_EVERY):
        record.last_used_at = now
        type(record).objects.filter(pk=record.pk).update(last_used_at=now)
    return record


def revoke(record, now=None) -> None:
    record.revoked_at = now or timezone.now()
    record.save(update_fields=["revoked_at"])
    RECENT.forget(("app" if isinstance(record, ClientApplication) else "token", record.key_hash))
