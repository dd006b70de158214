"""``/api/v1/webhooks``: a client application's subscriptions to case events, and what became of their deliveries.

Only an application with the ``subscribe`` grant may use these; it sees its own subscriptions only
(another application's answer 404). What is sent and how to verify it: ``civicgrid.api.webhooks``.
"""

from datetime import datetime

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from civicgrid.core.http.errors import ApiError
from civicgrid.core.http.grants import Grant
from civicgrid.core.http.shared import Code, Input, text, with_errors

from . import webhooks
from .choices import FROM_OUTBOX, IN_OUTBOX, DeliveryStatus
from .models import ClientApplication, WebhookDelivery, WebhookSubscription

router = Router(tags=["webhooks"])

DELIVERIES_MAX = 200


# More than any loop registers, fewer than a body could list to make the check slow.
MAX_ACTIONS = 100


class SubscriptionIn(Input):
    url: text(webhooks.URL_MAX) = Field(description="http:// or https:// address that receives the POSTs.")
    area_code: Code | None = Field(None, description="Area prefix; the application's area if left out.")
    actions: list[text(32)] = Field(default_factory=list, max_length=MAX_ACTIONS,
                                    description="Case actions to hear (dispatch, close, …); empty hears all.")


class SubscriptionOut(Schema):
    id: int
    url: str
    area_code: str
    actions: list[str]
    is_active: bool
    created_at: datetime


class SubscriptionCreated(SubscriptionOut):
    secret: str = Field(description="Signs every delivery (X-Civicgrid-Signature). Shown only this once.")


class DeliveryOut(Schema):
    id: int
    event_id: int
    action: str
    case_number: str
    status: DeliveryStatus
    attempts: int
    response_code: int | None
    last_error: str
    last_attempt_at: datetime | None
    next_attempt_at: datetime
    delivered_at: datetime | None


class SubscriptionList(Schema):
    items: list[SubscriptionOut] = Field(description=f"All of them: at most {webhooks.MAX_SUBSCRIPTIONS}.")


class DeliveryList(Schema):
    items: list[DeliveryOut]
    next: str | None = Field(description="Pass as `after` for the next (older) page; null at the end.")


class DeliveryFilters(Schema):
    status: DeliveryStatus | None = None
    after: str | None = Field(None, pattern=r"^\d{1,18}$", description="The `next` of the previous page.")
    limit: int = Field(50, ge=1, le=DELIVERIES_MAX)


def _application(request) -> ClientApplication:
    """The calling application, if it may subscribe; staff tokens and sessions have no subscriptions."""
    application = request.auth.application
    if application is None:
        raise ApiError(403, "forbidden", _("只有客户端应用可以订阅推送。"))
    request.auth.require(Grant.SUBSCRIBE)
    return application


def delivery_out(delivery: WebhookDelivery) -> dict:
    """A delivery as the API shows it: its case event, and its tries from its outbox message."""
    message = delivery.message
    return {"id": delivery.pk, "event_id": delivery.event_id, "action": delivery.event.action,
            "case_number": delivery.event.case.number, "status": FROM_OUTBOX[message.status],
            "attempts": message.attempts, "response_code": message.response_code, "last_error": message.last_error,
            "last_attempt_at": message.last_attempt_at, "next_attempt_at": message.next_attempt_at,
            "delivered_at": message.sent_at}


def _own(request, subscription_id: int) -> WebhookSubscription:
    found = WebhookSubscription.objects.filter(application=_application(request), pk=subscription_id).first()
    if found is None:
        raise Http404
    return found


@router.get("", response=with_errors({200: SubscriptionList}), summary="The application's subscriptions")
def list_subscriptions(request):
    # At most webhooks.MAX_SUBSCRIPTIONS, so one page holds them all.
    return {"items": list(WebhookSubscription.objects.filter(application=_application(request)).order_by("pk"))}


@router.post("", response=with_errors({201: SubscriptionCreated}), summary="Subscribe to case events")
def create_subscription(request, payload: SubscriptionIn):
    subscription = webhooks.subscribe(_application(request), payload.url, payload.area_code, payload.actions)
    return Status(201, subscription)


@router.delete("/{int:subscription_id}", response=with_errors({204: None}),
               summary="Delete a subscription and its deliveries")
def delete_subscription(request, subscription_id: int):
    _own(request, subscription_id).delete()
    return Status(204, None)


@router.get("/{int:subscription_id}/deliveries", response=with_errors({200: DeliveryList}),
            summary="Recent deliveries of a subscription, newest first")
def list_deliveries(request, subscription_id: int, filters: Query[DeliveryFilters]):
    deliveries = WebhookDelivery.objects.filter(subscription=_own(request, subscription_id)) \
        .select_related("message", "event__case").order_by("-pk")
    if filters.status:
        deliveries = deliveries.filter(message__status=IN_OUTBOX[filters.status])
    if filters.after:
        deliveries = deliveries.filter(pk__lt=int(filters.after))
    rows = list(deliveries[:filters.limit + 1])
    more = len(rows) > filters.limit
    return {"items": [delivery_out(delivery) for delivery in rows[:filters.limit]],
            "next": str(rows[filters.limit - 1].pk) if more else None}
