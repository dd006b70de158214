"""The grid worker's patrol beat in grid A, on a shift running now (``civicgrid.testing.patrols``)."""

import json

import pytest

from civicgrid.api import keys
from civicgrid.testing.patrols import beat


@pytest.fixture
def patrol(yulin, grid_worker):
    return beat(yulin["grid_a"], grid_worker)


@pytest.fixture
def api(client):
    """``api(user, method, path, body=None)``: a call to the JSON API with ``user``'s personal token."""

    def call(user, method: str, path: str, body=None):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {keys.create_token(user, 'tests')[1]}"}
        if body is None:
            return getattr(client, method)(f"/api/v1{path}", **headers)
        return getattr(client, method)(f"/api/v1{path}", json.dumps(body, default=str),
                                       content_type="application/json", **headers)

    return call
