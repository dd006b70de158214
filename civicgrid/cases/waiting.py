"""我的任务 from the loop: the cases waiting for a step this user may take (立案, 派遣, 签收, 处理反馈, 核查, 结案,
回访 …), registered on the task list (``core.worklist``) by ``CasesConfig.ready``.

Which step a case waits for is the registry's (``Step.awaited_in``), so a kind another app registers brings its
own steps. Whose step it is: of the roles that may take it, those whose queue opens on the state (``queues``:
受理员 on 待受理, 派遣员 on 待派遣, those who verify on 待核查, 值班长 on 待结案), or all of them when no role's
queue does (待回访, and a department's 派遣单). Where: the workflow's rule (``workflow.roles_of``) put into SQL:
department roles through their department's live assignment, centre roles at the centres their queue opens on
(``queues.centre_reach``: their own, or theirs and those below), every other role where its node reaches the
case. A suspended case waits for nobody (挂账 stops its work). A step's guard, which reads the case's record, is
left to the case page.

The steps awaited in the same states are asked together: one query for their ``LIMIT`` most urgent cases (or
派遣单), and a count only when there are more, which become one line to the queue (or inbox) listing them all.
"""

from django.db.models import Case as Conditional
from django.db.models import F, Q, When
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from civicgrid.core.querysets import prefix_filter
from civicgrid.core.worklist import Task
from civicgrid.orgs.choices import CENTRE_ROLES, DEPARTMENT_ROLES
from civicgrid.orgs.scope import node_prefixes

from . import queues, registry
from .choices import OPEN_STATUSES, AssignmentStatus, Status
from .models import Assignment, Case
from .workflow import ACTIVE

LIMIT = 30  # the most urgent items of each group on the page; the rest are one line to their list
ORDER = 10  # before the other apps' tasks when due at the same time


def tasks(user, now) -> list[Task]:
    """The cases (and 派遣单) waiting for a step ``user`` may take, the most urgent of each group."""
    found = []
    for (on_assignment, states), reach in _groups(user).items():
        found += (_assignment_tasks if on_assignment else _case_tasks)(user, states, reach)
    return found


def _groups(user) -> dict:
    """(on an assignment?, awaited states) → where the user may take one of the steps awaited there."""
    groups: dict = {}
    for step in registry.awaited():
        grants = user.scope.holding(_takers(step))
        if grants:
            key = (step.on_assignment, step.awaited_in)
            groups[key] = groups.get(key, Q(pk__in=[])) | _step_reach(step, grants)
    return groups


def _takers(step) -> frozenset:
    """The roles whose step it is: those of its roles whose own work the awaited states are, else all of them."""
    owning = step.roles & queues.owners(step.awaited_in) if not step.on_assignment else frozenset()
    return owning or step.roles


def _step_reach(step, grants) -> Q:
    prefix = "case__" if step.on_assignment else ""
    kinds = [kind.code for kind in registry.kinds() if step.applies_to(kind.code)]
    reach = Q(pk__in=[])
    for grant in grants:
        reach |= _grant_reach(grant, step.on_assignment)
    return Q(**{f"{prefix}kind__in": kinds}) & reach


def _grant_reach(grant, on_assignment: bool) -> Q:
    """Where one grant lets its holder act, as a filter of cases (or of assignments)."""
    if grant.role in DEPARTMENT_ROLES:
        if on_assignment:
            return Q(department_id=grant.department_id)
        live = Assignment.objects.filter(department_id=grant.department_id, status__in=ACTIVE)
        return Q(pk__in=live.values("case_id"))
    prefix, codes = "case__" if on_assignment else "", node_prefixes(grant)
    if grant.role not in CENTRE_ROLES:
        return prefix_filter(f"{prefix}area_code", codes)
    if queues.centre_reach(grant.role) == queues.MINE:
        return Q(**{f"{prefix}centre_area__code__in": codes})
    return prefix_filter(f"{prefix}centre_area__code", codes)


def _case_tasks(user, states, reach: Q) -> list[Task]:
    cases = Case.objects.restrict(user).filter(reach, status__in=states, suspended_at__isnull=True)
    rows = list(cases.select_related("area").only("number", "title", "status", "due_at", "area__name")
                .order_by(F("due_at").asc(nulls_last=True), "reported_at", "pk")[:LIMIT + 1])
    found = [Task(case.get_status_display(), case.title, reverse("cases:detail", args=[case.number]),
                  due_at=case.due_at, place=case.area.name, order=ORDER) for case in rows[:LIMIT]]
    if len(rows) > LIMIT:
        found.append(_more(cases.count() - LIMIT, Status, states, reverse("cases:queue")))
    return found


def _assignment_tasks(user, states, reach: Q) -> list[Task]:
    """派遣单 waiting for their department, each on its own clock: 签收 while 待签收, then 处置."""
    assignments = Assignment.objects.restrict(user).filter(
        reach, status__in=states, case__status__in=OPEN_STATUSES, case__suspended_at__isnull=True)
    clock = Conditional(When(status=AssignmentStatus.DISPATCHED, then=F("accept_due_at")), default=F("due_at"))
    rows = list(assignments.annotate(clock=clock).select_related("case__area")
                .only("status", "case__number", "case__title", "case__area__name")
                .order_by(F("clock").asc(nulls_last=True), "dispatched_at", "pk")[:LIMIT + 1])
    found = [Task(a.get_status_display(), a.case.title, reverse("cases:detail", args=[a.case.number]),
                  due_at=a.clock, place=a.case.area.name, order=ORDER) for a in rows[:LIMIT]]
    if len(rows) > LIMIT:
        found.append(_more(assignments.count() - LIMIT, AssignmentStatus, states, reverse("cases:inbox")))
    return found


def _more(count: int, labels, states, url: str) -> Task:
    """The line standing for the cases past the limit, to the list filtered on their state (when one)."""
    state = next(iter(states)) if len(states) == 1 else ""
    kind = labels(state).label if state else _("案件")
    return Task(str(kind), _("另有 %(n)d 件，在列表中查看全部") % {"n": count},
                f"{url}?{urlencode({'status': state})}" if state else url, order=ORDER + 1, count=count)
