"""A case event in a subscribed area gets one delivery per subscription, written with the event; events
elsewhere, of other actions, or for switched-off subscribers get none."""

from django.core.cache import cache

from civicgrid.api import keys, webhooks
from civicgrid.api.models import WebhookDelivery
from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.testing import factories

from .webhook_support import subscription


def file(street_litter):
    return file_case(factories.report(street_litter))


def test_a_case_reported_in_the_subscribed_area_makes_one_pending_delivery(street_litter, yulin):
    hook = subscription(area_code="610802001")
    case = file(street_litter)

    delivery = WebhookDelivery.objects.get()
    assert delivery.subscription == hook and delivery.event == case.events.get()
    assert delivery.message.status == "pending" and delivery.message.attempts == 0


def test_a_case_outside_the_subscribed_area_makes_none(street_litter, yulin):
    subscription(area_code="610802002")
    file(street_litter)
    assert not WebhookDelivery.objects.exists()


def test_each_step_of_the_loop_makes_its_own_delivery(street_litter, township_dispatcher):
    subscription()
    case = file(street_litter)
    transition(case, "register", township_dispatcher)

    assert [d.event.action for d in WebhookDelivery.objects.order_by("pk")] == ["report", "register"]


def test_a_subscription_to_some_actions_hears_only_those(street_litter, township_dispatcher):
    subscription(actions=["register"])
    case = file(street_litter)
    transition(case, "register", township_dispatcher)

    assert [d.event.action for d in WebhookDelivery.objects.all()] == ["register"]


def test_two_subscribers_of_the_area_each_get_a_delivery(street_litter, yulin):
    subscription(name="区城管局业务系统")
    subscription(area_code="610802", name="12345热线")
    file(street_litter)
    assert WebhookDelivery.objects.count() == 2


def test_switched_off_subscriptions_revoked_applications_and_lost_grants_hear_nothing(street_litter, yulin):
    off = subscription(name="甲")
    off.is_active = False
    off.save()
    keys.revoke(subscription(name="乙").application)
    ungranted = subscription(name="丙").application
    ungranted.grants = ["read"]
    ungranted.save()

    file(street_litter)
    assert not WebhookDelivery.objects.exists()


def test_an_application_narrowed_after_subscribing_no_longer_hears_outside_its_new_area(street_litter, yulin):
    hook = subscription(area_code="610802")
    hook.application.area_code = "610802002"
    hook.application.save()

    file(street_litter)
    assert not WebhookDelivery.objects.exists()


def test_without_subscriptions_a_step_asks_the_database_once_and_then_not_at_all(
    street_litter, yulin, django_assert_num_queries,
):
    event = file(street_litter).events.get()
    cache.clear()
    with django_assert_num_queries(1):
        assert webhooks.record([event]) == []
    with django_assert_num_queries(0):
        assert webhooks.record([event] * 1000) == []


def test_a_new_subscription_is_heard_at_once_though_none_was_remembered(street_litter, yulin):
    file(street_litter)  # remembers that there are no subscriptions
    subscription()
    file(street_litter)
    assert WebhookDelivery.objects.count() == 1


def test_bulk_intake_records_a_delivery_for_each_event_in_the_area(street_litter, township_dispatcher):
    from civicgrid.cases.bulk import file_many

    subscription(actions=["report"])
    filed = file_many([factories.report(street_litter) for _ in range(3)], township_dispatcher, dispatch=False)

    assert len(filed.cases) == 3
    assert sorted(d.event.case_id for d in WebhookDelivery.objects.all()) == sorted(c.pk for c in filed.cases)


def test_an_application_acting_as_a_staff_account_hears_only_what_that_account_sees(street_litter, outsider):
    application, _raw = keys.create_application("青山路街道系统", "610802", ["subscribe"], staff=outsider)
    webhooks.subscribe(application, "http://127.0.0.1:9/hook")
    file(street_litter)  # in township A; the outsider works in township B
    assert not WebhookDelivery.objects.exists()
