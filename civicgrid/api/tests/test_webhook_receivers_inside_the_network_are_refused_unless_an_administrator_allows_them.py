"""An application with the ``subscribe`` grant cannot aim deliveries inside the site's own network: loopback,
``localhost``, the metadata address, ``[::1]``, private networks and a host name that resolves to loopback are
refused on subscribing; a name that points inside after it was checked is refused at delivery and nothing is
sent there; redirects are not followed; a receiver's error shows as its status code only. Networks an
administrator allows are accepted. DNS is answered by the test, never by the internet."""

import json
import socket
from ipaddress import ip_address

import pytest

from civicgrid.api import receivers, webhooks
from civicgrid.api.models import WebhookDelivery, WebhookSubscription
from civicgrid.cases.intake import file_case
from civicgrid.core.env import networks
from civicgrid.testing import factories

from .webhook_support import application, receiver

URL = "/api/v1/webhooks"
HOST = "hooks.dept.example"
PUBLIC = "93.184.216.34"
INSIDE = [
    "http://127.0.0.1:8000/hook", "http://localhost:5432/", "http://169.254.169.254/latest/meta-data/",
    "http://[::1]:8080/hook", "http://10.1.2.3/hook", "http://192.168.0.10/hook", "http://172.16.5.5/hook",
    "http://[::ffff:127.0.0.1]/hook", "http://0.0.0.0:8000/", "http://[fe80::1]/", "http://224.0.0.1/",
    "http://100.64.0.1/", "http://[fd00::1]/", "http://[64:ff9b::7f00:1]/", "http://db.localhost/",
]


@pytest.fixture(autouse=True)
def nothing_allowed(settings):
    settings.CIVICGRID_WEBHOOK_ALLOWED_NETWORKS = ()


