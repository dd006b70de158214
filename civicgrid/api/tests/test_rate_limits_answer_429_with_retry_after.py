import pytest

from civicgrid.api import keys
from civicgrid.core.env import networks


@pytest.fixture
def raw_key(yulin):
    return keys.create_application("移动端", "610802", ["read"])[1]


def test_a_key_over_its_limit_gets_429_with_retry_after(client, settings, raw_key):
    settings.CIVICGRID_API_RATE_PER_KEY = "3/m"
    answers = [client.get("/api/v1/me", HTTP_X_API_KEY=raw_key) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert refused.json()["code"] == "rate_limited"
    assert 1 <= int(refused["Retry-After"]) <= 60


def test_an_application_may_carry_its_own_limit(client, settings, yulin):
    settings.CIVICGRID_API_RATE_PER_KEY = "100/m"
    _app, raw = keys.create_application("慢速客户端", "610802", ["read"], rate_per_minute=1)
    assert [client.get("/api/v1/me", HTTP_X_API_KEY=raw).status_code for _ in range(2)] == [200, 429]


def test_one_address_is_limited_before_any_key_is_checked(client, settings, raw_key):
    settings.CIVICGRID_API_RATE_PER_IP = "2/m"
    statuses = [client.get("/api/v1/me", HTTP_X_API_KEY="cgk_guess").status_code for _ in range(3)]
    assert statuses == [401, 401, 429]
    assert client.get("/api/v1/me", HTTP_X_API_KEY=raw_key).status_code == 429
    assert client.get("/api/v1/me", HTTP_X_API_KEY=raw_key, REMOTE_ADDR="10.0.0.9").status_code == 200


def test_the_address_comes_from_the_proxy_header_only_behind_a_trusted_proxy(client, settings, raw_key):
    settings.CIVICGRID_API_RATE_PER_IP = "1/m"
    settings.CIVICGRID_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert client.get("/api/v1/me", HTTP_X_API_KEY=raw_key, HTTP_X_REAL_IP="10.1.1.1").status_code == 200
    assert client.get("/api/v1/me", HTTP_X_API_KEY=raw_key, HTTP_X_REAL_IP="10.1.1.2").status_code == 429
    settings.CIVICGRID_TRUSTED_PROXIES = networks("127.0.0.1")  # the test client's own address
    assert client.get("/api/v1/me", HTTP_X_API_KEY=raw_key, HTTP_X_REAL_IP="10.1.1.3").status_code == 200


def test_an_empty_limit_turns_it_off(client, settings, raw_key):
    settings.CIVICGRID_API_RATE_PER_IP = ""
    settings.CIVICGRID_API_RATE_PER_KEY = ""
    assert {client.get("/api/v1/me", HTTP_X_API_KEY=raw_key).status_code for _ in range(5)} == {200}


def test_pages_for_people_are_not_counted(client, settings, raw_key):
    settings.CIVICGRID_API_RATE_PER_IP = "1/m"
    assert [client.get("/login/").status_code for _ in range(3)] == [200, 200, 200]


def test_a_forged_forwarded_for_does_not_escape_the_limit(client, settings, raw_key):
    settings.CIVICGRID_API_RATE_PER_IP = "1/m"
    settings.CIVICGRID_TRUSTED_PROXIES = networks("127.0.0.1")
    seen_by_proxy = "203.0.113.7"
    assert client.get("/api/v1/me", HTTP_X_API_KEY=raw_key, HTTP_X_FORWARDED_FOR=f"1.1.1.1, {seen_by_proxy}").status_code == 200
    assert client.get("/api/v1/me", HTTP_X_API_KEY=raw_key, HTTP_X_FORWARDED_FOR=f"2.2.2.2, {seen_by_proxy}").status_code == 429
