"""Open311 answers in JSON or XML, chosen by the URL's ``.json``/``.xml`` ending; errors as the
specification gives them: a list of ``{code, description}``, or ``<errors><error>…</error></errors>``.

Both formats are made from the same Python values: a list of dicts (or one dict, for ``discovery``
and a service definition). In XML a list inside an item repeats its singular element
(``<attributes><attribute>…``), ``None`` is an empty element and booleans are ``true``/``false``; characters
XML 1.0 cannot carry are left out, so every answer is well-formed.
"""

from xml.etree import ElementTree

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from civicgrid.core.validators import strip_control

XML_TYPE = "text/xml; charset=utf-8"
# The element each list's members get in XML, as the specification names them.
SINGULAR = {"attributes": "attribute", "values": "value", "endpoints": "endpoint", "formats": "format",
            "services": "service", "service_requests": "request", "service_request_updates": "request_update",
            "errors": "error"}


def wants_xml(request) -> bool:
    return request.path.endswith(".xml")


def respond(request, root: str, content, status: int = 200, headers: dict | None = None) -> HttpResponse:
    """``content`` (a list of items, or one item) as JSON, or as XML under the element ``root``."""
    if wants_xml(request):
        response = HttpResponse(to_xml(root, content), status=status, content_type=XML_TYPE)
    else:
        response = JsonResponse(content, status=status, safe=False, json_dumps_params={"ensure_ascii": False})
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def to_xml(root: str, content) -> bytes:
    element = ElementTree.Element(root)
    _fill(element, root, content)
    return ElementTree.tostring(element, encoding="utf-8", xml_declaration=True)


def _fill(element, name: str, value) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _fill(ElementTree.SubElement(element, key), key, item)
    elif isinstance(value, list):
        for item in value:
            _fill(ElementTree.SubElement(element, SINGULAR[name]), SINGULAR[name], item)
    elif value is not None:
        element.text = _text(value)


def _text(value) -> str:
    """Text XML can carry: rows written before control characters were refused may still hold them, and one
    such character makes the whole answer unreadable to a strict parser."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return strip_control(str(value))


def errors_response(request, status: int, description, headers: dict | None = None) -> HttpResponse:
    """One error, or several (``description`` a list): each with the HTTP status as its code."""
    descriptions = description if isinstance(description, list) else [description]
    errors = [{"code": str(status), "description": str(text)} for text in descriptions]
    return respond(request, "errors", errors, status=status, headers=headers)


def rate_limited(request, exc) -> HttpResponse:
    return errors_response(request, 429, str(exc), {"Retry-After": str(exc.retry_after)})


def not_found(request) -> HttpResponse:
    return errors_response(request, 404, _("没有这个接口地址。"))
