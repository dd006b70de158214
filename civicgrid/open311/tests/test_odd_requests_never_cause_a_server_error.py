"""Odd ids and times (NUL characters, years at the ends of the calendar, very long ids) get an Open311 error,
never a 500."""

import pytest

from . import schemas
from .support import BASE, both, checked


@pytest.mark.parametrize("path", ["requests/610802%00-1.json", "tokens/ab%00cd.xml", f"requests/{'9' * 300}.json"])
def test_an_odd_id_is_not_found(client, service, app_key, path):
    checked(client.get(BASE + path, {"api_key": app_key}), schemas.ERRORS, 404)


@pytest.mark.parametrize("params", [{"end_date": "0001-01-01"}, {"start_date": "9999-12-31T00:00:00Z"},
                                    {"start_date": "2026-01-01T25:00:00Z"}, {"status": "open\x00"}])
@pytest.mark.parametrize("path", ["requests", "servicerequestupdates"])
def test_an_odd_time_or_value_is_bad_input(client, service, app_key, params, path):
    both(client, path, schemas.ERRORS, 400, api_key=app_key, **params)
