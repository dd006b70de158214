"""Outbound webhooks (推送): a client application is told of case events in its area, signed, until it has them.

Recording. ``events_written`` is sent inside the transaction that writes case events; ``record`` writes one
delivery per event and matching subscription in that same transaction: an outbox message of the ``webhook``
channel (``civicgrid.notifications.outbox``) and its ``WebhookDelivery`` linking it to the subscription and
the event. A step that rolls back leaves no delivery, and a step that commits has its deliveries on disk
whatever happens to the receiver or to this process afterwards. The outbox sends them once the step commits
and sends whatever is due again every minute, as it does SMS and e-mail.

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

Receivers must be outside the site's own network unless an administrator allowed theirs (``receivers``:
checked on subscribing and again at every try). A ``2xx`` answer means delivered. Anything else (redirects are
not followed; only the status code is kept), or no answer within
``CIVICGRID_WEBHOOK_TIMEOUT_S``, is a failed try: the outbox waits the next of ``CIVICGRID_WEBHOOK_BACKOFF``
and tries again, and after ``CIVICGRID_WEBHOOK_MAX_ATTEMPTS`` tries (about three days) the delivery is
``failed``. Administrators can retry it from the admin.

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
"""

import hashlib
import hmac
import http.client
import json
import secrets
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from civicgrid.cases import registry
from civicgrid.cases.timeline import public_note
from civicgrid.cases.workflow import InvalidInput
from civicgrid.core.http.grants import Grant
from civicgrid.core.wording import listing
from civicgrid.geo.models import Area
from civicgrid.notifications import outbox
from civicgrid.notifications.channels import DeliveryError, Rejected
from civicgrid.notifications.models import OutboxMessage

from . import receivers
from .models import ClientApplication, WebhookDelivery, WebhookSubscription

CHANNEL = "webhook"  # the outbox channel of deliveries (registered in apps)
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
    elif refused := receivers.refusal(url):
        errors["url"] = refused
    if not area_code.startswith(application.area_code):
        errors["area_code"] = _("只能订阅本应用区域（%(code)s）以内的案件。") % {"code": application.area_code}
    elif not Area.objects.filter(code=area_code).exists():
        errors["area_code"] = _("没有代码为 %(code)s 的区域。") % {"code": area_code}
    unknown = [action for action in actions if registry.step(action) is None]
    if unknown:
        errors["actions"] = _("不认识的事件：%(actions)s。") % {"actions": listing(unknown)}
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
    outbox.deliver_on_commit(record(events))


def record(events, now: datetime | None = None) -> list[int]:
    """One pending delivery per event and subscription that hears it; returns their outbox messages' ids."""
    subscriptions = active_subscriptions()
    if not subscriptions:
        return []
    now = now or timezone.now()
    heard = [(subscription, event) for event in events for subscription in subscriptions if hears(subscription, event)]
    messages = OutboxMessage.objects.bulk_create(
        [OutboxMessage(channel=CHANNEL, recipient=subscription.url, next_attempt_at=now, created_at=now)
         for subscription, _event in heard], batch_size=1000)
    WebhookDelivery.objects.bulk_create([WebhookDelivery(message=message, subscription=subscription, event=event)
                                         for message, (subscription, event) in zip(messages, heard)], batch_size=1000)
    return [message.pk for message in messages]


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


# --- Sending: the outbox's sender for the webhook channel ----------------------------------------------


def send(message: OutboxMessage, now: datetime) -> int:
    """The webhook channel's sender: the delivery this outbox message tries, posted (``post``)."""
    delivery = WebhookDelivery.objects.select_related("subscription__application", "event__case__category") \
        .get(message=message)
    return post(delivery, now)


class NotDelivered(DeliveryError):
    """The receiver did not take the delivery; ``code`` is its HTTP status, if it answered."""


class Stopped(Rejected):
    """The subscription was switched off, or its application revoked: no more tries."""


def post(delivery: WebhookDelivery, now: datetime) -> int:
    """POST the signed delivery to an address checked just now (``receivers``); the receiver's status code if
    2xx, else ``NotDelivered``. Only the status is kept, never the body: the application reads ``last_error``,
    and a receiver's pages must not become readable through it."""
    _check_still_wanted(delivery.subscription)
    body, headers = request(delivery, now)
    try:
        status = receivers.post(delivery.subscription.url, body, headers, settings.CIVICGRID_WEBHOOK_TIMEOUT_S)
    except (receivers.Refused, OSError, http.client.HTTPException) as error:
        raise NotDelivered(receivers.unreachable(error)) from None
    if not 200 <= status < 300:
        raise NotDelivered(f"HTTP {status}", status)
    return status


def _check_still_wanted(subscription: WebhookSubscription) -> None:
    application = subscription.application
    if not subscription.is_active or not application.is_active or not application.may(Grant.SUBSCRIBE):
        raise Stopped("subscription inactive or application revoked")


def request(delivery: WebhookDelivery, now: datetime) -> tuple[bytes, dict]:
    """The body and headers of one try: signed with the subscription's secret and this try's time."""
    body = encode(payload(delivery))
    timestamp = str(int(now.timestamp()))
    headers = {"Content-Type": "application/json", "User-Agent": "civicgrid-webhooks/1",
               EVENT_HEADER: delivery.event.action, DELIVERY_HEADER: str(delivery.pk), TIMESTAMP_HEADER: timestamp,
               SIGNATURE_HEADER: sign(delivery.subscription.secret, timestamp, body)}
    return body, headers


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """``sha256=`` and the hex HMAC-SHA256, keyed with ``secret``, of ``f"{timestamp}.{body}"``."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def encode(content: dict) -> bytes:
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


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
    """An administrator's "retry now" of some deliveries: the outbox's, for their messages."""
    return outbox.retry_now(OutboxMessage.objects.filter(webhook__in=deliveries))


def forget_deliveries(sender, instance: WebhookSubscription, **kwargs) -> None:
    """A subscription is being deleted: its deliveries' outbox messages go with it (the ``pre_delete`` receiver;
    the records alone would go by the foreign key and leave their messages to fail)."""
    OutboxMessage.objects.filter(webhook__subscription=instance).delete()
