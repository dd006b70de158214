"""Outbound webhooks (推送): a client application is told of case events in its area, signed, until it has them.

Recording. ``events_written`` is sent inside the transaction that writes case events; ``record`` writes one
``WebhookDelivery`` per event and matching subscription in that same transaction. A step that rolls back
leaves no delivery, and a step that commits has its deliveries on disk whatever happens to the receiver
or to this process afterwards. Sending starts on commit (``tasks.deliver``); ``tasks.retry_due`` (every
minute, from the scheduler) sends whatever is due again.

Sending. Each try is one ``POST`` of a JSON body to the subscription's ``url``::

    {"id": 42,                                    # the delivery: the same on every retry, so drop repeats
     "event": {"id": 7, "action": "dispatch", "from_status": "registered", "to_status": "dispatched",
               "at": "2026-02-16T09:30:00+08:00", "by": "榆阳区城管局"},      # "note" only with results
     "case": {"number": "…", "status": "dispatched", "category": {"code": "01.001", "name": "暴露垃圾"},
              "area_code": "610802001001001", "priority": "normal", "channel": "web",
              "reported_at": "…", "due_at": "…", "closed_at": null, "overdue": false, "version": 3}}

``event`` is what happened; ``case`` is the case as it stands when the try is made, so a late retry never
carries older news than an earlier one. Nothing about the people involved is sent (no reporter, no staff
names, no title, description or place): a receiver that needs more asks ``GET /api/v1/cases/{number}``
with its key, and gets what its grants allow. Deliveries may arrive out of order (retries): order by
``event.at`` and ``event.id``.

A ``2xx`` answer means delivered. Anything else (redirects are not followed), or no answer within
``CIVICGRID_WEBHOOK_TIMEOUT_S``, is a failed try: the delivery waits ``BACKOFF[n]`` and is tried again, and
after ``MAX_ATTEMPTS`` tries (about three days) it is ``failed``. Administrators can retry it from the admin.

Verifying. Headers: ``X-Civicgrid-Event`` (the action), ``X-Civicgrid-Delivery`` (the delivery id),
``X-Civicgrid-Timestamp`` (Unix seconds of this try) and ``X-Civicgrid-Signature: sha256=<hex>``, the
HMAC-SHA256 keyed with the subscription's secret of ``f"{timestamp}.{body}"`` (the raw body bytes). A
receiver checks it before trusting the body, and refuses old timestamps so a captured request cannot be
replayed::

    import hashlib, hmac, time

    def verified(secret: str, headers, body: bytes, tolerance_s: int = 300) -> bool:
        timestamp = headers["X-Civicgrid-Timestamp"]
        expected = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
        return (hmac.compare_digest("sha256=" + expected, headers["X-Civicgrid-Signature"])
                and abs(time.time() - int(timestamp)) <= tolerance_s)

Claims. Before a try, a worker *claims* the delivery by setting ``claimed_until`` (one conditional UPDATE:
only one worker wins), so two workers never send one delivery at once; a worker that dies mid-try leaves
the delivery to be tried again when its claim runs out.
"""

import hashlib
import hmac
import http.client
import json
import logging
import secrets
import urllib.error
import urllib.request
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases.timeline import public_note
from civicgrid.cases.workflow import Action, InvalidInput
from civicgrid.core.http.grants import Grant
from civicgrid.geo.models import Area

from .choices import DeliveryStatus
from .models import ClientApplication, WebhookDelivery, WebhookSubscription

log = logging.getLogger("civicgrid.api.webhooks")

# Pauses after the 1st, 2nd, … failed try: a receiver down over a weekend still gets every event.
# Longer than the outbox's (notifications.tasks.BACKOFF): a department's system is more often down
# for a night than an SMS gateway is.
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1),
           timedelta(hours=4), timedelta(hours=12), timedelta(hours=24), timedelta(hours=24))
