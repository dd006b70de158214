"""Delivery channels (投递渠道) of the outbox: how each kind of delivery is sent, and how long it is retried.

Every app that delivers something registers its channel from its ``AppConfig.ready()``: this app SMS and
e-mail, ``api`` webhooks; the exchange of cases between cities and report mailing will do the same. The
outbox (``outbox``) claims, tries, backs off and gives up the same way for every channel and knows a
channel only through this registry, so it imports none of the apps that register one.

A sender is called with the claimed ``OutboxMessage`` and the time of the try. It returns when the
receiver took the message (with the receiver's status code, or None), raises ``DeliveryError`` when the
message should be tried again later, and ``Rejected`` when trying again cannot help. Any other exception
is a failed try as well: a bug in one channel leaves its messages waiting, not the outbox stuck.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from civicgrid.core.validators import mask_phone


class DeliveryError(Exception):
    """The receiver did not take the message; the outbox tries again later. ``code``: its status, if it answered."""

    def __init__(self, message: str, code: int | None = None):
        super().__init__(message)
        self.code = code


class Rejected(DeliveryError):
    """The receiver refused this message for good (a bad number, a withdrawn subscription): no more tries."""


def as_is(recipient: str) -> str:
    return recipient


@dataclass(frozen=True)
class Channel:
    """A registered channel. Its pauses and number of tries are settings, read at each try (see
    docs/configuration.md): the last pause repeats when there are more tries than pauses. The setting of
    its senders' timeout, if it has one, is checked at start to be shorter than a claim's lease."""

    name: str
    label: str
    send: Callable[..., int | None]
    backoff_setting: str
    max_attempts_setting: str
    timeout_setting: str | None = None
    shown: Callable[[str], str] = as_is  # how lists and pages show a recipient (a phone number masked)

    @property
    def max_attempts(self) -> int:
        return getattr(settings, self.max_attempts_setting)

    def pause(self, after_try: int) -> timedelta:
        pauses = getattr(settings, self.backoff_setting)
        return pauses[min(after_try, len(pauses)) - 1]


_REGISTRY: dict[str, Channel] = {}


def register(channel: Channel) -> None:
    """Add a channel; registering the same one again (a second ``ready()``) changes nothing."""
    known = _REGISTRY.setdefault(channel.name, channel)
    if known != channel:
        raise ImproperlyConfigured(f"Outbox channel {channel.name!r} is registered twice, by {known.send.__module__} "
                                   f"and {channel.send.__module__}.")


def registered() -> list[Channel]:
    return list(_REGISTRY.values())


def get(name: str) -> Channel:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise Rejected(f"no outbox channel {name!r} is registered") from None


def send(message, now: datetime) -> int | None:
    """Send through the message's channel (``Rejected`` if no app registers that channel any more)."""
    return get(message.channel).send(message, now)


def shown(name: str, recipient: str) -> str:
    """The recipient as lists show it; masked like a phone number when no app registers the channel."""
    channel = _REGISTRY.get(name)
    return channel.shown(recipient) if channel else mask_phone(recipient)


def choices() -> list[tuple[str, str]]:
    """The model field's choices: whatever is registered when they are read, so a new channel needs no migration."""
    return [(channel.name, channel.label) for channel in registered()]
