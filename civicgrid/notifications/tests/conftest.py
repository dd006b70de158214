import pytest
from django.test import override_settings

from civicgrid.notifications.models import OutboxMessage

from . import backends

TESTS = "civicgrid.notifications.tests.backends."


@pytest.fixture
def sms_through():
    """``with sms_through("Failing"): …`` sends SMS through one of the test backends."""
    backends.sent.clear()
    return lambda name: override_settings(CIVICGRID_SMS_BACKEND=TESTS + name)


@pytest.fixture
def queued(db):
    """An SMS in the outbox that has not been tried yet."""
    return OutboxMessage.objects.create(channel="sms", recipient="13800138000", body="【综治中心】您反映的问题已受理。")
