import json

import shapely
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from . import panels, services
from .choices import AreaLevel
from .models import Area, Boundary


def _scoped_area(request, code: str) -> Area:
    area = Area.objects.restrict(request.user).filter(code=code).select_related("parent").first()
    if area is None:
        raise Http404
    return area


@login_required
def area_index(request):
    """The user's top nodes (their own node at once when there is one); a superuser's where the grids are,
    then every top node of the tree."""
    user = request.user
    roots = user.scope.home()
    if len(roots) == 1 and not user.is_superuser:
        return redirect("geo:area", code=roots[0].code)
    tree = user.scope.roots() if user.is_superuser else roots
    return render(request, "geo/area_roots.html", {"roots": roots, "others": tree if tree != roots else []})


@login_required
def area_detail(request, code):
    area = _scoped_area(request, code)
    context = {
        "area": area,
        "crumbs": services.crumbs(request.user, area),
        "children": services.children_figures(area),
        "households": services.household_total(area),
        "grids": services.grid_count(area),
        "panels": panels.rendered(request, area),
        "geojson_url": reverse("geo:area_geojson", args=[area.code]),
    }
    template = "geo/grid_detail.html" if area.level >= AreaLevel.GRID else "geo/area_detail.html"
    return render(request, template, context)


@login_required
def area_tree(request, code):
    """The children of a node for the tree, loaded by htmx when a branch opens."""
    area = _scoped_area(request, code)
    return render(request, "geo/_tree_children.html", {"children": area.children.order_by("code")})


@login_required
def area_geojson(request, code):
    """The node's own outline and its children's, with codes and counts, for the Leaflet map."""
    area = _scoped_area(request, code)
    figures = {f.area.pk: f for f in services.children_figures(area)}
    outlines = {b.area_id: b for b in Boundary.objects.current().filter(area__in=[area.pk, *figures])}
    features = [_feature(b, area, figures.get(b.area_id), b.area_id == area.pk) for b in outlines.values()]
    return JsonResponse({"type": "FeatureCollection", "features": features})


def _feature(boundary, area, figure, is_self):
    node = area if is_self else figure.area
    properties = {
        "code": node.code, "name": node.name, "self": is_self,
        "url": reverse("geo:area", args=[node.code]),
        "grids": figure.grids if figure else None, "households": figure.households if figure else None,
    }
    geometry = json.loads(shapely.to_geojson(boundary.geometry))
    return {"type": "Feature", "properties": properties, "geometry": geometry}
