"""HttpSmsBackend posts each SMS as JSON to the site's gateway; tested against a gateway on 127.0.0.1."""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings

from civicgrid.notifications import tasks
from civicgrid.notifications.backends import DeliveryError, HttpSmsBackend, Rejected


class Gateway(ThreadingHTTPServer):
    """A tiny SMS gateway: answers ``status`` and keeps what it was sent; ``hold`` makes it not answer."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), GatewayHandler)
        self.status, self.received, self.hold = 200, [], None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/sms"


class GatewayHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append({"path": self.path, "headers": dict(self.headers), "json": json.loads(body)})
        if self.server.hold:
            self.server.hold.wait()
        self.send_response(self.server.status)
        if 300 <= self.server.status < 400:
            self.send_header("Location", "/elsewhere")
        self.end_headers()
        self.wfile.write(b'{"ok": true}')

    def log_message(self, *args):
        pass


@pytest.fixture
def gateway():
    server = Gateway()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    with override_settings(CIVICGRID_SMS_BACKEND="civicgrid.notifications.backends.HttpSmsBackend",
                           CIVICGRID_SMS_GATEWAY_URL=server.url, CIVICGRID_SMS_GATEWAY_TOKEN="secret-token",
                           CIVICGRID_SMS_GATEWAY_TIMEOUT_S=5):
        yield server
    if server.hold:
        server.hold.set()
    server.shutdown()
    server.server_close()
    thread.join()


def test_the_message_is_posted_as_json_with_its_id_and_the_token(gateway, queued):
    assert tasks.deliver.call([queued.pk]) == ["sent"]

    request = gateway.received[0]
    assert request["path"] == "/sms"
    assert request["json"] == {"id": queued.pk, "to": "13800138000", "body": queued.body}
    assert request["headers"]["Authorization"] == "Bearer secret-token"
    assert request["headers"]["Content-Type"].startswith("application/json")


def test_a_server_error_is_tried_again_later(gateway, queued):
    gateway.status = 503
    assert tasks.deliver.call([queued.pk]) == ["pending"]
    queued.refresh_from_db()
    assert queued.attempts == 1 and "503" in queued.last_error


@pytest.mark.parametrize("status", [408, 429])
def test_too_busy_is_tried_again_later(gateway, queued, status):
    gateway.status = status
    with pytest.raises(DeliveryError) as raised:
        HttpSmsBackend().send(queued)
    assert not isinstance(raised.value, Rejected)


def test_a_refusal_fails_the_message_for_good(gateway, queued):
    gateway.status = 400
    assert tasks.deliver.call([queued.pk]) == ["failed"]
    queued.refresh_from_db()
    assert "400" in queued.last_error


def test_a_redirect_is_not_followed_as_a_get(gateway, queued):
    gateway.status = 302
    with pytest.raises(DeliveryError, match="302"):
        HttpSmsBackend().send(queued)
    assert len(gateway.received) == 1


def test_a_gateway_that_is_not_listening_is_tried_again_later(queued):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    with override_settings(CIVICGRID_SMS_GATEWAY_URL=f"http://127.0.0.1:{closed_port}/sms"):
        with pytest.raises(DeliveryError, match="unreachable") as raised:
            HttpSmsBackend().send(queued)
    assert not isinstance(raised.value, Rejected)


def test_a_gateway_that_does_not_answer_in_time_is_tried_again_later(gateway, queued):
    gateway.hold = threading.Event()
    with override_settings(CIVICGRID_SMS_GATEWAY_TIMEOUT_S=0.2):
        with pytest.raises(DeliveryError, match="unreachable"):
            HttpSmsBackend().send(queued)
