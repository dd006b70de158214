"""Past its rate a key (or an address, or an address reading without a key) gets 429 with ``Retry-After``, as an
Open311 error, in both formats."""

import pytest

from civicgrid.api.keys import create_application
from civicgrid.cases.models import Case

from . import schemas
from .support import checked, get, post


def use_up(client, path: str, fmt: str, schema, **params) -> None:
    """The two requests a rate of 2/m allows."""
    for _ in range(2):
        checked(get(client, path, fmt, **params), schema)


def told_to_come_back(response) -> None:
    errors = checked(response, schemas.ERRORS, 429)
    assert int(response["Retry-After"]) >= 1 and errors[0]["code"] == "429"


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_key_past_its_rate_is_told_when_to_come_back(client, filing, fmt):
    slow = create_application("慢 App", "610802001", ["read", "file"], rate_per_minute=2)[1]
    use_up(client, "requests", fmt, schemas.REQUESTS, api_key=slow)
    told_to_come_back(post(client, "requests", {**filing, "api_key": slow}, fmt=fmt))
    assert Case.objects.count() == 0


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_address_past_its_rate_is_refused_before_any_key_is_looked_at(client, service, settings, fmt):
    settings.CIVICGRID_API_RATE_PER_IP = "2/m"
    use_up(client, "services", fmt, schemas.SERVICES)
    told_to_come_back(get(client, "discovery", fmt))


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_keyless_reads_past_their_rate_per_address_are_told_when_to_come_back(client, service, app_key, settings,
                                                                               fmt):
    settings.CIVICGRID_OPEN311_PUBLIC_RATE = "2/m"
    use_up(client, "requests", fmt, schemas.REQUESTS)
    told_to_come_back(get(client, "requests/610802-20260101-00001", fmt))
    checked(get(client, "requests", fmt, api_key=app_key), schemas.REQUESTS)  # a key counts on its own
