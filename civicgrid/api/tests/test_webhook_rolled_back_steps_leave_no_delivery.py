"""Deliveries are written in the transaction of the step: a step that rolls back leaves neither a delivery
nor a send waiting for a commit that never comes."""

import pytest
from django.db import transaction

from civicgrid.api.models import WebhookDelivery
from civicgrid.cases.intake import file_case
from civicgrid.cases.services import transition
from civicgrid.cases.workflow import WrongState
from civicgrid.testing import factories

from .webhook_support import subscription


class Abandoned(Exception):
    pass


def test_a_transition_rolled_back_after_its_event_leaves_no_delivery(
    street_litter, township_dispatcher, django_capture_on_commit_callbacks,
):
    case = file_case(factories.report(street_litter))
    subscription()
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(Abandoned), transaction.atomic():
        transition(case, "register", township_dispatcher)
        assert WebhookDelivery.objects.count() == 1  # written with the event…
        raise Abandoned

    assert not WebhookDelivery.objects.exists()  # …and gone with it
    assert callbacks == []


def test_a_refused_transition_leaves_no_delivery(street_litter, township_dispatcher):
    case = file_case(factories.report(street_litter))
    subscription()
    with pytest.raises(WrongState):
        transition(case, "close", township_dispatcher)
    assert not WebhookDelivery.objects.exists()


def test_a_committed_step_leaves_its_delivery_even_when_sending_never_starts(street_litter, township_dispatcher):
    case = file_case(factories.report(street_litter))
    subscription()
    transition(case, "register", township_dispatcher)  # on-commit callbacks never run in this test
    assert WebhookDelivery.objects.get().message.status == "pending"
