"""The leader's page (我的包案), its block on the home page, and a petition's file (信访档案).

Pages read; every change is a step taken on the case page or through the API. Nothing here lists, counts
or finds petitions by the petitioner: the leader's page is by leader, the file is one case's.
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from civicgrid.cases.choices import CaseKind
from civicgrid.cases.models import Case

from . import services
from .models import Petition

PER_PAGE = 50
PANEL_ROWS = 5


@login_required
def mine(request):
    """我的包案: the open petitions the user owns, the late first, with the date due and the next visit."""
    page = Paginator(services.led_by(request.user), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "petitions/mine.html", {"page": page, "rows": _rows(page)})


def panel(request) -> dict:
    """The home page's first block for a leader: their petitions, the late first."""
    found = list(services.led_by(request.user)[:PANEL_ROWS + 1])
    return {"rows": _rows(found[:PANEL_ROWS]), "more": len(found) > PANEL_ROWS}


def _rows(petitions) -> list[tuple[Petition, str]]:
    now = timezone.now()
    return [(petition, petition.light(now)) for petition in petitions]


@login_required
def detail(request, number):
    """信访档案: one petition's record and its visits; outside the user's scope, or not a petition, a 404."""
    case = Case.objects.restrict(request.user).filter(number=number, kind=CaseKind.PETITION) \
        .select_related("area").first()
    if case is None:
        raise Http404
    record = Petition.objects.filter(case=case).select_related("leader").first()
    visits = list(record.visits.select_related("recorded_by")) if record else []
    return render(request, "petitions/detail.html", {"case": case, "record": record, "visits": visits,
                                                     "light": record.light() if record else ""})
