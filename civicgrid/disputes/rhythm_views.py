"""Pages of the disputes' rhythm (日排查、周化解、月研判、季通报), the grid's 零报告 and the 群众说事日.

Each figure page is for one area in the user's scope (any other code is a 404), opened from the menu at the
user's own area; ``?format=xlsx`` downloads the same figures as a workbook, the quarterly bulletin also
``?format=pdf``. A bad or future day, month or quarter is answered with the page's form and the reason
(400), no figures. The zero report and the talk days change records through their services
(``zeroreports``, ``talkdays``), which check who may; a refusal comes back as a message, nothing changed.
"""

import json
from datetime import date
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from civicgrid.cases.workflow import WorkflowError
from civicgrid.core import xlsx
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.models import Area
from civicgrid.geo.services import crumbs

from . import rhythm, rhythm_exports, talkdays, zeroreports
from .models import TalkDay

PAGES = {"daily": gettext_lazy("日排查"), "weekly": gettext_lazy("周化解"), "monthly": gettext_lazy("月研判"),
         "quarterly": gettext_lazy("季通报")}
PERIOD_FIELDS = ("day", "month", "quarter")
# The period each page is asked for: the query's name, its input's type and its label.
PERIOD_INPUTS = {"daily": ("day", "date", gettext_lazy("日期")), "monthly": ("month", "month", gettext_lazy("月份")),
                 "quarterly": ("quarter", "text", gettext_lazy("季度"))}


def _scoped_area(user, code: str) -> Area:
    area = Area.objects.restrict(user).filter(code=code, level__lte=AreaLevel.GRID).select_related("parent").first()
    if area is None:
        raise Http404
    return area


def _choices(user, area: Area) -> list[Area]:
    """The areas the selector offers: the ancestors the user's scope reaches, the area, its children."""
    above = [ancestor for ancestor, reached in crumbs(user, area) if reached]
    return [*above, area, *rhythm.children(area)] if not area.is_grid else [*above, area]


def _context(request, page: str, area: Area, period_value: str = "", **extra) -> dict:
    name, kind, label = PERIOD_INPUTS.get(page, ("", "", ""))
    return {"page": page, "pages": PAGES, "title": PAGES[page], "area": area, "choices": _choices(request.user, area),
            "crumbs": crumbs(request.user, area), "query": request.GET.urlencode(), "period_name": name,
            "period_type": kind, "period_label": label, "period_value": period_value or request.GET.get(name, ""),
            **extra}


@login_required
def index(request, page: str):
    """The page at the area picked in the selector (``?area=``), or at the user's own area."""
    code = request.GET.get("area") or _home(request.user)
    query = {key: request.GET[key] for key in PERIOD_FIELDS if request.GET.get(key)}
    url = reverse(f"disputes:{page}", args=[code])
    return redirect(f"{url}?{urlencode(query)}" if query else url)


def _home(user) -> str:
    tops = user.scope.home()
    if not tops:
        raise Http404
    return tops[0].code


def _refused(request, page: str, area: Area, error: WorkflowError) -> HttpResponse:
    messages.error(request, error.message)
    return render(request, f"disputes/rhythm/{page}.html", _context(request, page, area, refused=error), status=400)


# --- 日排查 and 零报告 ----------------------------------------------------------------------------------


def _asked(request, code: str, page: str, parse):
    """The area in scope and the period the query asks for; or, for a bad or future period, the refusal."""
    area = _scoped_area(request.user, code)
    try:
        return area, parse(request.GET.get(PERIOD_INPUTS[page][0]), timezone.localdate()), None
    except WorkflowError as error:
        return area, None, _refused(request, page, area, error)


def _wants(request, kind: str) -> bool:
    return request.GET.get("format") == kind


@login_required
def daily(request, code: str):
    area, day, refused = _asked(request, code, "daily", rhythm.parse_day)
    if refused:
        return refused
    found = rhythm.daily(area, day)
    if _wants(request, "xlsx"):
        return xlsx.response(rhythm_exports.daily_sheets(found), f"日排查-{area.name}-{day}")
    may_report = area.is_grid and zeroreports.may_report(request.user, area)
    return render(request, "disputes/rhythm/daily.html",
                  _context(request, "daily", area, f"{day:%Y-%m-%d}", report=found, day=day, may_report=may_report,
                           today=day == timezone.localdate()))


@login_required
@require_POST
def zero_report(request, code: str):
    """零报告 of the grid for today, by its own grid worker; back to the grid's daily screening."""
    grid = _scoped_area(request.user, code)
    try:
        zeroreports.report(request.user, grid)
    except WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("“%(grid)s”今日零报告已提交。") % {"grid": grid.name})
    return redirect("disputes:daily", code=grid.code)


# --- 周化解 --------------------------------------------------------------------------------------------


@login_required
def weekly(request, code: str):
    area = _scoped_area(request.user, code)
    now = timezone.now()
    if _wants(request, "xlsx"):
        found = rhythm.weekly(area, now, limit=None)
        return xlsx.response(rhythm_exports.weekly_sheets(found), f"周化解-{area.name}-{timezone.localdate(now)}")
    found = rhythm.weekly(area, now)
    groups = [(_("按调解员"), found.by_mediator, "by-mediator"), (_("按调解组织"), found.by_committee, "by-committee")]
    rows = [{"case": case, "mediators": rhythm.mediators_of(case), "days": (now - case.reported_at).days,
             "late": case.due_at is not None and case.due_at < now} for case in found.disputes]
    return render(request, "disputes/rhythm/weekly.html",
                  _context(request, "weekly", area, report=found, groups=groups, rows=rows,
                           more=found.total - len(found.disputes)))