MAX_ATTEMPTS = len(BACKOFF) + 1
# Far longer than a try can take (CIVICGRID_WEBHOOK_TIMEOUT_S is seconds).
LEASE = timedelta(minutes=5)
RETRY_BATCH = 200
ENQUEUE_BATCH = 500
# "There are no active subscriptions" is remembered this long, so bulk intake and busy APIs pay no query
# per step. Saving a subscription or an application forgets it at once (in this process, or everywhere
# with a shared cache); another process with a private cache notices within this time.
NONE_CACHE_KEY = "civicgrid:webhooks:none"
NONE_CACHE_S = 10
EVENT_HEADER, DELIVERY_HEADER = "X-Civicgrid-Event", "X-Civicgrid-Delivery"
TIMESTAMP_HEADER, SIGNATURE_HEADER = "X-Civicgrid-Timestamp", "X-Civicgrid-Signature"
# Each subscription costs a little on every step in its area; a handful per application is plenty.
MAX_SUBSCRIPTIONS = 20
SECRET_MARK = "whsec_"
URL_MAX = WebhookSubscription._meta.get_field("url").max_length


# --- Subscriptions ----------------------------------------------------------------------------------------


def subscribe(application: ClientApplication, url: str, area_code: str | None = None,
              actions=()) -> WebhookSubscription:
    """A new subscription of ``application``, with a fresh secret (shown to the caller once, by the API)."""
    area_code = area_code or application.area_code
    actions = list(dict.fromkeys(actions))
    errors = _subscription_errors(application, url, area_code, actions)
    if errors:
        raise InvalidInput(_("订阅内容有误，请检查各字段。"), errors)
    if application.subscriptions.count() >= MAX_SUBSCRIPTIONS:
        raise InvalidInput(_("每个应用最多 %(count)d 个订阅。") % {"count": MAX_SUBSCRIPTIONS})
    return WebhookSubscription.objects.create(application=application, url=url, area_code=area_code,
                                              actions=actions, secret=new_secret())


def new_secret() -> str:
    return SECRET_MARK + secrets.token_urlsafe(32)


def _subscription_errors(application, url: str, area_code: str, actions: list[str]) -> dict[str, str]:
    errors = {}
    if not _is_web_address(url):
        errors["url"] = _("请填写以 http:// 或 https:// 开头的有效地址（不超过 %(max)d 个字符）。") % {"max": URL_MAX}
    if not area_code.startswith(application.area_code):
        errors["area_code"] = _("只能订阅本应用区域（%(code)s）以内的案件。") % {"code": application.area_code}
    elif not Area.objects.filter(code=area_code).exists():
        errors["area_code"] = _("没有代码为 %(code)s 的区域。") % {"code": area_code}
    unknown = [action for action in actions if action not in Action.values]
    if unknown:
        errors["actions"] = _("不认识的事件：%(actions)s。") % {"actions": "、".join(unknown)}
    return errors


def _is_web_address(url: str) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return False
    return len(url) <= URL_MAX


# --- Recording: inside the transaction that writes the events ----------------------------------------


def on_events_written(sender, events, **kwargs) -> None:
    """The ``events_written`` receiver: record the deliveries now, start sending them once committed."""
    pks = record(events)
    if pks:
        transaction.on_commit(lambda: enqueue(pks))


def record(events, now: datetime | None = None) -> list[int]:
    """One pending delivery per event and subscription that hears it; returns their ids."""
    subscriptions = active_subscriptions()
    if not subscriptions:
        return []
    now = now or timezone.now()
    deliveries = [WebhookDelivery(subscription=subscription, event=event, next_attempt_at=now)
                  for event in events for subscription in subscriptions if hears(subscription, event)]
    WebhookDelivery.objects.bulk_create(deliveries, batch_size=1000)
    return [delivery.pk for delivery in deliveries]


