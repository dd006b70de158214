"""数据看板 pages: the figures of an area of the user's scope (404 outside it), department staff's of their
department, over a chosen period; each chart's table as Excel. The figures are read by ``board.Board``."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from civicgrid.core import xlsx
from civicgrid.geo.choices import AreaLevel
from civicgrid.geo.services import crumbs

from . import services
from .board import Board
from .forms import PeriodForm

MAX_CHILDREN = 60


def _board(request, code: str | None) -> tuple[Board, PeriodForm]:
    view = services.viewpoint(request.user, code)
    if view is None:
        raise Http404
    form = PeriodForm(request.GET)
    return Board(view, form.chosen()), form


@login_required
def dashboard(request, code=None):
    board, form = _board(request, code)
    area = board.view.area
    charts = board.charts()
    context = {"board": board, "form": form, "area": area, "stats": board.stats(), "charts": charts,
               "specs": {chart.slug: chart.spec() for chart in charts}, "query": board.chosen.query(),
               "crumbs": crumbs(request.user, area), "children": _children(area),
               "map": _map(board, charts), "geojson_url": reverse("geo:area_geojson", args=[area.code])}
    return render(request, "dashboards/dashboard.html", context)


def _children(area) -> list:
    if area.level >= AreaLevel.GRID:
        return []
    return list(area.children.order_by("code")[:MAX_CHILDREN])


def _map(board: Board, charts: list) -> dict:
    """Each child area's figures for the map, by code, with where a click drills to."""
    areas = next((chart for chart in charts if chart.slug == "areas"), None)
    if areas is None:
        return {}
    query = board.chosen.query()
    return {line.key: {"name": line.label, "cases": line.cells[0].value, "open": line.cells[1].value,
                       "overdue": line.cells[2].value, "share": line.cells[3].value, "cases_url": line.cells[0].link,
                       "drill": _drill(line.key, query)} for line in areas.lines}


def _drill(code: str, query: dict) -> str:
    return f"{reverse('dashboards:area', args=[code])}?{urlencode(query)}"


@login_required
def export(request, code, chart):
    """One chart's table as Excel, for the same period and viewpoint as the page."""
    board, _form = _board(request, code)
    found = board.chart(chart)
    if found is None:
        raise Http404
    period = board.period
    name = _("%(title)s-%(area)s-%(start)s至%(end)s") % {"title": found.title, "area": board.view.area.name,
                                                       "start": period.start, "end": period.end}
    return xlsx.response([found.sheet()], name)


def home_panel(request) -> dict | None:
    """This month's key figures of the user's area (or department) at the top of their home page."""
    view = services.viewpoint(request.user, None)
    if view is None:
        return None
    board = Board(view, PeriodForm({}).chosen())
    return {"board": board, "stats": board.stats()}
