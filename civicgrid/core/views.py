from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.views import defaults

from .http import interfaces


def health(request):
    """Whether the process answers at all: no database, no session, for load balancers and the API bench."""
    return HttpResponse("ok", content_type="text/plain")


def favicon(request):
    """Browsers ask for /favicon.ico on their own: the site's icon is an SVG among the static files."""
    return HttpResponsePermanentRedirect(static("civicgrid/favicon.svg"))


def not_found(request, exception=None):
    """A 404 in the form the caller reads: each machine interface's own (JSON for the API, Open311's errors
    for Open311, as they registered in ``http.interfaces``), a page for people."""
    respond = interfaces.not_found_at(request.path)
    if respond is not None:
        return respond(request)
    return defaults.page_not_found(request, exception)
