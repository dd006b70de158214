"""The SMS and e-mail channels' backends, behind one interface: ``send(message)`` returns when the message
was taken or raises ``DeliveryError`` (``Rejected`` when trying again cannot help).

Which backend serves a channel is a setting (``CIVICGRID_SMS_BACKEND``, ``CIVICGRID_EMAIL_BACKEND``):
the console and file backends for the demo and tests, Django's e-mail for e-mail, an HTTP gateway for SMS.
``send`` is the sender both channels register with the outbox (``apps``).
"""

import http.client
import json
import logging
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.module_loading import import_string

from .channels import DeliveryError, Rejected

log = logging.getLogger("civicgrid.notifications")


class Backend:
    def send(self, message) -> int | None:
        """Returns when the channel took the message, with the gateway's status code if it has one."""
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


class HttpSmsBackend(Backend):
    """POSTs each SMS as JSON to ``CIVICGRID_SMS_GATEWAY_URL``: ``{"id": …, "to": "138…", "body": "…"}``.

    Provinces and vendors each have their own SMS API, so civicgrid speaks one small contract and a
    site puts its gateway (or a thin adapter in front of it) at that address. ``id`` is the outbox
    message's id and stays the same across retries, so the gateway can drop a repeat. Any 2xx answer
    means taken; any other 4xx than 408 and 429 is final; anything else, or no answer in time, is tried again
    later. Redirects are not followed: urllib would turn the POST into a GET.
    """

    def send(self, message) -> int:
        url = settings.CIVICGRID_SMS_GATEWAY_URL
        if not url:
            raise DeliveryError("CIVICGRID_SMS_GATEWAY_URL is not set")
        try:
            with _OPENER.open(self.request(url, message), timeout=settings.CIVICGRID_SMS_GATEWAY_TIMEOUT_S) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            with error:
                raise _refusal(error.code, error.read(500)) from None
        except (OSError, http.client.HTTPException) as error:
            raise DeliveryError(f"SMS gateway unreachable: {error}") from error
        if not 200 <= status < 300:
            raise _refusal(status, b"")
        return status

    def request(self, url: str, message) -> urllib.request.Request:
        body = json.dumps({"id": message.pk, "to": message.recipient, "body": message.body}, ensure_ascii=False)
        headers = {"Content-Type": "application/json; charset=utf-8"}
        if settings.CIVICGRID_SMS_GATEWAY_TOKEN:
            headers["Authorization"] = f"Bearer {settings.CIVICGRID_SMS_GATEWAY_TOKEN}"
        return urllib.request.Request(url, data=body.encode("utf-8"), headers=headers, method="POST")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def _refusal(status: int, detail: bytes) -> DeliveryError:
    text = f"SMS gateway answered {status}: {detail.decode('utf-8', 'replace')}".strip()
    final = 400 <= status < 500 and status not in (408, 429)
    return Rejected(text, status) if final else DeliveryError(text, status)


def backend_for(channel: str) -> Backend:
    path = {"sms": settings.CIVICGRID_SMS_BACKEND, "email": settings.CIVICGRID_EMAIL_BACKEND}[channel]
    return import_string(path)()


def send(message, now) -> int | None:
    """The outbox's sender for SMS and e-mail: the backend the settings name for the message's channel."""
    return backend_for(message.channel).send(message)
