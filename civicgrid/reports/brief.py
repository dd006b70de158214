"""综治专报: a brief an administrator or a centre's staff sends up: the figures of a period they pick, the
rankings they tick and the cases they name (numbers from the queue), as a Word document.

The figures come from the tally (``content``), the cases from the user's scope: a number that is not theirs
is refused like one that does not exist, so the brief never tells whether it does. Case lines name the
number, title, category, area, state, filing time and lead department, never the reporter.
"""

import re
from dataclasses import dataclass, field
from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from civicgrid.cases.models import Case
from civicgrid.cases.workflow import InvalidInput, NotAllowed
from civicgrid.dashboards.figures import NOTHING, Period
from civicgrid.orgs.models import Centre

from . import content, documents, services

MOST_CASES = 50
RANKING_LABELS = {"categories": gettext_lazy("高发问题"), "areas": gettext_lazy("下级区域排名"),
                  "departments": gettext_lazy("部门排名")}
RANKING_HEADERS = {"categories": gettext_lazy("事项分类"), "areas": gettext_lazy("区域"),
                   "departments": gettext_lazy("主办部门")}
NUMERALS = "一二三四五六七八九十"
SEPARATORS = re.compile(r"[\s,，、;；]+")
FONT = "Noto Serif CJK SC"


@dataclass
class Draft:
    """What the brief is to hold, as the form read it."""

    centre: Centre
    title: str
    period: Period
    figures: list = field(default_factory=list)  # names of documents.FIGURES
    rankings: list = field(default_factory=list)  # names of content.RANKINGS
    numbers: list = field(default_factory=list)  # case numbers
    note: str = ""


def numbers(text: str) -> list[str]:
    """The case numbers in what was pasted (one a line, or separated by commas), each once, in order."""
    return list(dict.fromkeys(part for part in SEPARATORS.split(text or "") if part))


def compose(user, draft: Draft) -> bytes:
    """The brief as a .docx; refused (nothing made) for a centre not the user's, a period reaching past
    today, a case not found in the user's scope, or nothing picked."""
    if not services.may_read(user, draft.centre):
        raise NotAllowed(_("您无权为该综治中心编写专报。"))
    if draft.period.end > timezone.localdate():
        raise InvalidInput(_("统计期不能在今天之后结束。"), {"end": _("结束日期在今天之后。")})
    cases = _cases(user, draft.numbers)
    if not (draft.figures or draft.rankings or cases):
        raise InvalidInput(_("请至少选择一项数据或填写一个案件编号。"))
    sections = [content.KEY_FIGURES, *(content.RANKINGS[name] for name in draft.rankings)]
    return _document(draft, content.gather(draft.centre, "", draft.period, sections=sections), cases)


def _cases(user, wanted: list[str]) -> list[Case]:
    if len(wanted) > MOST_CASES:
        raise InvalidInput(_("一份专报最多列 %(most)d 个案件。") % {"most": MOST_CASES}, {"cases": _("案件过多。")})
    found = {case.number: case for case in Case.objects.restrict(user).filter(number__in=wanted)
             .select_related("category", "area", "lead_department")}
    missing = [number for number in wanted if number not in found]
    if missing:
        raise InvalidInput(_("未找到以下案件，或不在您的负责范围内：%(numbers)s") % {"numbers": "、".join(missing)},
                           {"cases": _("案件编号有误。")})
    return [found[number] for number in wanted]


def _document(draft: Draft, found: content.Contents, cases: list[Case]) -> bytes:
    document = Document()
    _chinese(document)
    heading = document.add_heading(draft.title, level=0)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    period = _("统计期：%(start)s 至 %(end)s") % {"start": draft.period.start, "end": draft.period.end}
    document.add_paragraph(f"{draft.centre.name}　{period}").alignment = WD_ALIGN_PARAGRAPH.CENTER
    if draft.note:
        document.add_paragraph(draft.note)
    parts = [*_figures(draft, found), *_rankings(draft, found), *_case_part(cases)]
    for number, (title, header, rows) in enumerate(parts):
        document.add_heading(f"{NUMERALS[number]}、{title}", level=1)
        _table(document, header, rows)
    document.add_paragraph(_("生成时间：%(at)s") % {"at": timezone.localtime().strftime("%Y-%m-%d %H:%M")})
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _chinese(document) -> None:
    """Chinese text in a Chinese font (Word picks East Asian glyphs by the eastAsia attribute)."""
    for name in ("Normal", "Title", "Heading 1"):
        style = document.styles[name]
        style.font.name = FONT
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _figures(draft: Draft, found: content.Contents) -> list:
    if not draft.figures:
        return []
    rows = [[label, documents.shown(value, unit)] for label, value, _before, unit
            in documents.key_figures(found, draft.figures)]
    return [(_("主要数据"), [_("指标"), _("数值")], rows)]


def _rankings(draft: Draft, found: content.Contents) -> list:
    return [(str(RANKING_LABELS[name]), documents.ranking_header(str(RANKING_HEADERS[name])),
             documents.ranking_rows(getattr(found, name))) for name in draft.rankings]


def _case_part(cases: list[Case]) -> list:
    if not cases:
        return []
    header = [_("案件编号"), _("标题"), _("事项分类"), _("所在区域"), _("状态"), _("上报时间"), _("主办部门")]
    rows = [[case.number, case.title, case.category.name, case.area.name, case.get_status_display(),
             timezone.localtime(case.reported_at).strftime("%Y-%m-%d %H:%M"),
             case.lead_department.name if case.lead_department else NOTHING] for case in cases]
    return [(_("重点案件"), header, rows)]


def _table(document, header: list, rows: list) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, header):
        cell.text = str(title)
    for row in rows:
        for cell, value in zip(table.add_row().cells, row):
            cell.text = str(value)
