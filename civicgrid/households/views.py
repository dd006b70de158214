"""The heads' pages (包户走访): each head's unit with its households, their last visits, those due, the open
matters and the coverage of the areas below; a household's page with its visits; the forms that register a
household and a visit (a finding filed as a case in the same step); a head of household's details revealed
with a reason. Outside the user's scope every page is a 404; the rules are ``services``'."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from civicgrid.cases.models import Case
from civicgrid.cases.reveal import revealing
from civicgrid.cases.workflow import InvalidInput
from civicgrid.core.views import reveal_page
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.models import Area
from civicgrid.geo.services import crumbs
from civicgrid.orgs.choices import Role

from . import coverage, due, forms, services
from .models import Household, Visit

PER_PAGE = 30
MATTERS_SHOWN = 20
ROOTS_SHOWN = 20
UNITS_MAX = 500
# Households are listed from a community down (a few hundred on average); a township's page and those above
# show the coverage of each area below, whose pages list them, instead of sorting a county's households.
LISTED_FROM = AreaLevel.COMMUNITY


@login_required
def index(request):
    """包户走访: the user's one node opens at once; a 片长's communities (or several nodes) are listed with
    their coverage."""
    roots = request.user.scope.home()[:ROOTS_SHOWN]
    if not roots:
        raise Http404
    if len(roots) == 1:
        return redirect("households:area", code=roots[0].code)
    role, days = services.period_at(request.user, roots[0].code)
    since = timezone.now() - timedelta(days=days)
    return render(request, "households/index.html", {"figures": coverage.of_areas(roots, since), "days": days,
                                                     "role": Role(role).label})


def _area(user, code: str) -> Area:
    found = services.area_in_scope(user, code)
    if found is None:
        raise Http404
    return found


@login_required
def area(request, code):
    """A head's page: their households (those not visited within the period with ``?due=1``), the last visit
    of each, the coverage of the areas below and the open matters at their units."""
    found = _area(request.user, code)
    role, days = services.period_at(request.user, found.code)
    since = timezone.now() - timedelta(days=days)
    total, children = coverage.rollup(found, since)
    context = {"area": found, "crumbs": crumbs(request.user, found), "role": Role(role).label, "days": days,
               "since": since, "total": total, "children": children, "matters": _matters(request.user, found.code),
               "may_keep": services.may_keep(request.user, found.code), "is_unit": found.level in services.UNIT_LEVELS}
    if found.level >= LISTED_FROM:
        context.update(_households(request, found, since))
    return render(request, "households/area.html", context)


def _households(request, found: Area, since) -> dict:
    """The page of households (``?due=1``: those not visited since ``since``), masked."""
    households = services.households_under(request.user, found.code).select_related("unit")
    showing_due = request.GET.get("due") == "1"
    if showing_due:
        households = households.filter(services.not_visited_since(since))
    page = Paginator(households, PER_PAGE).get_page(request.GET.get("page"))
    return {"page": page, "rows": _rows(page.object_list), "showing_due": showing_due}


def _rows(households) -> list[dict]:
    return [{"household": household, **services.masked(household)} for household in households]


def _matters(user, code: str) -> list[dict]:
    """Open cases at the units: a link where the user may open the case, the title alone elsewhere."""
    cases = list(services.open_matters(code)[:MATTERS_SHOWN])
    openable = set(Case.objects.visible_to(user).filter(pk__in=[case.pk for case in cases])
                   .values_list("pk", flat=True))
    return [{"case": case, "openable": case.pk in openable} for case in cases]


def _household(user, pk: int) -> Household:
    return get_object_or_404(Household.objects.restrict(user).select_related("unit"), pk=pk)


@login_required
def household(request, pk):
    """A household: its details masked, and its visits, newest first."""
    found = _household(request.user, pk)
    visits = Visit.objects.filter(household=found).select_related("visitor", "case")
    page = Paginator(visits, PER_PAGE).get_page(request.GET.get("page"))
    context = {"household": found, **services.masked(found), "page": page,
               "may_keep": services.may_keep(request.user, found.unit_code)}
    return render(request, "households/household.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def new_household(request, code):
    """登记住户 under one of the units below ``code`` the user answers for."""
    found = _area(request.user, code)
    units = _units(request.user, found)
    if not units:
        raise PermissionDenied
    form = forms.HouseholdForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.add_household(request.user, form.draft())
        except InvalidInput as refusal:
            form.refused(refusal)
        else:
            messages.success(request, _("已登记住户 %(door)s。") % {"door": made.door})
            return redirect("households:household", pk=made.pk)
    return render(request, "households/household_form.html", {"area": found, "form": form})


def _units(user, found: Area) -> list[Area]:
    """The units at or below ``found`` the user answers for, in tree order."""
    units = Area.objects.filter(code__startswith=found.code, level__in=services.UNIT_LEVELS).order_by("code")
    return [unit for unit in units[:UNITS_MAX] if services.may_keep(user, unit.code)]


@login_required
@require_http_methods(["GET", "POST"])
def visit_household(request, pk):
    """登记走访 of a household."""
    found = _household(request.user, pk)
    return _visit(request, {"household": found}, found.unit)


@login_required
@require_http_methods(["GET", "POST"])
def visit_unit(request, code):
    """登记走访 of a unit as a whole (its stairwells, its courtyard)."""
    found = _area(request.user, code)
    if found.level not in services.UNIT_LEVELS:
        raise Http404
    return _visit(request, {"unit": found}, found)


def _visit(request, target: dict, unit: Area):
    if not services.may_keep(request.user, unit.code):
        raise PermissionDenied
    form = forms.VisitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.record_visit(request.user, form.draft(**target))
        except InvalidInput as refusal:
            form.refused(refusal)
        else:
            return _visited(request, made)
    return render(request, "households/visit_form.html", {**target, "unit_area": unit, "form": form})


def _visited(request, made: Visit):
    if made.case is not None:
        messages.success(request, _("已登记走访，发现的问题已转为案件 %(number)s。") % {"number": made.case.number})
    else:
        messages.success(request, _("已登记走访。"))
    if made.household_id:
        return redirect("households:household", pk=made.household_id)
    return redirect("households:area", code=made.unit_code)


@login_required
@require_http_methods(["GET", "POST"])
def reveal(request, pk):
    """GET: the head of household masked and a reason form; POST: their name and phone in full, logged, for
    this answer only."""
    found = _household(request.user, pk)
    if not services.may_reveal(request.user, found):
        raise PermissionDenied

    reveal = revealing(lambda reason, at: services.reveal(request.user, found, reason, at))
    return reveal_page(request, "households/reveal.html", {"household": found, **services.masked(found)}, reveal)


def home_panel(request) -> dict | None:
    """The keeper's home page: their households and how many are due, per role held."""
    return due.summary(request.user, timezone.now())
