"""Delivery channels behind one interface: ``send(message)`` returns normally or raises ``DeliveryError``.

Which backend serves a channel is a setting (``CIVICGRID_SMS_BACKEND``, ``CIVICGRID_EMAIL_BACKEND``):
the console and file backends for the demo and tests, Django's e-mail for e-mail, an HTTP gateway for SMS.
"""

import json
import logging
from pathlib import Path

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.module_loading import import_string

log = logging.getLogger("civicgrid.notifications")


class DeliveryError(Exception):
    """The channel did not take the message; the outbox tries again later."""


class Backend:
    def send(self, message) -> None:
        raise NotImplementedError


class ConsoleBackend(Backend):
    """Writes each message to the log: the demo's SMS gateway."""

    def send(self, message) -> None:
        log.info("[%s → %s] %s", message.channel, message.recipient, message.body)


class FileBackend(Backend):
    """Appends each message as a JSON line to ``CIVICGRID_OUTBOX_FILE``, for tests and offline trials."""

    def send(self, message) -> None:
        path = Path(settings.CIVICGRID_OUTBOX_FILE)
        path.parent.mkdir(parents=True, exist_ok=True)
        line = {"channel": message.channel, "to": message.recipient, "subject": message.subject,
                "body": message.body, "at": timezone.now().isoformat()}
        with path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


class EmailBackend(Backend):
    """Django's configured e-mail backend (SMTP in production)."""

    def send(self, message) -> None:
        try:
            send_mail(message.subject or message.body[:50], message.body, None, [message.recipient])
        except OSError as error:
            raise DeliveryError(str(error)) from error


def backend_for(channel: str) -> Backend:
    path = {"sms": settings.CIVICGRID_SMS_BACKEND, "email": settings.CIVICGRID_EMAIL_BACKEND}[channel]
    return import_string(path)()
