"""Staff pages of the one loop: the centre queue, the case page and its steps, the department inbox, approvals.

Every page is scoped: a case outside the user's scope answers 404. Every change goes through
``services.transition`` or ``services.decide``; a refusal (wrong role, wrong state, a stale page, bad
input) comes back as a message on the page it came from, and nothing is changed.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civicgrid.core import access
from civicgrid.core.choices import Via
from civicgrid.core.querysets import prefix_filter
from civicgrid.geo.services import crumbs
from civicgrid.orgs.choices import CENTRE_ROLES
from civicgrid.orgs.scope import node_prefixes

from .. import attachments, intake, queues, registry, reveal, services, workflow
from ..choices import ApprovalStatus, AssignmentStatus, Light, Status
from ..filters import CountedPaginator, filter_assignments, filter_cases
from ..forms import staff as forms
from ..models import Approval, Assignment, Attachment, Case, Category
from ..workflow import Action, WorkflowError
from . import public
from .fragments import numbers

# ---- shared helpers


def _htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _with_defaults(query, defaults: dict):
    """The query string with each default set whose key the page was opened without (a first visit)."""
    missing = {key: value for key, value in defaults.items() if key not in query}
    if not missing:
        return query
    query = query.copy()
    for key, value in missing.items():
        query[key] = value
    return query


def _next_url(request, default: str) -> str:
    url = request.POST.get("next")
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
        return url
    return default


def _scoped_cases(user):
    return Case.objects.restrict(user)


def _visible_cases(user):
    """The cases in scope and those the user filed, for reading a case: a 楼栋长 follows their own."""
    return Case.objects.visible_to(user)


def _scoped_case(user, number: str, queryset=None) -> Case:
    case = (queryset if queryset is not None else _scoped_cases(user)).filter(number=number).first()
    if case is None:
        raise Http404
    return case


def _may(user, action: str, case, assignment=None) -> bool:
    try:
        workflow.check(user, action, case, assignment)
    except WorkflowError:
        return False
    return True


def _tabs(choices, counts: dict) -> list[dict]:
    return [{"value": value, "label": label, "count": counts.get(value, 0)} for value, label in choices]


# ---- 中心案件队列


@login_required
def queue(request):
    """The cases of the user's scope, opened on the role's own work (``queues``), filtered and counted in SQL;
    a department opens on its inbox and a head on their reports instead."""
    user = request.user
    start = queues.opening(user)
    if start.page and not request.GET:
        return redirect(start.page)
    centres = [grant.area for grant in user.scope.holding(CENTRE_ROLES) if grant.area_id]
    form = forms.QueueFilterForm(_with_defaults(request.GET, start.filters), centre_user=bool(centres),
                                 scope_areas=forms.area_choices(user.scope.home()),
                                 categories=forms.category_choices())
    data = form.filters()
    if form.errors and _htmx(request):  # the form itself is not redrawn: say what was left out
        messages.warning(request, forms.first_error(form))
    found = filter_cases(_queue_base(user, centres, data.get("centre")), data)
    rows = found.rows.select_related("category", "area").defer("description", "extra")
    page = CountedPaginator(rows, data["per_page"], found.total).get_page(request.GET.get("page"))
    context = {"form": form, "filters": data, "page": page, "found": found,
               "bulk_actions": forms.BULK_ACTIONS if centres else [],
               "status_tabs": _tabs(Status.choices, found.status_counts),
               "light_tabs": _tabs(Light.choices, found.light_counts),
               "all_count": sum(found.status_counts.values()),
               "open_count": sum(found.status_counts.get(s, 0) for s in found.pseudo_statuses),
               "can_file": bool(intake.staff_channels(user))}
    return _render_list(request, "cases/queue.html", context)


def _render_list(request, template: str, context: dict):
    """The whole page, or for htmx (filters, paging, inline steps) just its results and the messages."""
    htmx = _htmx(request)
    return render(request, f"{template}#results" if htmx else template, {**context, "htmx": htmx})


def _queue_base(user, centres, scope: str | None):
    """The user's cases at their centres (``mine``), at those and the centres below (``below``), or all."""
    cases = _scoped_cases(user).with_light()
    if scope == queues.MINE:
        return cases.filter(centre_area__in=centres)
    if scope == queues.BELOW:
        return cases.filter(prefix_filter("centre_area__code", [centre.code for centre in centres]))
    return cases


@login_required
@require_POST
def bulk(request):
    """批量立案/催办: the step on each selected case through ``transition``; each refusal is reported."""
    form = forms.BulkForm(request.POST)
    back = _next_url(request, reverse("cases:queue"))
    if not form.is_valid():
        messages.error(request, forms.first_error(form))
        return redirect(back)
    action = form.cleaned_data["action"]
    cases = _scoped_cases(request.user).filter(number__in=form.cleaned_data["cases"]).order_by("number")
    done, refusals = _each(cases, action, request.user)
    _report_bulk(request, action, done, refusals)
    return redirect(back)


