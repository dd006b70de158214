from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults


def health(request):
    """Whether the process answers at all: no database, no session, for load balancers and the API bench."""
    return HttpResponse("ok", content_type="text/plain")


def not_found(request, exception=None):
    """A 404 in the form the caller reads: JSON for the API, Open311's errors for Open311, a page for people."""
    if request.path.startswith("/api/v1/"):
        from civicgrid.api.errors import body

        return JsonResponse(body("not_found", _("没有这个接口地址。")), status=404)
    if request.path.startswith("/open311/"):
        from civicgrid.open311.render import errors_response

        return errors_response(request, 404, _("没有这个接口地址。"))
    return defaults.page_not_found(request, exception)
