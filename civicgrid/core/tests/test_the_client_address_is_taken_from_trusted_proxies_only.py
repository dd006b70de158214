"""Every limit and the access log count the client's address from ``client_address``: the connection's own,
unless the connection is a trusted reverse proxy (``CIVICGRID_TRUSTED_PROXIES``); then the forwarded hops are
read from the right, and the first that is not a trusted proxy is the client."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from civicgrid.core.env import env_networks, networks
from civicgrid.core.http.client import client_address

PROXIES = "10.0.0.0/8, 192.0.2.7, fd00::/8"


def request(remote: str, forwarded: str | None = None, **meta):
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", REMOTE_ADDR=remote, **meta)


@pytest.fixture
def behind_proxies(settings):
    settings.CIVICGRID_TRUSTED_PROXIES = networks(PROXIES)
    settings.CIVICGRID_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.CIVICGRID_TRUSTED_PROXIES = ()
    assert client_address(request("198.51.100.4", "203.0.113.9")) == "198.51.100.4"


def test_a_request_from_a_trusted_proxy_names_the_address_that_proxy_saw(behind_proxies):
    assert client_address(request("10.1.2.3", "203.0.113.9")) == "203.0.113.9"


def test_what_the_client_wrote_left_of_its_own_address_is_ignored(behind_proxies):
    assert client_address(request("10.1.2.3", "1.1.1.1, 203.0.113.9")) == "203.0.113.9"


def test_a_chain_of_trusted_proxies_is_walked_back_to_the_client(behind_proxies):
    assert client_address(request("192.0.2.7", "1.1.1.1, 203.0.113.9, 10.9.9.9")) == "203.0.113.9"


def test_a_request_from_elsewhere_cannot_forge_its_address(behind_proxies):
    assert client_address(request("198.51.100.4", "10.1.1.1")) == "198.51.100.4"


def test_a_garbled_hop_leaves_the_last_trusted_proxy_as_the_address(behind_proxies):
    assert client_address(request("10.1.2.3", "not-an-address")) == "10.1.2.3"
    assert client_address(request("10.1.2.3")) == "10.1.2.3"


def test_ipv6_proxies_and_clients_are_read_alike(behind_proxies):
    assert client_address(request("fd00::1", "2001:db8::5")) == "2001:db8::5"


def test_another_header_can_carry_the_address(behind_proxies, settings):
    settings.CIVICGRID_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert client_address(request("10.1.2.3", "1.1.1.1", HTTP_X_REAL_IP="203.0.113.9")) == "203.0.113.9"


def test_the_setting_is_read_as_addresses_and_networks(monkeypatch):
    monkeypatch.setenv("CIVICGRID_TRUSTED_PROXIES", PROXIES)
    assert [str(network) for network in env_networks("CIVICGRID_TRUSTED_PROXIES")] == [
        "10.0.0.0/8", "192.0.2.7/32", "fd00::/8"]


@pytest.mark.parametrize("raw", ["proxy.example", "10.0.0.0/33", "10.0.0.1,,x"])
def test_anything_else_stops_start_up_naming_the_variable(monkeypatch, raw):
    monkeypatch.setenv("CIVICGRID_TRUSTED_PROXIES", raw)
    with pytest.raises(ImproperlyConfigured, match="CIVICGRID_TRUSTED_PROXIES"):
        env_networks("CIVICGRID_TRUSTED_PROXIES")
