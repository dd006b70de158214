from django.http import JsonResponse

from civicgrid.open311.render import rate_limited as open311_refusal

from . import errors, ratelimit


def api_refusal(request, exc: ratelimit.RateLimited):
    return JsonResponse(errors.body("rate_limited", str(exc)), status=429, headers={"Retry-After": exc.retry_after})


REFUSALS = {"/api/": api_refusal, "/open311/": open311_refusal}


class RateLimitMiddleware:
    """The per-address limit on the machine interfaces, counted before any key is looked at, so that
    guessing keys is no faster than using them. Each interface answers a refusal in its own format."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refusal = next((r for prefix, r in REFUSALS.items() if request.path.startswith(prefix)), None)
        if refusal is not None:
            try:
                ratelimit.check_ip(request)
            except ratelimit.RateLimited as exc:
                return refusal(request, exc)
        return self.get_response(request)
