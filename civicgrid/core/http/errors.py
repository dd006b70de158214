"""Every API error is ``{"code", "message", "details"}`` with the fitting HTTP status, in the caller's language.

``code`` is stable English for programs; ``message`` is for people, translated by ``Accept-Language``;
``details`` maps fields to their messages where the input was at fault. Nothing raised by the loop's
services reaches a client as a 500: the app that raises a refusal maps it to a status and a code here
(``answer``), from its ``AppConfig.ready()``.
"""

from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, ValidationError

from .ratelimit import RateLimited

# (request, exception) → (status, body, headers)
Handler = Callable[[object, Exception], tuple[int, dict, dict]]
_ANSWERS: dict[type[Exception], Handler] = {}


class ApiError(Exception):
    """An error an endpoint raises on purpose, with its status and stable code."""

    def __init__(self, status: int, code: str, message: str, details: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details or {}


def body(code: str, message: str, details: dict | None = None) -> dict:
    return {"code": code, "message": message, "details": details or {}}


def answer(exception: type[Exception], handler: Handler) -> None:
    """Answer ``exception`` (and its subclasses) raised by an endpoint with ``handler``'s status and body."""
    _ANSWERS[exception] = handler


def install(api) -> None:
    """Register the handlers on a NinjaAPI: the plumbing's own, then those the apps registered."""
    handlers = {
        ApiError: lambda request, exc: (exc.status, body(exc.code, exc.message, exc.details), {}),
        ValidationError: _validation,
        AuthenticationError: lambda request, exc: (401, body("unauthenticated", _("请提供有效的令牌或 API 密钥。")), {}),
        HttpError: _http,
        Http404: lambda request, exc: (404, body("not_found", _("没有找到，或不在您的权限范围内。")), {}),
        RateLimited: lambda request, exc: (429, body("rate_limited", str(exc)), {"Retry-After": str(exc.retry_after)}),
        RequestDataTooBig: lambda request, exc: (413, body("too_large", _("请求内容过大。")), {}),
        **_ANSWERS,
    }
    for exception, handler in handlers.items():
        api.add_exception_handler(exception, _responder(api, handler))


def _responder(api, handler):
    def respond(request, exc):
        status, content, headers = handler(request, exc)
        response = api.create_response(request, content, status=status)
        for name, value in headers.items():
            response[name] = value
        return response

    return respond


def _validation(request, exc):
    details = {}
    for error in exc.errors:
        location = [str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path", "payload")]
        details[".".join(location) or "body"] = _problem_text(error)
    return 422, body("invalid", _("请求内容有误，请检查各字段。"), details), {}


def _http(request, exc):
    # ninja raises these with English text of its own (a body that does not parse): say it in the caller's language.
    message = _("请求内容无法解析，请检查格式。") if exc.status_code == 400 else str(exc)
    return exc.status_code, body(_http_code(exc.status_code), message), {}


def _problem_text(error: dict) -> str:
    """Pydantic's own messages are English; the common kinds are said here in the caller's language."""
    kind = error.get("type", "")
    for prefix, message in _problems().items():
        if kind.startswith(prefix):
            return message
    if kind in ("value_error", "unstorable", "assertion_error") or kind.startswith("invalid_"):
        return str(error.get("ctx", {}).get("error", "")) or error.get("msg", "")
    return error.get("msg") or _("格式不正确。")


def _problems() -> dict[str, str]:
    return {
        "missing": _("必填。"), "extra_forbidden": _("不认识的字段。"), "json_invalid": _("不是有效的 JSON。"),
        "int_": _("应为整数。"), "float_": _("应为数字。"), "decimal_": _("应为数字。"), "bool_": _("应为 true 或 false。"),
        "string_type": _("应为文本。"), "string_too_long": _("太长。"), "string_too_short": _("太短。"),
        "string_pattern_mismatch": _("格式不正确。"), "enum": _("不是可选的值。"), "literal_error": _("不是可选的值。"),
        "list_type": _("应为列表。"), "dict_type": _("应为对象。"), "model_type": _("应为对象。"),
        "datetime_": _("应为带时区的日期时间，如 2026-11-21T09:30:00+08:00。"), "date_": _("应为日期，如 2026-11-21。"),
        "greater_than": _("数值太小。"), "less_than": _("数值太大。"), "too_long": _("项目太多。"),
        "too_short": _("项目太少。"), "uuid_": _("应为 UUID。"), "url_": _("应为网址。"),
    }


def _http_code(status: int) -> str:
    return {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found", 405: "not_allowed",
            409: "conflict", 413: "too_large"}.get(status, "error")
