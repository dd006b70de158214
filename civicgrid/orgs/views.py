from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone

from civicgrid.core import menu
from civicgrid.geo import services as geo_services

from . import services

SHOWN = 20  # scope cards on the home page; the area browser lists the rest


@login_required
def home(request):
    """Each role's start page: where the user works, what they look after, and where to go next; grid workers
    and the heads start on their task list instead."""
    if services.starts_on_tasks(request.user):
        return redirect("tasks")
    assignments = request.user.assignments.select_related("area", "department", "precinct__township")
    tops = request.user.scope.home()
    scope = [
        {"area": top, "grids": geo_services.grid_count(top), "households": geo_services.household_total(top)}
        for top in tops[:SHOWN]
    ]
    roles = {a.role for a in assignments}
    context = {"assignments": assignments, "scope": scope, "more": len(tops) - len(scope), "roles": roles,
               "panels": menu.panels(request, request.user.scope.roles)}
    return render(request, "orgs/home.html", context)


@login_required
def tasks(request):
    """我的任务: everything the user has to do, overdue first, each linking to where it is done; ``kind`` shows
    one kind only. The home page's panels follow, as on the overview."""
    now = timezone.now()
    found = services.task_list(request.user, now)
    kind = request.GET.get("kind", "") if request.GET.get("kind") in dict(found.kinds) else ""
    rows = [{"task": task, "overdue": task.overdue(now)} for task in found.tasks if not kind or task.kind == kind]
    context = {"found": found, "rows": rows, "kind": kind, "panels": menu.panels(request, request.user.scope.roles)}
    return render(request, "orgs/tasks.html", context)
