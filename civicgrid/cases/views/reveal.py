"""查看完整号码 on the staff pages: the case page's button (htmx, in place) and its own page (without script,
and from the admin's case page). ``cases.reveal`` decides and logs; this only reads and shows.

The full number is in this one answer and nowhere else: not in the session, not in a cache
(``Cache-Control: no-store``), not in the page the user goes back to.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods

from civicgrid.core import access
from civicgrid.core.choices import Via

from .. import reveal
from ..workflow import InvalidInput, NotAllowed
from .fragments import Number, numbers
from .staff import _htmx, _scoped_case


@login_required
@require_http_methods(["GET", "POST"])
def reveal_number(request, number):
    """GET: a reason form for each number; POST: the number asked for, logged, or why not."""
    case = _scoped_case(request.user, number)
    shown, error = numbers(case, may=True), ""
    try:
        reveal.require(request.user, case)
        if request.method == "POST":
            error = _answer(request, case, shown)
    except NotAllowed as refusal:
        raise PermissionDenied(refusal.message) from None
    context = {"case": case, "numbers": shown, "error": error}
    asked = next((item for item in shown if item.value or item.error), None)
    if _htmx(request) and asked is not None:
        response = render(request, "cases/_reveal_number.html", {**context, "item": asked})
    else:
        response = render(request, "cases/reveal.html", context)
    add_never_cache_headers(response)
    return response


def _answer(request, case, shown: list[Number]) -> str:
    """Reveal the number asked for into its row of ``shown``; a refusal goes to the row, or is returned when
    the row does not exist (a field the reporter did not leave, or no such field)."""
    asked = request.POST.get("field", "")
    item = next((item for item in shown if item.field == asked), None)
    try:
        value = reveal.reveal(case, asked, request.user, request.POST.get("reason", ""),
                              access.where(request, Via.PAGE))
    except InvalidInput as refusal:
        if item is None:
            return refusal.message
        item.error = " ".join(refusal.errors.values())
        return ""
    item.value = value
    return ""
