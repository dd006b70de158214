from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from civicgrid.core import menu
from civicgrid.geo import services as geo_services

SHOWN = 20  # scope cards on the home page; the area browser lists the rest


@login_required
def home(request):
    """Each role's start page: where the user works, what they look after, and where to go next."""
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
