"""The four-colour risk register (风险隐患清单) of an area, its Excel export, and the home page's panel.

Pages read ``services.register``; an area outside the user's scope is a 404. Nothing here changes a hazard:
its steps are taken on the case page or through the JSON API, like every step of the loop.
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from civicgrid.core import xlsx
from civicgrid.geo.services import crumbs

from . import services
from .choices import GRADE_COLOURS, GRADE_ORDER, Grade

PER_PAGE = 50
# The register's columns, red first, named by their colour alone to keep the table narrow.
COLUMNS = [(Grade.RED, _lazy("红色")), (Grade.ORANGE, _lazy("橙色")), (Grade.YELLOW, _lazy("黄色")),
           (Grade.BLUE, _lazy("蓝色"))]
EXPORT_MAX = 20000


@login_required
def index(request):
    """The register of the user's top area (a superuser's: where the grids are)."""
    home = request.user.scope.home()
    if not home:
        raise Http404
    return redirect("hazards:register", code=home[0].code)


def _register(request, code: str) -> services.Register:
    found = services.register(request.user, code)
    if found is None:
        raise Http404
    return found


@login_required
def register_page(request, code):
    found = _register(request, code)
    page = Paginator(found.rows, PER_PAGE).get_page(request.GET.get("page"))
    context = {"register": found, "page": page, "crumbs": crumbs(request.user, found.area),
               "children": found.area.children.order_by("code"), "colours": GRADE_COLOURS,
               "points": services.points(found), "columns": COLUMNS}
    return render(request, "hazards/register.html", context)


@login_required
def export(request, code):
    """The register as Excel: the counts by field and grade, then every live hazard, overdue first."""
    found = _register(request, code)
    name = _("风险隐患清单-%(area)s-%(day)s") % {"area": found.area.name, "day": timezone.localdate().isoformat()}
    return xlsx.response([_counts_sheet(found), _rows_sheet(found)], name)


def _counts_sheet(found) -> xlsx.Sheet:
    header = [_("隐患领域"), *[Grade(grade).label for grade in GRADE_ORDER], _("未定级"), _("合计"), _("整改超期")]
    rows = [[row.field.name, *row.cells, row.ungraded, row.total, row.overdue] for row in found.fields]
    rows.append([_("合计"), *found.totals, found.ungraded, found.total, found.overdue])
    return xlsx.Sheet(_("分级分领域统计"), header, rows)


def _rows_sheet(found) -> xlsx.Sheet:
    header = [_("案件编号"), _("隐患领域"), _("隐患部位或单位"), _("所在区域"), _("风险等级"), _("定级理由"), _("责任单位"),
              _("责任人"), _("责任人电话"), _("整改措施"), _("整改期限"), _("整改超期"), _("验收时间")]
    rows = [_row(hazard) for hazard in found.rows[:EXPORT_MAX]]
    return xlsx.Sheet(_("隐患清单"), header, rows)


def _row(hazard) -> list:
    return [hazard.case.number, hazard.field.name, hazard.place, hazard.case.area.name,
            hazard.get_grade_display() or _("未定级"), hazard.grade_reason, hazard.responsible_unit,
            hazard.responsible_person, hazard.masked_phone, hazard.measures, hazard.due_at,
            _("是") if hazard.late == 0 else "", hazard.verified_at]


def home_panel(request) -> dict | None:
    """The user's live hazards by grade and overdue rectifications, at the top of their home page."""
    summary = services.scope_summary(request.user)
    if summary is None:
        return None
    summary["grades"] = [(grade, Grade(grade).label, n) for grade, n in summary["grades"]]
    return summary