@pytest.fixture
def dns(monkeypatch):
    """``dns[name] = address`` answers look-ups of ``name``; every other look-up goes to the system (numeric
    addresses, ``localhost``). ``dns.asked`` counts the look-ups of each name."""
    real = socket.getaddrinfo

    class Answers(dict):
        asked: dict = {}

    answers = Answers()

    def lookup(host, port, *args, **kwargs):
        if host in answers:
            answers.asked[host] = answers.asked.get(host, 0) + 1
            family = socket.AF_INET6 if ":" in answers[host] else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (answers[host], port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    return answers


@pytest.fixture
def subscriber(yulin):
    return application(area_code="610802")


def subscribe(client, raw, url):
    return client.post(URL, json.dumps({"url": url}), content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {raw}")


@pytest.mark.parametrize("url", INSIDE)
def test_an_address_inside_the_network_is_refused_and_nothing_is_subscribed(client, subscriber, url):
    refused = subscribe(client, subscriber[1], url)
    assert refused.status_code == 422, refused.content
    assert "内部网络" in refused.json()["details"]["url"]
    assert not WebhookSubscription.objects.exists()


def test_a_host_name_that_resolves_to_loopback_is_refused(client, subscriber, dns):
    dns[HOST] = "127.0.0.1"
    assert subscribe(client, subscriber[1], f"https://{HOST}/hook").status_code == 422
    dns[HOST] = "::1"
    assert subscribe(client, subscriber[1], f"https://{HOST}/hook").status_code == 422
    assert not WebhookSubscription.objects.exists()


def test_a_public_host_is_accepted(client, subscriber, dns):
    dns[HOST] = PUBLIC
    assert subscribe(client, subscriber[1], f"https://{HOST}/hook").status_code == 201


def test_a_network_the_administrator_allows_is_accepted(client, subscriber, settings):
    settings.CIVICGRID_WEBHOOK_ALLOWED_NETWORKS = networks("10.20.0.0/16")
    assert subscribe(client, subscriber[1], "http://10.20.3.4:8080/hook").status_code == 201
    assert subscribe(client, subscriber[1], "http://10.21.3.4:8080/hook").status_code == 422


def test_a_name_pointed_inside_after_subscribing_gets_nothing_at_delivery(client, subscriber, dns, street_litter,
                                                                            django_capture_on_commit_callbacks):
    with receiver() as inside:
        dns[HOST] = PUBLIC
        assert subscribe(client, subscriber[1], f"http://{HOST}:{inside.port}/hook").status_code == 201
        dns[HOST] = "127.0.0.1"  # rebound after the check
        with django_capture_on_commit_callbacks(execute=True):
            file_case(factories.report(street_litter))

    message = WebhookDelivery.objects.get().message
    assert inside.received == [] and message.status == "pending" and message.response_code is None
    assert "not allowed" in message.last_error


def test_the_connection_goes_to_the_address_that_was_checked(subscriber, dns, settings, street_litter,
                                                            django_capture_on_commit_callbacks):
    settings.CIVICGRID_WEBHOOK_ALLOWED_NETWORKS = networks("127.0.0.0/8")
    with receiver() as allowed:
        dns[HOST] = "127.0.0.1"
        webhooks.subscribe(subscriber[0], f"http://{HOST}:{allowed.port}/hook")
        with django_capture_on_commit_callbacks(execute=True):
            file_case(factories.report(street_litter))

    [got] = allowed.taken
    assert got.headers["Host"] == f"{HOST}:{allowed.port}"
    assert dns.asked[HOST] == 2  # once on subscribing, once for the try: the connection did not ask again


def test_a_redirect_is_not_followed(subscriber, settings, street_litter, django_capture_on_commit_callbacks):
    settings.CIVICGRID_WEBHOOK_ALLOWED_NETWORKS = networks("127.0.0.0/8")
    with receiver() as target, receiver(status=307, location="") as redirecting:
        redirecting.location = target.url
        webhooks.subscribe(subscriber[0], redirecting.url)
        with django_capture_on_commit_callbacks(execute=True):
            file_case(factories.report(street_litter))

    message = WebhookDelivery.objects.get().message
    assert [got.answered for got in redirecting.received] == [307] and target.received == []
    assert message.status == "pending" and message.response_code == 307 and message.last_error.endswith("HTTP 307")


def test_a_receivers_error_is_shown_by_its_status_code_only(client, subscriber, settings, street_litter,
                                                           django_capture_on_commit_callbacks):
    settings.CIVICGRID_WEBHOOK_ALLOWED_NETWORKS = networks("127.0.0.0/8")
    secret = b"<title>Jenkins</title> internal build server admin panel"
    with receiver(status=500, reason="Jenkins 2.401 internal", content=secret) as inside:
        hook = subscribe(client, subscriber[1], inside.url).json()
        with django_capture_on_commit_callbacks(execute=True):
            file_case(factories.report(street_litter))

    listed = client.get(f"{URL}/{hook['id']}/deliveries", HTTP_AUTHORIZATION=f"Bearer {subscriber[1]}").json()
    [delivery] = listed["items"]
    assert delivery["response_code"] == 500 and delivery["last_error"] == "NotDelivered: HTTP 500"
    assert "Jenkins" not in json.dumps(listed, ensure_ascii=False)


def test_every_kind_of_inside_address_is_refused_by_the_address_check():
    inside = ["127.0.0.1", "::1", "10.0.0.1", "169.254.169.254", "fe80::1", "fc00::1", "0.0.0.0", "::",
              "224.0.0.1", "ff02::1", "240.0.0.1", "::ffff:10.0.0.1", "2002:7f00:1::1", "64:ff9b::a00:1"]
    assert [address for address in inside if receivers.permitted(ip_address(address))] == []
    assert receivers.permitted(ip_address(PUBLIC)) and receivers.permitted(ip_address("2606:4700::1111"))


def test_spellings_the_url_check_already_refuses_would_be_refused_by_the_address_check_too():
    assert receivers.refusal("http://LOCALHOST./x") and receivers.refusal("http://2130706433/")
