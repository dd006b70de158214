"""The dispute pages: the list of disputes (a mediator's own first), the mediator pool (调解员库), the printed
agreement (调解协议书) and a party's details revealed with a reason. None of them changes a dispute: its steps
are taken on the case page or through the API, by the one writer."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from civicgrid.cases.choices import OPEN_STATUSES
from civicgrid.cases.models import Case
from civicgrid.cases.reveal import revealing
from civicgrid.core import access, pdf
from civicgrid.core.choices import Via
from civicgrid.core.views import reveal_page

from . import forms, services
from .models import Agreement, Party

PER_PAGE = 30
PANEL_ROWS = 8


@login_required
def dispute_list(request):
    """矛盾纠纷: a mediator opens on the disputes they are in charge of; others on their scope's."""
    form = forms.DisputeFilterForm(request.GET or None, mediator=services.is_mediator(request.user))
    rows = services.filtered(request.user, form.filters())
    page = Paginator(rows.with_light().defer("description", "extra"), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "disputes/list.html", {"form": form, "page": page})


@login_required
def pool(request):
    """调解员库: each committee in scope with its mediators, their kind, specialities and current load."""
    form = forms.PoolFilterForm(request.GET or None, committees=services.committees(request.user))
    mediators = services.pool(request.user, form.committee_id())
    return render(request, "disputes/pool.html", {"form": form, "mediators": mediators,
                                                  "committees": services.committees(request.user)})


def _scoped_case(user, number: str) -> Case:
    case = Case.objects.restrict(user).filter(number=number, kind=services.KIND).first()
    if case is None:
        raise Http404
    return case


@login_required
def agreement_pdf(request, number):
    """调解协议书, printed from the agreement kept with the case; an oral agreement has none."""
    case = _scoped_case(request.user, number)
    agreement = Agreement.objects.select_related("committee", "dispute__case__area").filter(
        dispute_id=case.pk, oral=False).first()
    if agreement is None:
        raise Http404
    if not services.may_reveal(request.user, case):
        raise PermissionDenied
    # The printed agreement names the parties in full: a view of their records, in the access log.
    access.viewed(request.user, agreement, case.number, case.area_code, access.where(request, Via.PAGE))
    body = pdf.render("disputes/agreement_pdf.html", services.agreement_context(agreement))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="agreement-{case.number}.pdf"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def party(request, number, pk):
    """GET: the party masked and a reason form; POST: their full details, logged, for this answer only."""
    case = _scoped_case(request.user, number)
    found = Party.objects.filter(dispute_id=case.pk, pk=pk).select_related("dispute__case").first()
    if found is None:
        raise Http404
    if not services.may_reveal(request.user, case):
        raise PermissionDenied
    reveal = revealing(lambda reason, at: services.reveal_party(request.user, found, reason, at))
    return reveal_page(request, "disputes/party.html", {"case": case, "party": services.masked(found)}, reveal)


def home_panel(request) -> dict | None:
    """The mediator's home page opens on their own open disputes, the most pressing first."""
    own = services.own_disputes(request.user)
    if not services.is_mediator(request.user):
        return None
    rows = own.filter(status__in=OPEN_STATUSES).with_light().order_by("due_at")
    return {"rows": list(rows[:PANEL_ROWS]), "count": rows.count()}
