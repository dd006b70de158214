"""The JSON API's answers outside its routers, in its own ``{code, message, details}`` body: an address it
does not have, and a caller over the per-address limit (registered from ``ApiConfig.ready``)."""

from django.http import JsonResponse
from django.utils.translation import gettext as _

from civicgrid.core.http.errors import body


def not_found(request):
    return JsonResponse(body("not_found", _("没有这个接口地址。")), status=404)


def rate_limited(request, exc):
    return JsonResponse(body("rate_limited", str(exc)), status=429, headers={"Retry-After": exc.retry_after})
