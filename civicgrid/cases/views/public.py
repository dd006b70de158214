"""Residents' pages, no login: report a matter (信息采集), follow it by number and phone, rate the result (回访).

Filing goes through ``intake.file_case`` and rating through ``services.transition``; these views only
turn what was typed into their arguments and their refusals into messages next to the fields.

What a resident sees of a case is the rule of ``cases.timeline`` (tested in test_public_*), which
Open311 shares.
"""

import json
from urllib.parse import urlencode

import shapely
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.locator import get_index
from civicgrid.geo.models import Boundary

from .. import attachments, intake, search, services, throttles, workflow
from ..choices import Satisfaction, Status
from ..forms.public import CallbackForm, ReportForm, TrackForm
from ..models import Attachment, Case, Category
from ..timeline import explanations, public_timeline, result_actions
from ..workflow import Action, WorkflowError

RATEABLE = frozenset({Status.CLOSED, Status.SELF_RESOLVED})
REMEMBERED = 20


# ---- 我要反映: the report form -----------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
def report(request):
    if request.method == "POST":
        form = ReportForm(request.POST, request.FILES)
        try:
            case = _file_paced(request, form)
        except throttles.TooSoon as wait:
            return render(request, "cases/public_report.html", {**report_context(request, form), "wait": wait},
                          status=429)
        if case is not None:
            _remember(request, "filed", case.pk)
            _remember(request, "tracked", case.pk)
            return redirect("public:done", number=case.number)
    else:
        form = ReportForm(initial={"category": request.GET.get("category", "")})
    return render(request, "cases/public_report.html", report_context(request, form))


def _file_paced(request, form: ReportForm) -> Case | None:
    """A resident's report, counted against the session's and the address's pace (``throttles``)."""
    counters = throttles.reserve_report(request)
    case = file_report(form)
    if case is None:
        throttles.release(counters)
    else:
        throttles.filed(request, counters)
    return case


def file_report(form: ReportForm, user=None) -> Case | None:
    """The new case, or None with every problem (the form's and intake's) put next to its field."""
    valid = form.is_valid()
    report_ = form.to_report()
    if not valid:
        form.add_problems(_intake_problems(report_))
        return None
    try:
        return intake.file_case(report_, user=user)
    except WorkflowError as error:
        form.add_problems(error.errors or {"__all__": error.message})
        return None


def _intake_problems(report_) -> dict:
    """What intake would also say, so one round shows everything; nothing is written."""
    problems = intake.check(report_)
    intake.place(report_, problems)
    return problems


def report_context(request, form: ReportForm) -> dict:
    form.mark_invalid()
    query, parent = picker_input(request)
    return {
        "form": form, "query": query, **picker(query, parent), "chosen": _entry(form.chosen),
        "files_lost": bool(form.is_bound and form.files), "map": map_frame(),
        "upload_max_files": attachments.max_files(), "upload_max_size": filesizeformat(attachments.max_size()),
        "upload_types": attachments.ALLOWED_LABEL, "free_reports": settings.CIVICGRID_REPORT_FREE_PER_SESSION,
        "wait": None,
    }


def picker_input(request) -> tuple[str, str]:
    """The picker's query (``q``) and the branch being browsed (``in``), cut to a sane length."""
    return request.GET.get("q", "").strip()[:search.QUERY_MAX], request.GET.get("in", "").strip()[:40]


@require_GET
def report_done(request, number):
    """受理回执: the number to keep and how to follow the case; only for the browser that filed it."""
    case = Case.objects.filter(number=number, pk__in=request.session.get("filed", [])).first()
    if case is None:
        raise Http404
    event = case.events.filter(action=Action.REPORT).first()
    return render(request, "cases/public_report_done.html", {
        "case": case, "warning": event.note if event else "", "category_path": case.category.display_path})


# ---- the category picker -------------------------------------------------------------------------------

def picker(query: str, parent: str = "") -> dict:
    """What the picker lists: the best matches for ``query`` (``search.find``), or else the children of
    ``parent`` with the trail of branches above them, for going back up."""
    if query:
        found, more = search.find(query)
        return {"results": [search.entry(c) for c in found], "more": more, "trail": []}
    children, trail = search.browse(parent)
    return {"results": [search.entry(c) for c in children], "more": False,
            "trail": [search.entry(c) for c in trail]}


@require_GET
def categories(request):
    """JSON for the picker: ``?q=`` searches (at most 30), ``?in=<code>`` lists a branch's children."""
    return JsonResponse(picker(*picker_input(request)))


@require_GET
def category_fields(request):
    """The extra fields of the chosen category and its description limit, as HTML for the report form."""
    form = ReportForm(initial={"category": request.GET.get("category", "")})
    return render(request, "cases/public_extra_fields.html", {"form": form})


def _entry(category: Category | None) -> dict | None:
    # Shown as the chosen option even if someone posted a branch.
    return search.entry(category, leaf=True) if category else None


# ---- the map -------------------------------------------------------------------------------------------

def map_frame() -> dict:
    """Where the report map opens: the extent of the city's grids ([west, south, east, north])."""
    index = get_index()
    if not len(index):
        return {"bounds": ""}
    bounds = shapely.total_bounds(index.geometries)
    return {"bounds": ",".join(f"{value:.5f}" for value in bounds)}


@require_GET
def outlines(request):
    """County outlines of the city, simplified, so the map is readable with no tile server (intranets)."""
    region = get_index().region_code
    key = f"public:outlines:{region}"
    data = cache.get(key)
    if data is None:
        data = _outline_features(region)
        cache.set(key, data, 600)
    return JsonResponse(data)


