"""Fixtures for the JSON API's tests: a client that speaks with a personal token or an application key."""

import json

import pytest

from civicgrid.api import keys
from civicgrid.cases.intake import file_case
from civicgrid.core.env import networks
from civicgrid.testing import factories

API = "/api/v1"


class ApiClient:
    """Django's test client with a key in every request, JSON in and out, and a language to ask in."""

    def __init__(self, client, raw: str, language: str = "zh-hans"):
        self.client, self.raw, self.language = client, raw, language

    def headers(self, extra: dict | None = None) -> dict:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.raw}", "HTTP_ACCEPT_LANGUAGE": self.language,
                **(extra or {})}

    def get(self, path: str, params: dict | None = None, **headers):
        return self.client.get(API + path, params or {}, **self.headers(headers))

    def post(self, path: str, body=None, *, raw: bytes | str | None = None, **headers):
        data = raw if raw is not None else json.dumps(body if body is not None else {})
        return self.client.post(API + path, data, content_type="application/json", **self.headers(headers))

    def upload(self, path: str, data: dict, **headers):
        return self.client.post(API + path, data, **self.headers(headers))


@pytest.fixture(autouse=True)
def _receivers_on_loopback_allowed(settings):
    """The webhook tests' receivers listen on 127.0.0.1, which only an administrator's allowance opens to
    deliveries (test_webhook_receivers_inside_the_network_are_refused… runs without it)."""
    settings.CIVICGRID_WEBHOOK_ALLOWED_NETWORKS = networks("127.0.0.0/8")


@pytest.fixture
def as_staff(client):
    """``as_staff(user)``: an API client with a fresh personal token of ``user``."""
    return lambda user, language="zh-hans": ApiClient(client, keys.create_token(user, "tests")[1], language)


@pytest.fixture
def as_application(client, yulin):
    """``as_application(area_code, grants, staff=None)``: an API client with a new application's key."""
    made = []

    def make(area_code="610802", grants=("read", "file"), staff=None, language="zh-hans"):
        _app, raw = keys.create_application(f"应用{len(made)}", area_code, list(grants), staff=staff)
        made.append(raw)
        return ApiClient(client, raw, language)

    return make


@pytest.fixture
def case_in_a(street_litter, yulin, intake_clerk):
    """A resident's call recorded at grid A (township A, 610802001), with a full phone and ID number."""
    report = factories.report(street_litter, channel="hotline", reporter_id_number="610102199001011231")
    return file_case(report, intake_clerk)


def filing(category_code: str = "01.001", **fields) -> dict:
    """A JSON body for POST /cases: a point in grid A."""
    return {"category": category_code, "title": "井盖缺失", "description": "鼓楼街道路口井盖缺失，夜间危险。",
            "location": {"longitude": 109.71, "latitude": 38.29}, "reporter": {"name": "李四", "phone": "13912345678"},
            **fields}


@pytest.fixture
def published_litter(street_litter):
    """暴露垃圾 published as an Open311 service: applications without a staff account see its cases."""
    from civicgrid.open311.services import publish

    return publish(street_litter)
