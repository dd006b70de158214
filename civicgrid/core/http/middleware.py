from . import interfaces, ratelimit


class RateLimitMiddleware:
    """The per-address limit on the machine interfaces, counted before any key is looked at, so that
    guessing keys is no faster than using them. Each interface answers a refusal in its own format
    (``interfaces.answer_rate_limited``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refusal = interfaces.rate_limited_at(request.path)
        if refusal is not None:
            try:
                ratelimit.check_ip(request)
            except ratelimit.RateLimited as exc:
                return refusal(request, exc)
        return self.get_response(request)
