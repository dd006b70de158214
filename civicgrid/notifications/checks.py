"""Start-up checks of the outbound channels and the outbox: a wrong setting is reported by ``manage.py check``
(and at every start), not found out hours later from a pile of failed SMS or from an SMS sent twice."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, register
from django.utils.module_loading import import_string

from . import channels
from .backends import Backend, HttpSmsBackend


@register()
def channels_are_configured(app_configs=None, **kwargs) -> list[Error]:
    errors = [error for name in ("CIVICGRID_SMS_BACKEND", "CIVICGRID_EMAIL_BACKEND") if (error := _backend_error(name))]
    if not errors and _is_http_sms():
        errors += _gateway_errors()
    return errors


def _backend_error(name: str) -> Error | None:
    path = getattr(settings, name)
    try:
        backend = import_string(path)
    except ImportError as error:
        return Error(f"{name}={path!r} cannot be imported: {error}", id="notifications.E001")
    if not (isinstance(backend, type) and issubclass(backend, Backend)):
        return Error(f"{name}={path!r} is not a civicgrid.notifications.backends.Backend.", id="notifications.E002")
    return None


def _is_http_sms() -> bool:
    return issubclass(import_string(settings.CIVICGRID_SMS_BACKEND), HttpSmsBackend)


def _gateway_errors() -> list[Error]:
    url = settings.CIVICGRID_SMS_GATEWAY_URL
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        return [Error(f"CIVICGRID_SMS_GATEWAY_URL={url!r} must be an http(s) address for HttpSmsBackend.",
                      id="notifications.E003")]
    if settings.CIVICGRID_SMS_GATEWAY_TIMEOUT_S <= 0:
        return [Error("CIVICGRID_SMS_GATEWAY_TIMEOUT_S must be a positive number of seconds.",
                      id="notifications.E004")]
    return []


@register()
def outbox_is_configured(app_configs=None, **kwargs) -> list[Error]:
    registered = channels.registered()
    return [*_tries_errors(registered), *_lease_errors(registered)]


def _tries_errors(registered: list[channels.Channel]) -> list[Error]:
    too_few = dict.fromkeys(channel.max_attempts_setting for channel in registered if channel.max_attempts < 1)
    return [Error(f"{name} must be at least 1 (the number of tries before a delivery is failed).",
                  id="notifications.E005") for name in too_few]


def _lease_errors(registered: list[channels.Channel]) -> list[Error]:
    lease = settings.CIVICGRID_OUTBOX_LEASE_S
    outlasting = dict.fromkeys(channel.timeout_setting for channel in registered
                               if channel.timeout_setting and getattr(settings, channel.timeout_setting) >= lease)
    return [Error(f"CIVICGRID_OUTBOX_LEASE_S={lease} must be longer than {name}: a try still waiting when its "
                  f"lease ends could be sent again by another worker.", id="notifications.E006") for name in outlasting]
