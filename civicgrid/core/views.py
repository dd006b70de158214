from django.http import HttpResponse
from django.views import defaults

from .http import interfaces


def health(request):
    """Whether the process answers at all: no database, no session, for load balancers and the API bench."""
    return HttpResponse("ok", content_type="text/plain")


def not_found(request, exception=None):
    """A 404 in the form the caller reads: each machine interface's own (JSON for the API, Open311's errors
    for Open311, as they registered in ``http.interfaces``), a page for people."""
    respond = interfaces.not_found_at(request.path)
    if respond is not None:
        return respond(request)
    return defaults.page_not_found(request, exception)
