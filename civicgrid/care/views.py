"""The caseload pages. A record opens only for those who need to know it (404 for everyone else, centre
staff and leaders included), and every opening is in the access log; lists show masked names only."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods, require_POST

from civicgrid.cases.workflow import InvalidInput, NotAllowed
from civicgrid.core import access
from civicgrid.core.choices import Via

from . import figures as figures_
from . import forms, services
from .choices import Programme

PER_PAGE = 30
VISITS_SHOWN = 50  # the latest; a weekly visit for a year


@login_required
def caseload(request):
    """关爱帮扶: the records the user needs to know, masked, most pressing visit first."""
    form = forms.CaseloadFilterForm(request.GET or None)
    rows = services.listed(request.user, form.filters(), timezone.localdate())
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    shown = [(row, services.masked(row)) for row in page]
    return render(request, "care/list.html", {"form": form, "page": page, "rows": shown,
                                              "today": timezone.localdate(),
                                              "figures": figures_.home_area(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def enrol(request):
    form = forms.EnrolmentForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            enrolment = services.enrol(request.user, form.to_input())
        except InvalidInput as refusal:
            forms.show_errors(form, refusal.errors)
        else:
            return redirect("care:detail", enrolment.pk)
    return render(request, "care/enrol.html", {"form": form})


def _found(request, pk: int):
    enrolment = services.find(request.user, pk)
    if enrolment is None:
        raise Http404
    return enrolment


def _detail(request, enrolment, visit_form=None, leave_form=None, status=200):
    """The record's page; each time it is drawn is one view in the access log."""
    services.viewed(request.user, enrolment, access.where(request, Via.PAGE))
    visits = list(enrolment.visits.select_related("visited_by").prefetch_related("needs__case__category")
                  [:VISITS_SHOWN])
    needs = [need for visit in visits for need in visit.needs.all()]
    routes = services.routes(needs)
    for need in needs:
        need.routed_to = routes.get(need.pk, "")
    context = {"enrolment": enrolment, "masked": services.masked(enrolment), "visits": visits,
               "visit_form": visit_form or forms.VisitForm(),
               "leave_form": leave_form or forms.LeaveForm()}
    return render(request, "care/detail.html", context, status=status)


@login_required
def detail(request, pk):
    """帮扶对象: the record (opened and logged), its visits and needs, the visit and leave forms."""
    return _detail(request, _found(request, pk))


@login_required
@require_POST
def visit(request, pk):
    enrolment = _found(request, pk)
    return _posted(request, enrolment, "visit_form", forms.VisitForm(request.POST),
                   lambda form: services.record_visit(request.user, enrolment, form.to_input()))


@login_required
@require_POST
def leave(request, pk):
    enrolment = _found(request, pk)
    return _posted(request, enrolment, "leave_form", forms.LeaveForm(request.POST), lambda form: services.leave(
        request.user, enrolment, form.cleaned_data["reason"], form.cleaned_data["note"]))


def _posted(request, enrolment, name: str, form, act):
    """Back to the record when ``act`` took; the record again, with the refusal on the form, when not."""
    if form.is_valid():
        try:
            act(form)
        except InvalidInput as refusal:
            forms.show_errors(form, refusal.errors)
        else:
            return redirect("care:detail", enrolment.pk)
    return _detail(request, enrolment, status=400, **{name: form})


@login_required
@require_http_methods(["GET", "POST"])
def reveal(request, pk):
    """GET: the record masked and a reason form (a view, logged); POST: name and phone in full, logged, for
    this answer only."""
    at = access.where(request, Via.PAGE)
    enrolment = _found(request, pk)
    shown, error = None, ""
    if request.method == "POST":
        shown, error = _reveal(request, enrolment, at)
    else:
        services.viewed(request.user, enrolment, at)
    response = render(request, "care/reveal.html", {"enrolment": enrolment, "masked": services.masked(enrolment),
                                                     "shown": shown, "error": error})
    add_never_cache_headers(response)
    return response


def _reveal(request, enrolment, at) -> tuple:
    try:
        return services.reveal(request.user, enrolment, request.POST.get("reason", ""), at), ""
    except NotAllowed as refusal:
        raise PermissionDenied(refusal.message) from None
    except InvalidInput as refusal:
        return None, refusal.message


@login_required
def figures_index(request):
    area = figures_.home_area(request.user)
    if area is None:
        raise Http404
    return redirect("care:figures", area.code)


@login_required
def figures(request, code):
    """关爱帮扶统计: counts per programme and area, no names."""
    area = figures_.area_for(request.user, code)
    if area is None:
        raise Http404
    rows, total = figures_.figures(area)
    return render(request, "care/figures.html", {"area": area, "rows": rows, "total": total,
                                                 "programmes": Programme.labels})
