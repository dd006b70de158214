from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from civicgrid.core import menu
from civicgrid.geo import services as geo_services

from . import services

SHOWN = 20  # scope cards on the home page; the area browser lists the rest


@login_required
def home(request):
    """Each role's start page: where the user works, what they look after, and where to go next; for grid
    workers and the heads, their task list first."""
    assignments = request.user.assignments.select_related("area", "department", "precinct__township")
    tops = request.user.scope.home()
    scope = [
        {"area": top, "grids": geo_services.grid_count(top), "households": geo_services.household_total(top)}
        for top in tops[:SHOWN]
    ]
    roles = {a.role for a in assignments}
    context = {"assignments": assignments, "scope": scope, "more": len(tops) - len(scope), "roles": roles,
               "panels": menu.panels(request, request.user.scope.roles)}
    if services.starts_on_tasks(request.user):
        context.update(_tasks(request))
    return render(request, "orgs/home.html", context)


@login_required
def tasks(request):
    """我的任务: everything the user has to do, overdue first, each linking to where it is done, then the home
    page's panels."""
    context = {**_tasks(request), "panels": menu.panels(request, request.user.scope.roles)}
    return render(request, "orgs/tasks.html", context)


def _tasks(request) -> dict:
    """The task list and its rows; ``kind`` (one of the list's kinds) shows that kind only."""
    now = timezone.now()
    found = services.task_list(request.user, now)
    kind = request.GET.get("kind", "") if request.GET.get("kind") in dict(found.kinds) else ""
    rows = [{"task": task, "overdue": task.overdue(now)} for task in found.tasks if not kind or task.kind == kind]
    return {"found": found, "rows": rows, "kind": kind}
