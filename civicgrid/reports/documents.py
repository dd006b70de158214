"""A report's contents as the two files it is kept as: an Excel workbook and a printed PDF.

Both read the same rows (``key_figures``, ``ranking_rows``, ``overdue_rows``), so the workbook and the print
never disagree; a rate with nothing to divide by is “—” in both.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civicgrid.core import pdf, xlsx
from civicgrid.dashboards.figures import NOTHING, written

from . import charts
from .choices import PeriodKind
from .content import Contents


def shown(value, unit: str = "") -> str:
    """A figure as printed: “—” when there is nothing to divide by, never 0 %."""
    return written(value, "{}" + unit)


# The key figures: the ``Summary`` property each reads, its name and its unit.
FIGURES = (("cases", gettext_lazy("受理案件"), ""), ("open", gettext_lazy("在办案件"), ""),
           ("resolved", gettext_lazy("办结案件"), ""), ("overdue", gettext_lazy("超期在办"), ""),
           ("resolution_rate", gettext_lazy("办结率"), "%"), ("on_time_rate", gettext_lazy("按期办结率"), "%"),
           ("satisfaction_rate", gettext_lazy("满意率"), "%"), ("overdue_share", gettext_lazy("红灯占比"), "%"),
           ("average_hours", gettext_lazy("平均办理用时（工作小时）"), ""))


def key_figures(contents: Contents, names=None) -> list[tuple[str, object, object, str]]:
    """(figure, this period, the period before, unit) for each key figure (those ``names``, when given)."""
    now, before = contents.summary, contents.previous
    return [(str(label), getattr(now, name), getattr(before, name), unit) for name, label, unit in FIGURES
            if names is None or name in names]


def ranking_header(what: str) -> list[str]:
    return [_("排名"), what, _("案件数"), _("办结数"), _("办结率"), _("按期办结率"), _("满意率"), _("超期在办")]


def cell(value, unit: str = ""):
    """A figure as a workbook holds it: the number itself (rates in per cent), or “—”."""
    return NOTHING if value is None else value


def ranking_rows(ranked: list, show=shown) -> list[list]:
    return [[line.rank, line.label, line.summary.cases, line.summary.resolved,
             show(line.summary.resolution_rate, "%"), show(line.summary.on_time_rate, "%"),
             show(line.summary.satisfaction_rate, "%"), line.summary.overdue] for line in ranked]


def overdue_header() -> list[str]:
    return [_("案件编号"), _("标题"), _("事项分类"), _("所在区域"), _("应办结时间")]


def overdue_rows(contents: Contents) -> list[list]:
    return [[case.number, case.title, case.category.name, case.area.name,
             timezone.localtime(case.due_at).strftime("%Y-%m-%d %H:%M") if case.due_at else NOTHING]
            for case in contents.overdue]


def workbook(contents: Contents) -> bytes:
    figures = [[label, cell(now), cell(before), unit] for label, now, before, unit in key_figures(contents)]
    return xlsx.workbook([
        xlsx.Sheet(_("关键指标"), [_("指标"), _("本期"), _("上期"), _("单位")], figures),
        xlsx.Sheet(_("案件趋势"), [_("日期"), _("受理案件")], [list(pair) for pair in contents.trend]),
        xlsx.Sheet(_("事项类型"), [_("类型"), _("受理案件")], [list(pair) for pair in contents.kinds]),
        xlsx.Sheet(_("高发问题"), ranking_header(_("事项分类")), ranking_rows(contents.categories, cell)),
        xlsx.Sheet(_("下级区域排名"), ranking_header(_("区域")), ranking_rows(contents.areas, cell)),
        xlsx.Sheet(_("部门排名"), ranking_header(_("主办部门")), ranking_rows(contents.departments, cell)),
        xlsx.Sheet(_("超期案件"), overdue_header(), overdue_rows(contents)),
    ])


def printed(contents: Contents) -> bytes:
    categories = [(line.label, line.summary.cases) for line in contents.categories]
    return pdf.render("reports/report_pdf.html", {
        "contents": contents, "generated_at": timezone.localtime(), "kind_label": PeriodKind(contents.kind).label,
        "figures": [(label, shown(now, unit), shown(before, unit)) for label, now, before, unit in key_figures(contents)],
        "trend_chart": charts.trend(contents.trend, _("案件趋势")),
        "kind_chart": charts.bars(contents.kinds, _("事项类型")),
        "category_chart": charts.bars(categories, _("高发问题")),
        "areas": ranking_rows(contents.areas), "departments": ranking_rows(contents.departments),
        "area_header": ranking_header(_("区域")), "department_header": ranking_header(_("主办部门")),
        "categories": ranking_rows(contents.categories), "category_header": ranking_header(_("事项分类")),
        "overdue": overdue_rows(contents), "overdue_header": overdue_header(),
    })
