"""Calling the Open311 endpoints in tests and checking every answer against the specification's schemas."""

from urllib.parse import urlencode

import jsonschema
import xmltodict

BASE = "/open311/v2/"
FORM = "application/x-www-form-urlencoded"
# XML repeats a singular element inside each list (``<services><service>``); JSON has a list.
LISTS = {"services": "service", "service_requests": "request", "service_request_updates": "request_update",
         "errors": "error", "attributes": "attribute", "values": "value", "endpoints": "endpoint", "formats": "format"}
BOOLEAN = {"true": True, "false": False}
CASTS = {"lat": float, "long": float, "order": int, "metadata": BOOLEAN.__getitem__,
         "required": BOOLEAN.__getitem__, "variable": BOOLEAN.__getitem__}


def from_xml(body: bytes):
    """An XML answer in the shape of the JSON one."""
    ((root, content),) = xmltodict.parse(body).items()
    return _shape(root, content)


def _shape(name: str, value):
    if name in LISTS:
        items = value.get(LISTS[name]) if isinstance(value, dict) else None
        items = [] if items is None else items if isinstance(items, list) else [items]
        return [_shape(LISTS[name], item) for item in items]
    if isinstance(value, dict):
        return {key: _shape(key, item) for key, item in value.items()}
    return None if value is None else CASTS.get(name, str)(value)


def body(response):
    """The answer's content, read by its format; the content type must say the format."""
    if response.request["PATH_INFO"].endswith(".xml"):
        assert response["Content-Type"].startswith("text/xml")
        return from_xml(response.content)
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def checked(response, schema, expect: int = 200):
    """The answer's content after checking its status and its schema."""
    assert response.status_code == expect, response.content.decode()[:500]
    content = body(response)
    jsonschema.validate(content, schema)
    return content


def get(client, path: str, fmt: str = "json", lang: str = "zh-hans", **params):
    return client.get(f"{BASE}{path}.{fmt}", params, HTTP_ACCEPT_LANGUAGE=lang)


def post(client, path: str, data, fmt: str = "json", **headers):
    payload = data if isinstance(data, (str, bytes)) else urlencode(data, doseq=True)
    return client.post(f"{BASE}{path}.{fmt}", payload, content_type=headers.pop("content_type", FORM), **headers)


def both(client, path: str, schema, expect: int = 200, **params):
    """GET in both formats; each checked, and both must say the same."""
    as_json = checked(get(client, path, "json", **params), schema, expect)
    as_xml = checked(get(client, path, "xml", **params), schema, expect)
    assert as_json == as_xml
    return as_json
