"""The generic tests' world and callers: every page and API route of ``routes.py``, opened as each persona.

The world (``world.build``: a case of every kind and everything hanging off it) is built once for this
package, inside a transaction that is rolled back after its last test; each test runs, as every test with
``db`` does, in a savepoint rolled back after it, so it starts from the world as built and may change it.
Building per test would cost a quarter of a second in each of some hundreds of tests.
"""

import json
from urllib.parse import urlencode

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.urls import resolve, reverse

from civicgrid.testing import world as w


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    media.enable()
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        outer._from_testcase = True  # what TestCase marks its own, so durable blocks inside behave as in tests
        built = w.build()
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
        media.disable()


@pytest.fixture(autouse=True)
def _in_a_savepoint(world, db):
    """``db`` after ``world``: the test's own transaction is a savepoint inside the package's."""


class Caller:
    """A persona at the door: a signed-in browser, a resident's session, or a key in every request."""

    def __init__(self, client: Client, headers: dict | None = None):
        self.client, self.headers = client, headers or {}

    def open(self, method: str, url: str, data=None, encoding: str = "multipart"):
        if method == "GET":
            return self.client.get(url, data or {}, headers=self.headers)
        if method == "DELETE":
            return self.client.delete(url, headers=self.headers)
        if encoding == "json":
            return self.client.post(url, json.dumps(data or {}), content_type="application/json",
                                    headers=self.headers)
        if encoding == "urlencoded":
            return self.client.post(url, urlencode(data or {}, doseq=True),
                                    content_type="application/x-www-form-urlencoded", headers=self.headers)
        return self.client.post(url, data or {}, headers=self.headers)


def caller(world, persona: str, *, api: bool = False, csrf: bool = False) -> Caller:
    """``persona`` as a page or the API sees them; ``csrf`` makes the browser's forms need their token."""
    client = Client(enforce_csrf_checks=csrf)
    if persona == "anonymous":
        return Caller(client)
    if persona in ("application", "other_application") or api:
        return Caller(client, _key_header(persona, world.keys[persona]))
    if persona == "resident":
        _remember_every_case(client, world)
        return Caller(client)
    client.force_login(world.people[persona])
    return Caller(client)


def _key_header(persona: str, raw: str) -> dict:
    if persona in ("application", "other_application"):
        return {"X-Api-Key": raw}  # Open311 and the API both read it
    return {"Authorization": f"Bearer {raw}"}


def _remember_every_case(client: Client, world) -> None:
    """As if this browser had filed every case and looked each up with its number and phone."""
    session = client.session
    ids = [case.pk for case in [*world.cases.values(), world.finished]]
    session["filed"], session["tracked"] = ids, ids
    session.save()


def url_of(walk, world) -> str:
    """The row's URL, checked to reach the pattern the row is listed under."""
    kwargs = walk.row.kwargs(world, walk.kind)
    url = walk.url.format(**kwargs) if walk.url else reverse(walk.name, kwargs=kwargs)
    if not walk.api:
        assert resolve(url).view_name == walk.name, f"{url} reaches {resolve(url).view_name}, not {walk.name}"
    return url


class Visit:
    """A request made ready (persona signed in, URL and body built) so that only the request is measured."""

    def __init__(self, walk, world, persona: str | None = None, *, csrf: bool = False, body: bool = False):
        row = walk.row
        self.method, self.url = row.method, url_of(walk, world)
        self.encoding = row.encoding or ("json" if walk.api else "multipart")
        self.data = row.query(world, walk.kind) if row.method == "GET" else None
        if body and row.body:
            self.data = row.body(world, walk.kind)
        self.caller = caller(world, persona or row.sees, api=walk.api, csrf=csrf)
        self.expected = row.answers

    def __call__(self):
        return self.caller.open(self.method, self.url, self.data, self.encoding)


def visit(walk, world, persona: str | None = None, *, csrf: bool = False, body: bool = False):
    """Open the walk's row as ``persona`` (its own by default); ``body`` sends the row's body with a POST."""
    return Visit(walk, world, persona, csrf=csrf, body=body)()