def active_subscriptions() -> list[WebhookSubscription]:
    """Subscriptions that may hear events now: one query, or none while there are known to be none."""
    if cache.get(NONE_CACHE_KEY):
        return []
    found = [subscription for subscription in WebhookSubscription.objects.select_related("application__staff")
             .filter(is_active=True, application__revoked_at__isnull=True)
             if subscription.application.may(Grant.SUBSCRIBE)]
    if not found:
        cache.set(NONE_CACHE_KEY, True, NONE_CACHE_S)
    return found


def forget_none(**kwargs) -> None:
    """A subscription or an application changed: the next step looks at the database again."""
    cache.delete(NONE_CACHE_KEY)


def hears(subscription: WebhookSubscription, event) -> bool:
    """Whether the event is in the subscription's area (and still in its application's) and of its actions.

    An application acting as a staff account hears only what that account may see, as its API calls do."""
    area, staff = event.case.area_code, subscription.application.staff
    return (area.startswith(subscription.area_code) and area.startswith(subscription.application.area_code)
            and (staff is None or staff.scope.covers(area))
            and (not subscription.actions or event.action in subscription.actions))


def enqueue(pks: list[int]) -> None:
    from . import tasks

    for start in range(0, len(pks), ENQUEUE_BATCH):
        tasks.deliver.enqueue(pks[start:start + ENQUEUE_BATCH])


# --- Sending -------------------------------------------------------------------------------------------


def deliver(pks: list[int], now: datetime | None = None) -> int:
    """Try each of ``pks`` that is due and not another worker's; returns how many were delivered.

    Without ``now`` each try reads the clock afresh: tries to slow receivers take seconds each, and every
    claim and every next try must be counted from when it really happens.
    """
    return sum(1 for pk in pks if _deliver_one(pk, now or timezone.now()) == DeliveryStatus.DELIVERED)


def _deliver_one(pk: int, now: datetime) -> str | None:
    delivery = claim(pk, now)
    return attempt(delivery, now) if delivery else None


def send_due(now: datetime | None = None) -> int:
    """Try every delivery due when the run starts, oldest first, a batch at a time; returns how many went.

    Only those due at the start: one that fails during the run waits for its back-off and a later run,
    however long this run takes, so a dead receiver does not use up its tries in one run.
    """
    sent, started = 0, now or timezone.now()
    while True:
        due = list(_due(started).order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:RETRY_BATCH])
        sent += deliver(due, now)
        # Each one looked at is now delivered, failed, waiting for a later try or claimed by another worker.
        if len(due) < RETRY_BATCH:
            return sent


def _due(now: datetime):
    return WebhookDelivery.objects.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now).filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lte=now))


def claim(pk: int, now: datetime | None = None) -> WebhookDelivery | None:
    """The delivery if it is due and this worker took it; None if not due, gone, or another worker's."""
    now = now or timezone.now()
    if not _due(now).filter(pk=pk).update(claimed_until=now + LEASE):
        return None
    return (WebhookDelivery.objects.select_related("subscription__application", "event__case__category")
            .get(pk=pk))


def attempt(delivery: WebhookDelivery, now: datetime | None = None) -> str:
    """One try; the delivery records the outcome and is released."""
    now = now or timezone.now()
    delivery.attempts += 1
    delivery.last_attempt_at, delivery.claimed_until = now, None
    try:
        delivery.response_code = post(delivery, now)
    except Exception as error:  # any failure, even a bug in building the body, is a failed try, not a stuck queue
        _failed(delivery, error, now)
    else:
        delivery.status, delivery.delivered_at, delivery.last_error = DeliveryStatus.DELIVERED, now, ""
    delivery.save(update_fields=["attempts", "last_attempt_at", "claimed_until", "response_code", "status",
                                 "delivered_at", "last_error", "next_attempt_at"])
    return delivery.status


class NotDelivered(Exception):
    """The receiver did not take the delivery; ``code`` is its HTTP status, if it answered."""

    def __init__(self, message: str, code: int | None = None):
        super().__init__(message)
        self.code = code


class Stopped(Exception):
    """The subscription was switched off, or its application revoked: no more tries."""


