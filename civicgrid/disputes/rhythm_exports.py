"""The rhythm's figures as Excel sheets (``core.xlsx``) and the quarterly bulletin as a PDF (``core.pdf``).

Rates are written as the pages print them (“96.8%”, “—” with nothing to divide by), counts as numbers.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civicgrid.core import pdf
from civicgrid.core.xlsx import Sheet

from . import rhythm

RATE_HEADER = (gettext_lazy("纠纷数"), gettext_lazy("调解数"), gettext_lazy("化解数"), gettext_lazy("调处成功率"),
               gettext_lazy("按期化解率"), gettext_lazy("协议数"), gettext_lazy("已履行"), gettext_lazy("协议履行率"))
CASE_HEADER = (gettext_lazy("案件编号"), gettext_lazy("标题"), gettext_lazy("纠纷类型"), gettext_lazy("所在区域"),
               gettext_lazy("上报时间"), gettext_lazy("状态"))


def _header(*first) -> list[str]:
    return [str(title) for title in (*first, *RATE_HEADER)]


def _rates(found: rhythm.Figures) -> list:
    rates = found.rates
    return [found.total, found.mediated, found.resolved, rates["success"], rates["in_time"], found.agreements,
            found.performed, rates["performed"]]


def _when(value):
    return timezone.localtime(value) if value else None


def _case_row(case) -> list:
    return [case.number, case.title, case.category.name, case.area.name, _when(case.reported_at),
            case.get_status_display()]



def daily_sheets(found: rhythm.Daily) -> list[Sheet]:
    header = [_("区域"), _("代码"), _("今日纠纷"), _("其中主动排查"), _("未化解"), _("网格数"), _("已零报告"),
              _("有纠纷上报"), _("未报告"), _("零报告状态"), _("报告人"), _("报告时间")]
    rows = [[r.area.name, r.area.code, r.found, r.screened, r.unresolved, r.grids, r.reported, r.with_disputes,
             r.not_yet, str(r.status) if r.area.is_grid else "", r.reporter, _when(r.reported_at)]
            for r in found.rows]
    return [Sheet(_("日排查"), header, rows),
            Sheet(_("今日纠纷"), [str(title) for title in CASE_HEADER], [_case_row(case) for case in found.disputes])]


def _load_rows(loads: list[rhythm.Load]) -> list:
    return [[load.label, load.committee, load.count, load.overdue, _when(load.nearest)] for load in loads]


def weekly_sheets(found: rhythm.Weekly) -> list[Sheet]:
    load_header = [_("调解员或组织"), _("所属调解组织"), _("超一周未化解"), _("已超期"), _("最近期限")]
    listed = [[*_case_row(case)[:4], case.dispute.committee.name if _committee(case) else "",
               rhythm.mediators_of(case), _when(case.reported_at), (found.now - case.reported_at).days,
               _when(case.due_at)] for case in found.disputes]
    header = [*[str(title) for title in CASE_HEADER[:4]], _("调解组织"), _("调解员"), _("上报时间"), _("已历天数"),
              _("化解期限")]
    return [Sheet(_("按调解员"), load_header, _load_rows(found.by_mediator)),
            Sheet(_("按调解组织"), load_header, _load_rows(found.by_committee)),
            Sheet(_("超一周未化解纠纷"), header, listed)]


def _committee(case):
    record = getattr(case, "dispute", None)
    return record and record.committee


def _labelled(title: str, rows: list[rhythm.Labelled]) -> Sheet:
    return Sheet(title, _header(_("项目")), [[row.label, *_rates(row.figures)] for row in rows])


def monthly_sheets(found: rhythm.Monthly) -> list[Sheet]:
    overall = [[found.period.label, *_rates(found.figures), "", ""]]
    overall += [[c.label, *_rates(c.figures), c.total_change, c.rate_change] for c in found.changes]
    return [
        Sheet(_("总体"), [*_header(_("期间")), _("纠纷数增减"), _("成功率增减")], overall),
        _labelled(_("按类型"), found.by_type),
        _labelled(_("按来源"), found.by_source),
        _labelled(_("按调解方式"), found.by_method),
        Sheet(_("按区域"), _header(_("区域"), _("代码")), [[a.name, a.code, *_rates(f)] for a, f in found.by_area]),
        Sheet(_("热点"), [_("区域"), _("代码"), _("纠纷数")],
              [[spot["area__name"], spot["area_code"], spot["n"]] for spot in found.hot_spots]),
    ]


def _ranked(title: str, rows: list[rhythm.Ranked], parent: str, name: str) -> Sheet:
    return Sheet(title, _header(_("名次"), name, parent), [[r.rank, r.label, r.parent, *_rates(r.figures)] for r in rows])


def quarterly_sheets(found: rhythm.Quarterly) -> list[Sheet]:
    return [_ranked(_("乡镇街道排名"), found.townships, _("所属县区"), _("乡镇街道")),
            _ranked(_("调解组织排名"), found.committees, _("所在区域"), _("调解组织"))]


def rankings(found: rhythm.Quarterly) -> list[tuple]:
    """The bulletin's two tables: heading, ranked rows, element id, what a row is."""
    return [(_("乡镇（街道）排名"), found.townships, "township-ranking", _("乡镇街道")),
            (_("调解组织排名"), found.committees, "committee-ranking", _("调解组织"))]


def bulletin(found: rhythm.Quarterly, request=None) -> bytes:
    """季通报 as a PDF to send up the chain."""
    context = {"report": found, "rankings": rankings(found), "printed": timezone.localdate()}
    return pdf.render("disputes/rhythm/bulletin_print.html", context, request=request)
