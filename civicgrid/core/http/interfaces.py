"""Each machine interface answers in its own format: the JSON API in ``{code, message, details}``, Open311
in its spec's errors. An interface registers its answers by path prefix from its ``AppConfig.ready()``;
the site's 404 view and the per-address rate limit ask here, so they name no app above core.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .ratelimit import RateLimited

NotFound = Callable[[HttpRequest], HttpResponse]
Refusal = Callable[[HttpRequest, RateLimited], HttpResponse]

_NOT_FOUND: dict[str, NotFound] = {}
_RATE_LIMITED: dict[str, Refusal] = {}


def answer_not_found(prefix: str, respond: NotFound) -> None:
    """Unknown addresses under ``prefix`` are answered by ``respond`` rather than the 404 page."""
    _NOT_FOUND[prefix] = respond


def answer_rate_limited(prefix: str, respond: Refusal) -> None:
    """Requests under ``prefix`` are counted per address, and a refused one is answered by ``respond``."""
    _RATE_LIMITED[prefix] = respond


def not_found_at(path: str) -> NotFound | None:
    return next((respond for prefix, respond in _NOT_FOUND.items() if path.startswith(prefix)), None)


def rate_limited_at(path: str) -> Refusal | None:
    return next((respond for prefix, respond in _RATE_LIMITED.items() if path.startswith(prefix)), None)
