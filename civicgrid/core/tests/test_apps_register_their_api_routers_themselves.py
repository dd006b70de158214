"""Each app registers its JSON API router from ``AppConfig.ready()``; ``civicgrid.api`` mounts what is there."""

import pytest

from civicgrid.api.api import api
from civicgrid.core.http import routers


def test_every_apps_router_is_registered_and_mounted():
    prefixes = [prefix for prefix, _router in routers.registered()]
    assert prefixes == ["/areas", "/departments", "/tasks", "/categories", "/cases", "/assignments", "/notices",
                        "/patrols", "/webhooks"]
    paths = api.get_openapi_schema()["paths"]
    for prefix in prefixes:
        assert any(path.startswith(f"/api/v1{prefix}") for path in paths), prefix


def test_a_prefix_taken_by_another_router_is_refused():
    with pytest.raises(ValueError, match="/api/v1/cases"):
        routers.register("/cases", "civicgrid.geo.api.router")
    assert dict(routers.registered())["/cases"].tags == ["cases"]
