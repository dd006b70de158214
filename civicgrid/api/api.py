"""The JSON API at ``/api/v1/``: the routers the apps registered (``civicgrid.core.http.routers``), mounted
on one NinjaAPI with one way to authenticate, to limit and to report errors. ``/api/v1/docs`` is the
interactive documentation and ``/api/v1/openapi.json`` the schema.
"""

from ninja import NinjaAPI, Router, Schema
from ninja.renderers import JSONRenderer

from civicgrid.core.http import errors, routers

from .auth import AUTH

me = Router(tags=["me"])


class MeOut(Schema):
    kind: str
    name: str
    area_code: str | None
    grants: list[str]


@me.get("", response=MeOut, summary="Who the caller is")
def whoami(request):
    principal = request.auth
    application = principal.application
    if application is not None:
        return MeOut(kind="application", name=application.name, area_code=application.area_code,
                     grants=application.grants)
    return MeOut(kind="staff", name=str(principal.user), area_code=None, grants=[])


class Utf8Renderer(JSONRenderer):
    """Chinese text as UTF-8, not ``\\uXXXX`` escapes: half the size, and readable in a log."""

    json_dumps_params = {"ensure_ascii": False}


def build() -> NinjaAPI:
    api = NinjaAPI(title="civicgrid", version="1", urls_namespace="api-v1", auth=AUTH, renderer=Utf8Renderer(),
                   description="市域社会治理 civicgrid JSON API. Errors: {code, message, details}.")
    errors.install(api)
    api.add_router("/me", me)
    for prefix, router in routers.registered():
        api.add_router(prefix, router)
    return api


api = build()