def _failed(delivery: WebhookDelivery, error: Exception, now: datetime) -> None:
    log.warning("webhook delivery %s, try %s: %r", delivery.pk, delivery.attempts, error)
    delivery.response_code = getattr(error, "code", None)
    delivery.last_error = f"{type(error).__name__}: {error}"[:500]
    if isinstance(error, Stopped) or delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = DeliveryStatus.FAILED
    else:
        delivery.next_attempt_at = now + BACKOFF[delivery.attempts - 1]


def post(delivery: WebhookDelivery, now: datetime) -> int:
    """POST the signed delivery; the receiver's status code if 2xx, else ``NotDelivered``."""
    _check_still_wanted(delivery.subscription)
    try:
        with _OPENER.open(request(delivery, now), timeout=settings.CIVICGRID_WEBHOOK_TIMEOUT_S) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        # Only the status and its reason are kept, never the body: the application reads ``last_error``, and
        # a URL aimed at a host inside the network must not become a way to read that host's pages.
        error.close()
        raise NotDelivered(f"HTTP {error.code} {error.reason}".strip(), error.code) from None
    except (OSError, http.client.HTTPException) as error:
        raise NotDelivered(f"receiver unreachable: {error}") from error
    if not 200 <= status < 300:
        raise NotDelivered(f"HTTP {status}", status)
    return status


def _check_still_wanted(subscription: WebhookSubscription) -> None:
    application = subscription.application
    if not subscription.is_active or not application.is_active or not application.may(Grant.SUBSCRIBE):
        raise Stopped("subscription inactive or application revoked")


def request(delivery: WebhookDelivery, now: datetime) -> urllib.request.Request:
    body = encode(payload(delivery))
    timestamp = str(int(now.timestamp()))
    headers = {"Content-Type": "application/json", "User-Agent": "civicgrid-webhooks/1",
               EVENT_HEADER: delivery.event.action, DELIVERY_HEADER: str(delivery.pk), TIMESTAMP_HEADER: timestamp,
               SIGNATURE_HEADER: sign(delivery.subscription.secret, timestamp, body)}
    return urllib.request.Request(delivery.subscription.url, data=body, headers=headers, method="POST")


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """``sha256=`` and the hex HMAC-SHA256, keyed with ``secret``, of ``f"{timestamp}.{body}"``."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def encode(content: dict) -> bytes:
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """urllib would follow a redirect with a GET and no body: a redirect is a failed try instead."""

    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


# --- The body --------------------------------------------------------------------------------------------


def payload(delivery: WebhookDelivery) -> dict:
    return {"id": delivery.pk, "event": event_body(delivery.event), "case": case_body(delivery.event.case)}


def event_body(event) -> dict:
    body = {"id": event.pk, "action": event.action, "from_status": event.from_status or None,
            "to_status": event.to_status or None, "at": _iso(event.created_at), "by": event.actor_label}
    note = public_note(event)
    if note:
        body["note"] = note
    return body


def case_body(case) -> dict:
    return {"number": case.number, "status": case.status,
            "category": {"code": case.category.code, "name": case.category.name},
            "area_code": case.area_code, "priority": case.priority, "channel": case.channel,
            "reported_at": _iso(case.reported_at), "due_at": _iso(case.due_at), "closed_at": _iso(case.closed_at),
            "overdue": case.overdue, "version": case.version}


def _iso(moment: datetime | None) -> str | None:
    return timezone.localtime(moment).isoformat() if moment else None


# --- Operators -------------------------------------------------------------------------------------------


def retry_now(deliveries) -> int:
    """An administrator's "retry now": undelivered ones become due at once and go out in the background.

    A failed delivery gets one more try; if that fails too it is failed again.
    """
    pks = list(deliveries.exclude(status=DeliveryStatus.DELIVERED).values_list("pk", flat=True))
    WebhookDelivery.objects.filter(pk__in=pks).update(status=DeliveryStatus.PENDING, next_attempt_at=timezone.now())
    transaction.on_commit(lambda: enqueue(pks))
    return len(pks)
