import pytest
from django.test import override_settings

from civicgrid.notifications import channels
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


class Probe:
    """The sender of a channel registered by no app: it takes every message (keeping its id in ``sent``),
    unless ``failure`` is set, which it then raises."""

    def __init__(self):
        self.sent, self.failure = [], None

    def send(self, message, now) -> int:
        if self.failure:
            raise self.failure
        self.sent.append(message.pk)
        return 200


@pytest.fixture
def probe(monkeypatch):
    """A channel ``probe`` registered for this test only, as an app would from its ``ready()``: what the
    outbox does with it, it does with any channel. It retries as SMS and e-mail do."""
    sender = Probe()
    channel = channels.Channel("probe", "探针", sender.send, "CIVICGRID_OUTBOX_BACKOFF",
                               "CIVICGRID_OUTBOX_MAX_ATTEMPTS")
    monkeypatch.setitem(channels._REGISTRY, channel.name, channel)
    return sender


@pytest.fixture
def pending(db, probe):
    """A delivery of the probe channel that has not been tried yet."""
    return OutboxMessage.objects.create(channel="probe", recipient="探针接收方", body="一条投递")