# --- 月研判 --------------------------------------------------------------------------------------------


@login_required
def monthly(request, code: str):
    area, period, refused = _asked(request, code, "monthly", rhythm.parse_month)
    if refused:
        return refused
    found = rhythm.monthly(area, period)
    if _wants(request, "xlsx"):
        return xlsx.response(rhythm_exports.monthly_sheets(found), f"月研判-{area.name}-{period.start:%Y-%m}")
    counts = {child.code: figures.total for child, figures in found.by_area}
    breakdowns = [(_("按纠纷类型"), found.by_type, "by-type"), (_("按来源"), found.by_source, "by-source"),
                  (_("按调解方式"), found.by_method, "by-method")]
    return render(request, "disputes/rhythm/monthly.html",
                  _context(request, "monthly", area, f"{period.start:%Y-%m}", report=found, breakdowns=breakdowns,
                           counts=json.dumps(counts), geojson_url=reverse("geo:area_geojson", args=[area.code])))


# --- 季通报 --------------------------------------------------------------------------------------------


@login_required
def quarterly(request, code: str):
    area, period, refused = _asked(request, code, "quarterly", rhythm.parse_quarter)
    if refused:
        return refused
    found = rhythm.quarterly(area, period)
    name = f"季通报-{area.name}-{period.start.year}Q{(period.start.month + 2) // 3}"
    if _wants(request, "xlsx"):
        return xlsx.response(rhythm_exports.quarterly_sheets(found), name)
    if _wants(request, "pdf"):
        answer = HttpResponse(rhythm_exports.bulletin(found, request), content_type="application/pdf")
        answer["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}.pdf"
        return answer
    quarter = f"{period.start.year}-Q{(period.start.month + 2) // 3}"
    return render(request, "disputes/rhythm/quarterly.html", _context(request, "quarterly", area, quarter, report=found,
                                                                        rankings=rhythm_exports.rankings(found)))


# --- 群众说事日 ------------------------------------------------------------------------------------------

TALK_DAYS_SHOWN = 50
SCHEDULE_FIELDS = ("village", "held_on", "place", "host")
FILING_FIELDS = ("grid", "matters")


def _form(request, fields) -> dict:
    """What was posted, every field present (empty when not sent), to show it again."""
    return {name: request.POST.get(name, "") for name in fields}


@login_required
@require_http_methods(["GET", "POST"])
def talk_days(request):
    """The talk days of the villages in scope, newest first, and the form that schedules one."""
    if request.method == "POST":
        return _schedule(request)
    return _talk_days_page(request, {})


def _talk_days_page(request, errors: dict, status: int = 200):
    listed = (TalkDay.objects.restrict(request.user).select_related("village__parent")
              .order_by("-held_on", "village__code")[:TALK_DAYS_SHOWN])
    return render(request, "disputes/rhythm/talk_days.html",
                  {"talk_days": listed, "villages": talkdays.villages(request.user),
                   "errors": {**dict.fromkeys(SCHEDULE_FIELDS, ""), **errors}, "form": _form(request, SCHEDULE_FIELDS),
                   "today": timezone.localdate()}, status=status)


def _schedule(request):
    village = Area.objects.restrict(request.user).filter(pk=_int(request.POST.get("village"))).first()
    if village is None:
        messages.error(request, _("请选择您负责范围内的一个村（社区）。"))
        return _talk_days_page(request, {"village": _("请选择村（社区）。")}, status=400)
    try:
        talk_day = talkdays.schedule(request.user, village, _date(request.POST.get("held_on")),
                                     request.POST.get("place", ""), request.POST.get("host", ""))
    except WorkflowError as error:
        messages.error(request, error.message)
        return _talk_days_page(request, error.errors, status=400)
    messages.success(request, _("已安排%(village)s %(day)s 的群众说事日。") % {"village": village.name,
                                                                        "day": talk_day.held_on})
    return redirect("disputes:talk_day", pk=talk_day.pk)


def _int(value) -> int | None:
    return int(value) if value and str(value).isdigit() else None


def _date(value):
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@login_required
@require_http_methods(["GET", "POST"])
def talk_day(request, pk: int):
    """One talk day: where and when, and once held, the matters raised, entered as a list and filed at once."""
    found = TalkDay.objects.restrict(request.user).select_related("village", "filed_by").filter(pk=pk).first()
    if found is None:
        raise Http404
    if request.method == "POST":
        return _file(request, found)
    return _talk_day_page(request, found, {})


def _talk_day_page(request, found: TalkDay, errors: dict, status: int = 200):
    context = {"talk_day": found, "cases": found.cases.select_related("category").order_by("pk"),
               "grids": talkdays.village_grids(found.village), "errors": errors,
               "form": _form(request, FILING_FIELDS),
               "may_run": talkdays.may_run(request.user, found.village),
               "due": found.held_on <= timezone.localdate()}
    return render(request, "disputes/rhythm/talk_day.html", context, status=status)


def _file(request, found: TalkDay):
    grid = Area.objects.filter(pk=_int(request.POST.get("grid")), level=AreaLevel.GRID).first()
    try:
        filed = talkdays.file_matters(request.user, found, request.POST.get("matters", ""), grid)
    except WorkflowError as error:
        messages.error(request, error.message)
        return _talk_day_page(request, found, error.errors, status=400)
    messages.success(request, _("已将 %(n)d 项事项登记为案件。") % {"n": len(filed)})
    return redirect("disputes:talk_day", pk=found.pk)
