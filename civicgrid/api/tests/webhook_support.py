"""What the webhook tests share: a real HTTP receiver on 127.0.0.1, and an application that subscribes.

The receiver is ``http.server`` in a thread, on a port the system picks; it answers each POST with its
``status`` and keeps what it got. Stopping it closes the port, so a try meets a refused connection, and it
can start again on the same port: an outage and a recovery without sleeping.
"""

import hashlib
import hmac
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, HTTPServer

from civicgrid.api import keys, webhooks


@dataclass
class Received:
    answered: int
    headers: Message
    body: bytes


@dataclass
class Receiver:
    status: int = 204
    port: int = 0
    # What else it answers with: a Location (to test that redirects are not followed), a reason phrase and a body.
    location: str = ""
    reason: str | None = None
    content: bytes = b""
    received: list[Received] = field(default_factory=list)
    _server: HTTPServer | None = None
    _thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/civicgrid-hook"

    @property
    def taken(self) -> list[Received]:
        """What the receiver got and answered 2xx to: what was really delivered."""
        return [got for got in self.received if 200 <= got.answered < 300]

    def start(self) -> "Receiver":
        self._server = HTTPServer(("127.0.0.1", self.port), _Handler)
        self._server.receiver = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.01},
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Down: the port is closed and a connection to it is refused."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        receiver = self.server.receiver
        receiver.received.append(Received(receiver.status, self.headers, body))
        self.send_response(receiver.status, receiver.reason)
        if receiver.location:
            self.send_header("Location", receiver.location)
        self.send_header("Content-Length", str(len(receiver.content)))
        self.end_headers()
        self.wfile.write(receiver.content)

    def log_message(self, *args):
        pass


@contextmanager
def receiver(status: int = 204, **answer):
    running = Receiver(status=status, **answer).start()
    try:
        yield running
    finally:
        if running._thread.is_alive():
            running.stop()


def application(area_code: str = "610802", grants=("read", "subscribe"), name: str = "区城管局业务系统"):
    """A client application of 榆阳区 that may subscribe; returns (application, raw key)."""
    return keys.create_application(name, area_code, list(grants))


def subscription(url: str = "http://127.0.0.1:9/civicgrid-hook", area_code: str = "610802001", actions=(), **app):
    """A subscription of a new application (see ``application``); the default address refuses connections."""
    subscriber, _raw = application(**app)
    return webhooks.subscribe(subscriber, url, area_code, actions)


def verifies(secret: str, received: Received) -> bool:
    """The check a receiver makes, written out here rather than taken from civicgrid."""
    timestamp = received.headers["X-Civicgrid-Timestamp"]
    expected = hmac.new(secret.encode(), timestamp.encode() + b"." + received.body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(f"sha256={expected}", received.headers["X-Civicgrid-Signature"])