def _each(cases, action: str, user) -> tuple[int, list[str]]:
    done, refusals = 0, []
    for case in cases:
        try:
            services.transition(case, action, user)
        except WorkflowError as error:
            refusals.append(error.message)
        else:
            done += 1
    return done, refusals


def _report_bulk(request, action: str, done: int, refusals: list[str]) -> None:
    label = registry.label(action)
    if done:
        messages.success(request, _("“%(action)s”：%(n)d 件已办理。") % {"action": label, "n": done})
    if refusals:
        messages.warning(request, _("“%(action)s”：%(n)d 件未能办理。") % {"action": label, "n": len(refusals)})
    for message in refusals:
        messages.error(request, message)


# ---- 案件页


@dataclass
class ActionChoice:
    """One step the user may take now, shown as a small form (the step's fragment) on the case page."""

    row: registry.Step
    assignment: Assignment | None

    @property
    def action(self) -> str:
        return self.row.action

    @property
    def label(self) -> str:
        return self.row.label

    @property
    def key(self) -> str:
        return f"{self.row.action}-{self.assignment.pk if self.assignment else 'case'}"


@login_required
@require_http_methods(["GET", "POST"])
def new_case(request):
    """受理登记: a hotline call, a walk-in or a grid worker's finding, recorded on the resident's form."""
    user = request.user
    channels = intake.staff_channels(user)
    if not channels:
        raise Http404
    options = {"channels": channels, "units": list(intake.units_for(user)), "details": intake.may_file_details(user)}
    if request.method == "POST":
        form = forms.StaffReportForm(request.POST, request.FILES, **options)
        case = public.file_report(form, user)
        if case is not None:
            return _after_filing(request, case)
    else:
        initial = {"category": request.GET.get("category", ""), "unit": _own_unit(user, options["units"])}
        form = forms.StaffReportForm(initial=initial, **options)
    return render(request, "cases/new.html", {**public.report_context(request, form), "staff_form": True,
                                              "reporting": not options["details"]})


def _own_unit(user, units) -> str:
    """The unit a 楼栋长 or 楼层长 is assigned to, chosen for them when they open the form."""
    codes = {unit.code for unit in units}
    return next((grant.area.code for grant in user.scope.grants if grant.area_id and grant.area.code in codes), "")


def _after_filing(request, case):
    messages.success(request, _("已登记，案件编号 %(number)s。") % {"number": case.number})
    if getattr(case, "placement_warning", ""):
        messages.warning(request, case.placement_warning)
    if _visible_cases(request.user).filter(pk=case.pk).exists():
        return redirect("cases:detail", number=case.number)
    return redirect("cases:queue")


@login_required
def mine(request):
    """我的上报: the cases the user filed, newest first, with where they stand; each opens on its case page."""
    rows = Case.objects.filter(reported_by=request.user).with_light().select_related("area", "unit") \
        .defer("description", "extra")
    page = Paginator(rows, forms.PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "cases/mine.html", {"page": page})


@login_required
def detail(request, number):
    user = request.user
    related = ("category", "area", "centre_area", "reported_by", "duplicate_of", "parent", "unit")
    case = _scoped_case(user, number, _visible_cases(user).with_light().select_related(*related))
    assignments = list(case.assignments.with_light().select_related("department"))
    choices = [ActionChoice(row, a) for row, a in workflow.available(user, case, assignments)]
    # The page shows the reporter (name, masked numbers): a view of their record, in the access log.
    reveal.viewed(case, user, access.where(request, Via.PAGE))
    context = {
        "case": case, "assignments": assignments, "choices": choices,
        "numbers": numbers(case, reveal.may_reveal(user, case)),
        "category_path": Category.objects.filter(code__in=case.category.lineage_codes()).order_by("code"),
        "areas": _area_crumbs(user, case.area),
        "events": case.events.select_related("actor", "assignment__department").prefetch_related("attachments"),
        "attachments": case.attachments.all(),
        "approvals": _case_approvals(user, case), **_fragment_context(user, case, choices, assignments),
        **_kind_panel(user, case),
    }
    return render(request, "cases/detail.html", context)


def _kind_panel(user, case) -> dict:
    """The side record of the case's kind, where its app registered a panel for it (``registry.Kind.panel``)."""
    kind = registry.kind(case.kind)
    if kind is None or not kind.panel:
        return {}
    return {"kind_panel": kind.panel, **(kind.panel_context(user, case) if kind.panel_context else {})}


def _area_crumbs(user, area) -> list[tuple]:
    """The area and its ancestors; linked to the area browser only where the user's scope reaches."""
    return [*crumbs(user, area), (area, user.scope.covers(area.code))]


def _case_approvals(user, case) -> list[Approval]:
    approvals = list(case.approvals.filter(status=ApprovalStatus.PENDING)
                     .select_related("requested_by", "assignment__department"))
    for approval in approvals:
        approval.case = case  # already loaded; saves a query per row
    return _mark_decidable(user, approvals)


