from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from civicgrid.geo import services as geo_services


@login_required
def home(request):
    """Each role's start page: where the user works, what they look after, and where to go next."""
    assignments = request.user.assignments.select_related("area", "department", "precinct__township")
    roots = request.user.scope.roots()
    scope = [
        {"area": root, "grids": geo_services.grid_count(root), "households": geo_services.household_total(root)}
        for root in roots[:20]
    ]
    roles = {a.role for a in assignments}
    return render(request, "orgs/home.html", {"assignments": assignments, "scope": scope, "roles": roles})
