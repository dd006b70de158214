import csv

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views import defaults

from . import access
from .choices import Via
from .forms import AccessLogFilterForm
from .http import interfaces

ACCESS_LOG_PAGE = 50


def reveal_page(request, template: str, context: dict, reveal) -> HttpResponse:
    """A page that shows a person's details in full on purpose (a party's, a head of household's): on GET the
    record masked (``context``) and a reason form; on POST ``reveal(reason, where)``, which writes the access log
    and returns ``(shown, error)``: the record to show this once, or the message for the form. Never cached."""
    shown, error = None, ""
    if request.method == "POST":
        shown, error = reveal(request.POST.get("reason", ""), access.where(request, Via.PAGE))
    response = render(request, template, {**context, "shown": shown, "error": error})
    add_never_cache_headers(response)
    return response


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


# ---- 访问日志


def _audited(request):
    """The filter form and the entries the user may read; a user who reads no log gets a 404, as for any page
    outside their roles."""
    if not access.may_audit(request.user):
        raise Http404
    form = AccessLogFilterForm(request.GET)
    return form, access.entries(request.user, form.filters())


@login_required
def access_log(request):
    """The access log of the user's scope, filtered, a page at a time, with its CSV export."""
    form, found = _audited(request)
    page = Paginator(found, ACCESS_LOG_PAGE).get_page(request.GET.get("page"))
    return render(request, "core/access_log.html", {"form": form, "page": page})


class _Echo:
    """A file-like object that hands back what csv writes to it, for streaming."""

    def write(self, value):
        return value


@login_required
def access_log_csv(request):
    """The same entries as the page shows with its filters, all of them, as CSV (UTF-8 with a BOM for Excel)."""
    _form, found = _audited(request)
    writer = csv.writer(_Echo())
    rows = (writer.writerow(row) for row in _csv_rows(found))
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="access-log-{timezone.localdate():%Y%m%d}.csv"'
    return response


def _csv_rows(found):
    yield ["\ufeff" + _("时间"), _("用户名"), _("客户端应用"), _("操作"), _("字段"), _("记录类型"), _("记录"),
           _("理由"), _("来源"), _("客户端地址"), _("浏览器标识")]
    for entry in found.iterator(chunk_size=2000):
        yield [timezone.localtime(entry.at).isoformat(timespec="seconds"), _cell(entry.username),
               _cell(entry.client), entry.get_action_display(), entry.get_field_display(), entry.record_type,
               _cell(entry.record_key), _cell(entry.reason), entry.get_via_display(), entry.address or "",
               _cell(entry.user_agent)]


def _cell(text: str) -> str:
    """Typed text that a spreadsheet would run as a formula (=, +, -, @) is kept as text."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
