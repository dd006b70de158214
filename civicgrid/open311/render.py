"""Open311 answers in JSON or XML, chosen by the URL's ``.json``/``.xml`` ending; errors as the
specification gives them: a list of ``{code, description}``, or ``<errors><error>…</error></errors>``."""

from xml.etree import ElementTree

from django.http import HttpResponse, JsonResponse


def wants_xml(request) -> bool:
    return request.path.endswith(".xml")


def errors_response(request, status: int, description: str, headers: dict | None = None) -> HttpResponse:
    if wants_xml(request):
        root = ElementTree.Element("errors")
        error = ElementTree.SubElement(root, "error")
        ElementTree.SubElement(error, "code").text = str(status)
        ElementTree.SubElement(error, "description").text = description
        body = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
        response = HttpResponse(body, status=status, content_type="text/xml; charset=utf-8")
    else:
        response = JsonResponse([{"code": str(status), "description": description}], status=status, safe=False)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def rate_limited(request, exc) -> HttpResponse:
    return errors_response(request, 429, str(exc), {"Retry-After": str(exc.retry_after)})
