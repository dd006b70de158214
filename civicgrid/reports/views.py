"""Pages of the periodic reports (定期报表), the 综治专报 brief and the rebuild of the figures (统计汇总重建).

The list shows the reports of the user's centres (``services.centres``); a report or centre of any other area
answers 404. Asking and asking again are POSTs through ``services.request``, which checks who may and
refuses a period that has not ended; a refusal is shown on the list, nothing changed. Running work is
followed by polling its small JSON progress answer (``static/civicgrid/progress.js``). The brief is made
by ``brief.compose`` and answered as a Word document, or its form again with the reason.
"""

from io import BytesIO

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civicgrid.cases.forms.staff import first_error
from civicgrid.cases.workflow import WorkflowError
from civicgrid.dashboards.figures import Period

from . import progress, services
from .brief import Draft, compose, numbers
from .forms import BriefForm, RequestForm
from .models import Rebuild, Report

LISTED = 100
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _report(user, pk: int) -> Report:
    return get_object_or_404(services.reports(user), pk=pk)


def _page(request, form: RequestForm, status: int = 200):
    user = request.user
    centres = list(services.centres(user))
    if not centres:
        raise Http404
    return render(request, "reports/index.html", {
        "form": form, "day_value": _as_text(form["day"].value()), "centres": centres,
        "reports": services.reports(user)[:LISTED],
        "may_rebuild": services.may_rebuild(user)}, status=status)


def _as_text(value) -> str:
    """A date input's value: a date as ISO, what was typed as typed."""
    return value.isoformat() if hasattr(value, "isoformat") else value or ""


@login_required
def index(request):
    return _page(request, RequestForm(initial={"centre": request.GET.get("centre", "")}))


@login_required
@require_POST
def ask(request):
    """生成报表: the centre's report of the period around the day given, queued (or queued again)."""
    form = RequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, first_error(form))
        return _page(request, form, status=400)
    centre = services.centres(request.user).filter(area__code=form.cleaned_data["centre"]).first()
    if centre is None:
        raise Http404
    try:
        report, queued = services.request(request.user, centre, form.cleaned_data["kind"], form.cleaned_data["day"])
    except WorkflowError as error:
        messages.error(request, error.message)
        return _page(request, form, status=400)
    _said(request, report, queued)
    return redirect("reports:index")


@login_required
@require_POST
def again(request, pk: int):
    """重新生成: the report's files made again from the figures as they are now."""
    report = _report(request.user, pk)
    report, queued = services.request(request.user, report.centre, report.kind, report.start)
    _said(request, report, queued)
    return redirect("reports:index")


def _said(request, report: Report, queued: bool) -> None:
    name = services.report_name(report)
    if queued:
        messages.success(request, _("已提交“%(name)s”的生成。") % {"name": name})
    else:
        messages.info(request, _("“%(name)s”正在生成，无需重复提交。") % {"name": name})


@login_required
def download(request, pk: int, extension: str):
    report = _report(request.user, pk)
    file = report.xlsx if extension == "xlsx" else report.pdf
    if not file or not file.storage.exists(file.name):
        raise Http404
    return FileResponse(file.open("rb"), as_attachment=True, filename=services.filename(report, extension))


def _progress(job) -> JsonResponse:
    job = progress.read(job)
    return JsonResponse({"status": job.status, "label": job.get_status_display(), "done": job.done,
                         "total": job.total, "percent": job.percent, "message": job.message})


@login_required
def report_progress(request, pk: int):
    return _progress(_report(request.user, pk))


# --- 综治专报 ----------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def brief(request):
    """The brief's form; a POST that makes one answers with the Word document, a refusal with the form."""
    centres = list(services.centres(request.user))
    if not centres:
        raise Http404
    form = BriefForm(request.POST or None, initial={"cases": request.GET.get("cases", "")})
    if request.method == "POST":
        made = _brief(request, form)
        if made:
            return made
    return render(request, "reports/brief.html", {"form": form, "centres": centres},
                  status=400 if request.method == "POST" else 200)


def _brief(request, form: BriefForm):
    if not form.is_valid():
        messages.error(request, first_error(form))
        return None
    data = form.cleaned_data
    centre = services.centres(request.user).filter(area__code=data["centre"]).first()
    if centre is None:
        raise Http404
    try:
        draft = Draft(centre, data["title"], Period(data["start"], data["end"]), data["figures"], data["rankings"],
                      numbers(data["cases"]), data["note"])
        document = compose(request.user, draft)
    except WorkflowError as error:
        messages.error(request, error.message)
        return None
    return FileResponse(BytesIO(document), as_attachment=True, content_type=DOCX,
                        filename=f"{data['title']}-{centre.name}.docx")


# --- 统计汇总重建 ----------------------------------------------------------------------------------------


def _rebuilder(user) -> None:
    if not services.may_rebuild(user):
        raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def rebuild(request):
    """The rebuilds of the figures, latest first; POST starts one (or finds the one under way)."""
    _rebuilder(request.user)
    if request.method == "POST":
        _rebuild, started = services.start_rebuild(request.user)
        messages.success(request, _("已提交统计汇总重建。") if started else _("统计汇总正在重建，无需重复提交。"))
        return redirect("reports:rebuild")
    rebuilds = [progress.read(job) for job in Rebuild.objects.select_related("requested_by")[:20]]
    return render(request, "reports/rebuild.html", {"rebuilds": rebuilds})


@login_required
def rebuild_progress(request, pk: int):
    _rebuilder(request.user)
    return _progress(get_object_or_404(Rebuild, pk=pk))