def _mark_decidable(user, approvals) -> list[Approval]:
    """Ask the table, per row, whether the user may carry out (or refuse) each request."""
    for approval in approvals:
        action = registry.approver_action(approval.kind)
        try:
            workflow.check(user, action, approval.case, approval.assignment)
        except WorkflowError as error:
            approval.may_decide, approval.refusal = False, error.message
        else:
            approval.may_decide, approval.refusal = True, ""
    return approvals


def _fragment_context(user, case, choices, assignments) -> dict:
    """What the offered steps' fragments need (their registered ``context``), loaded only when offered."""
    context = {}
    for step in {choice.row.action: choice.row for choice in choices}.values():
        if step.context:
            context.update(step.context(user, case, assignments))
    return context


@login_required
def attachment(request, number, pk):
    """A case's photo or file, served only to users who may read the case (never a public media URL)."""
    case = _visible_cases(request.user).filter(number=number)
    found = Attachment.objects.filter(case__in=case, pk=pk).first()
    if found is None:
        raise Http404
    return attachments.response(found)


@login_required
@require_POST
def act(request, number):
    """One step from the case page (or an inbox row): the form names the action and the version it showed."""
    case = _scoped_case(request.user, number)
    back = _next_url(request, reverse("cases:detail", args=[case.number]))
    form = forms.ActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, forms.first_error(form))
        return redirect(back)
    _take(request, case, form)
    return redirect(back)


def _take(request, case, form) -> None:
    data = form.cleaned_data
    try:
        services.transition(case, data["action"], request.user, version=data["version"],
                            assignment=data["assignment"], note=data["note"],
                            files=request.FILES.getlist("files"), **form.params())
    except WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("已完成“%(action)s”：%(number)s。") % {
            "action": registry.label(data["action"]), "number": case.number})


# ---- 部门待办


@login_required
def inbox(request):
    """Assignments of the user's departments, open ones first by due time, with 签收 inline."""
    user = request.user
    departments = user.scope.department_ids
    form = forms.InboxFilterForm(_with_defaults(request.GET, {"status": forms.ACTIVE}))
    data = form.filters()
    base = Assignment.objects.restrict(user).filter(department_id__in=departments).with_light()
    found = filter_assignments(base, data)
    rows = found.rows.select_related("case__category", "case__area", "department") \
        .order_by(F("due_at").asc(nulls_last=True), "-dispatched_at", "pk")
    page = CountedPaginator(rows, forms.PER_PAGE, found.total).get_page(request.GET.get("page"))
    page.object_list = [_with_accept(user, a) for a in page.object_list]
    context = {"form": form, "filters": data, "page": page, "found": found, "has_departments": bool(departments),
               "status_tabs": _tabs(AssignmentStatus.choices, found.status_counts),
               "light_tabs": _tabs(Light.choices, found.light_counts), "all_count": sum(found.status_counts.values()),
               "active_count": sum(found.status_counts.get(s, 0) for s in found.pseudo_statuses)}
    return _render_list(request, "cases/inbox.html", context)


def _with_accept(user, assignment) -> Assignment:
    assignment.may_accept = _may(user, Action.ACCEPT, assignment.case, assignment)
    return assignment


# ---- 待审批


@login_required
def approvals(request):
    """Pending requests in scope that the user's roles may decide; each row asks the table once more."""
    user = request.user
    pending = Approval.objects.restrict(user).filter(status=ApprovalStatus.PENDING).filter(_approver_filter(user)) \
        .select_related("case__centre_area", "case__category", "assignment__department", "requested_by") \
        .order_by("requested_at", "pk")
    page = Paginator(pending, forms.PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = _mark_decidable(user, list(page.object_list))
    return render(request, "cases/approvals.html", {"page": page})


def _approver_filter(user) -> Q:
    """Narrow in SQL to the kinds the user's roles approve, at the centres (or areas) those roles cover."""
    query = Q(pk__in=[])
    for step in (step for step in registry.steps() if step.approves):
        kind, roles = step.approves, step.roles
        codes = [code for grant in user.scope.holding(roles) for code in node_prefixes(grant)]
        field = "case__centre_area__code" if roles <= CENTRE_ROLES else "case__area_code"
        query |= Q(kind=kind) & prefix_filter(field, codes)
    return query


@login_required
@require_POST
def decide(request, pk):
    approval = Approval.objects.restrict(request.user).filter(pk=pk).first()
    if approval is None:
        raise Http404
    back = _next_url(request, reverse("cases:approvals"))
    form = forms.DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, forms.first_error(form))
        return redirect(back)
    _decide(request, approval, form.cleaned_data)
    return redirect(back)


def _decide(request, approval, data) -> None:
    approve = data["decision"] == "approve"
    try:
        services.decide(approval, approve, request.user, note=data["note"], version=data["version"])
    except WorkflowError as error:
        messages.error(request, error.message)
        return
    text = _("已同意 %(number)s 的%(kind)s申请。") if approve else _("已驳回 %(number)s 的%(kind)s申请。")
    messages.success(request, text % {"number": approval.case.number, "kind": approval.get_kind_display()})