def _outline_features(region: str) -> dict:
    boundaries = Boundary.objects.current().filter(area__code__startswith=region, area__level__lte=AreaLevel.COUNTY,
                                                   area__level__gte=AreaLevel.CITY).select_related("area")
    features = [{"type": "Feature", "properties": {"name": b.area.name},
                 "geometry": json.loads(shapely.to_geojson(shapely.simplify(b.geometry, 0.002)))}
                for b in boundaries] if region else []
    return {"type": "FeatureCollection", "features": features}


# ---- 查询进度: tracking by number and phone ---------------------------------------------------------------

@require_http_methods(["GET", "POST"])
def track(request):
    if request.method == "GET":
        form = TrackForm(initial={"number": request.GET.get("number", "")[:32]})
        return render(request, "cases/public_track.html", {"form": form, "locked": throttles.lookups_stopped(request)})
    form = TrackForm(request.POST)
    if throttles.lookups_stopped(request):
        return _stopped(request, form)
    if not form.is_valid():
        return render(request, "cases/public_track.html", {"form": form, "locked": False})
    number = form.cleaned_data["number"]
    if throttles.lookups_stopped(request, number):
        return _stopped(request, form)
    case = lookup(number, form.cleaned_data["phone"])
    if case is None:
        throttles.lookup_failed(request, number)
        # One message for both: a hint which one is wrong would help someone guessing phone numbers.
        form.add_error(None, _("编号或手机号不正确。"))
        return render(request, "cases/public_track.html",
                      {"form": form, "locked": throttles.lookups_stopped(request, number)})
    return _open(request, case, number)


def _stopped(request, form: TrackForm):
    return render(request, "cases/public_track.html", {"form": form, "locked": True}, status=429)


def lookup(number: str, phone: str) -> Case | None:
    """The case the pair opens: the reporter's or a follower's phone; a merged duplicate opens its original."""
    case = Case.objects.filter(number=number).first()
    if case is None or not phone:
        return None
    if phone != case.reporter_phone and not case.followers.filter(phone=phone).exists():
        return None
    return original_of(case)


def original_of(case: Case) -> Case:
    for _hop in range(10):
        if case.status != Status.MERGED or case.duplicate_of_id is None:
            break
        case = case.duplicate_of
    return case


def _open(request, case: Case, asked: str):
    _remember(request, "tracked", case.pk)
    if case.number != asked:
        messages.info(request, _("编号 %(asked)s 与 %(number)s 反映的是同一问题，已合并办理，以下是 %(number)s 的进度。")
                      % {"asked": asked, "number": case.number})
    return redirect("public:case", number=case.number)


@require_GET
def tracked(request, number):
    """The case as the resident may see it; without a lookup in this session, the lookup form."""
    case = _tracked_case(request, number)
    if case is None:
        return _ask_for_phone(number)
    original = original_of(case)
    if original.pk != case.pk:  # merged since it was looked up
        return _open(request, original, case.number)
    return render(request, "cases/public_case.html", case_context(case, CallbackForm(initial={"version": case.version})))


def _ask_for_phone(number: str):
    return redirect(f"{reverse('public:track')}?{urlencode({'number': number})}")


def _tracked_case(request, number) -> Case | None:
    ids = request.session.get("tracked", [])
    return Case.objects.select_related("category").filter(number=number, pk__in=ids).first()


def case_context(case: Case, callback_form: CallbackForm) -> dict:
    return {
        "case": case, "category_path": case.category.display_path, "timeline": public_timeline(case),
        "explanation": explanations().get(case.status, ""), "rateable": case.status in RATEABLE,
        "callback_form": callback_form,
    }


@require_POST
def callback(request, number):
    """回访: the resident rates the result; an unsatisfied answer reopens the case (返工)."""
    case = _tracked_case(request, number)
    if case is None:
        return _ask_for_phone(number)
    form = CallbackForm(request.POST)
    if form.is_valid() and _rate(request, case, form):
        return redirect("public:case", number=case.number)
    case.refresh_from_db()
    form.data = form.data.copy()
    form.data["version"] = case.version  # the next try is about the case as it is now
    if case.status not in RATEABLE and form.non_field_errors():
        messages.error(request, " ".join(form.non_field_errors()))
    return render(request, "cases/public_case.html", case_context(case, form))


def _rate(request, case: Case, form: CallbackForm) -> bool:
    data = form.cleaned_data
    try:
        services.transition(case, Action.CALLBACK, workflow.RESIDENT, satisfaction=data["satisfaction"],
                            note=data["note"], version=data["version"])
    except WorkflowError as error:
        for key, message in (error.errors or {None: error.message}).items():
            form.add_error(key if key in form.fields else None, message)
        return False
    if data["satisfaction"] == Satisfaction.UNSATISFIED:
        messages.warning(request, _("已收到您的评价：不满意。该问题将重新办理（返工），办理完成后会再次请您评价。"))
    else:
        messages.success(request, _("已收到您的评价，感谢您的支持！"))
    return True


@require_GET
def photo(request, number, pk):
    """A result photo of a case looked up in this session; anything else is not found."""
    case = _tracked_case(request, number)
    attachment = Attachment.objects.filter(pk=pk, case=case, event__action__in=result_actions()).first() \
        if case else None
    if attachment is None:
        raise Http404
    return attachments.response(attachment)


def _remember(request, key: str, pk: int) -> None:
    """Keep the last few case ids in the session (filed here, or looked up with the right phone)."""
    ids = [pk, *(i for i in request.session.get(key, []) if i != pk)][:REMEMBERED]
    request.session[key] = ids


